import type { LibraryDocument } from '../../shared/corpus/document';
import type { IncomingBatch } from '../../shared/format/incoming';
import type { ImportPlan } from '../../shared/format/merge';
import type { PalimpsestDb } from '../store/db';
import { applyImport, previewImport } from '../store/transfer';
import { failureOf } from './worker-errors';
import { type ImportReply, type ImportRequest, type ImportSummary, maxListedUnplaced } from './import-protocol';

/// What the handler works on: the library's database and its documents as
/// they are now (revisions included), read afresh for every file.
export interface ImportContext {
  db: PalimpsestDb;
  documents(): Promise<ReadonlyMap<string, LibraryDocument>>;
}

/// The import worker's logic: answers a request, posting progress on the
/// way. Holds the last previewed file until it is applied or discarded, so
/// the file crosses from the page to the worker once.
export function createImportHandler(context: ImportContext): (request: ImportRequest, post: (reply: ImportReply) => void) => Promise<void> {
  let pending: { fileName: string; batch: IncomingBatch } | null = null;
  return async ({ id, command }, post) => {
    try {
      switch (command.type) {
        case 'preview': {
          pending = null;
          const { batch, plan } = await previewImport(context.db, await context.documents(), command.json);
          pending = { fileName: command.fileName, batch };
          post({ id, ok: true, value: summarize(command.fileName, batch, plan) });
          return;
        }
        case 'apply': {
          if (!pending) throw new RangeError('There is no previewed file to import: preview one first.');
          const { fileName, batch } = pending;
          pending = null;
          const plan = await applyImport(context.db, await context.documents(), batch, (done, total) => post({ id, progress: { done, total } }));
          post({ id, ok: true, value: summarize(fileName, batch, plan) });
          return;
        }
        case 'discard':
          pending = null;
          post({ id, ok: true, value: null });
          return;
      }
    } catch (error) {
      post({ id, ok: false, error: failureOf(error, 'import worker') });
    }
  };
}

/// The counts of a plan, for the preview dialog and the closing notice.
export function summarize(fileName: string, batch: IncomingBatch, plan: ImportPlan): ImportSummary {
  return {
    fileName,
    format: batch.format,
    total: batch.annotations.length,
    add: plan.add.length,
    update: plan.update.length,
    unchanged: plan.unchanged,
    fuzzy: plan.fuzzy,
    addTagTypes: plan.addTagTypes,
    unplacedCount: plan.unplaced.length,
    unplaced: plan.unplaced.slice(0, maxListedUnplaced),
  };
}
