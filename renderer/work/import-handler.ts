import type { LibraryDocument } from '../../shared/corpus/document';
import type { IncomingBatch } from '../../shared/format/incoming';
import type { PalimpsestDb } from '../store/db';
import { type CancelCheck, CancelledError, checkCancelled } from '../../shared/importers/cancel';
import { ImportFileError } from '../../shared/importers/errors';
import { importFile } from '../../shared/importers/import-file';
import { buildBackup } from '../store/backups';
import { addDocuments, documentRowOf } from '../store/documents';
import type { DocumentRow } from '../store/db';
import { type RevisionPlan, applyRevision, planRevision } from '../store/revisions';
import { applyQdpx, previewQdpx, type QdpxPreview } from '../store/qdpx-import';
import { applyImport, previewImport } from '../store/transfer';
import { failureOf } from './worker-errors';
import {
  type DocumentFile,
  type DocumentFileResult,
  type ImportReply,
  type ImportRequest,
  type RevisionSummary,
  summarize,
  summarizeQdpx,
} from './import-protocol';
import { messageOf } from '../../shared/errors';

/// What the handler works on: the library's database and its documents as
/// they are now (revisions included), read afresh for every file.
export interface ImportContext {
  db: PalimpsestDb;
  documents(): Promise<ReadonlyMap<string, LibraryDocument>>;
}

/// The import worker's logic: answers a request, posting progress on the
/// way. Holds the last previewed file or revision until it is applied or
/// discarded, so the file crosses from the page to the worker once.
export function createImportHandler(context: ImportContext): (request: ImportRequest, post: (reply: ImportReply) => void) => Promise<void> {
  let pending: { fileName: string; batch: IncomingBatch } | null = null;
  let revision: RevisionPlan | null = null;
  let project: QdpxPreview | null = null;
  const cancelled = new Set<number>();
  return async ({ id, command }, post) => {
    try {
      switch (command.type) {
        case 'cancel':
          cancelled.add(command.request);
          post({ id, ok: true, value: null });
          return;
        case 'preview': {
          pending = null;
          revision = null;
          project = null;
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
        case 'preview-qdpx': {
          pending = null;
          revision = null;
          project = null;
          const preview = await previewQdpx(context.db, await context.documents(), command.fileName, new Uint8Array(command.bytes));
          project = preview;
          post({ id, ok: true, value: summarizeQdpx(preview, preview.plan, preview.counts) });
          return;
        }
        case 'apply-qdpx': {
          if (!project) throw new RangeError('There is no previewed project to import: preview one first.');
          const preview = project;
          project = null;
          const { plan, counts } = await applyQdpx(context.db, await context.documents(), preview, new Date(), (done, total) =>
            post({ id, progress: { done, total } }),
          );
          post({ id, ok: true, value: summarizeQdpx(preview, plan, counts) });
          return;
        }
        case 'preview-revision': {
          pending = null;
          revision = null;
          project = null;
          const current = (await context.documents()).get(command.documentId);
          if (!current) throw new RangeError(`There is no document ${command.documentId} in the library to revise.`);
          revision = await planRevision(context.db, current, command.fileName, command.source);
          post({ id, ok: true, value: revisionSummary(revision, null) });
          return;
        }
        case 'apply-revision': {
          if (!revision) throw new RangeError('There is no previewed revision to store: preview one first.');
          const plan = revision;
          revision = null;
          post({ id, ok: true, value: revisionSummary(plan, await applyRevision(context.db, plan)) });
          return;
        }
        case 'import-documents': {
          try {
            post({
              id,
              ok: true,
              value: await importDocuments(
                context,
                command.files,
                (done, total) => post({ id, progress: { done, total } }),
                new Date(),
                cancelCheck(() => cancelled.has(id)),
              ),
            });
          } finally {
            cancelled.delete(id);
          }
          return;
        }
        case 'backup': {
          post({ id, ok: true, value: await buildBackup(context.db, await context.documents(), command.since) });
          return;
        }
        case 'discard':
          pending = null;
          revision = null;
          project = null;
          post({ id, ok: true, value: null });
          return;
      }
    } catch (error) {
      post({ id, ok: false, error: failureOf(error, 'import worker') });
    }
  };
}

/// The counts of a revision plan, for the revision dialog and notice.
export function revisionSummary(plan: RevisionPlan, seq: number | null): RevisionSummary {
  return { documentId: plan.revision.documentId, fileName: plan.revision.fileName, counts: plan.counts, seq };
}

/// Reads each file into a document, then stores every one that read in one
/// transaction. A file that does not read is reported and nothing of it is
/// kept; if storing fails, none is kept and each says so. `cancelled` is
/// asked between files and a PDF's pages, and last before storing: once it
/// says so, the import stops with CancelledError and stores nothing.
export async function importDocuments(
  context: ImportContext,
  files: readonly DocumentFile[],
  progress: (done: number, total: number) => void,
  now = new Date(),
  cancelled?: CancelCheck,
): Promise<DocumentFileResult[]> {
  const taken = new Set((await context.documents()).keys());
  const results: DocumentFileResult[] = [];
  const stored: DocumentRow[] = [];
  progress(0, files.length);
  for (const [i, file] of files.entries()) {
    await checkCancelled(cancelled);
    try {
      const imported = await importFile(file.name, new Uint8Array(file.bytes), { encoding: file.encoding, cancelled });
      const row = documentRowOf(imported, taken, now);
      taken.add(row.id);
      stored.push(row);
      results.push({
        fileName: file.name,
        ok: true,
        documentId: row.id,
        title: row.meta.title,
        format: row.format,
        pages: row.pages.length,
        encoding: row.encoding,
        warnings: imported.warnings,
      });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      if (error instanceof ImportFileError) results.push({ fileName: file.name, ok: false, code: error.code, message: error.message });
      else results.push({ fileName: file.name, ok: false, code: 'corrupt', message: `${file.name} could not be read: ${messageOf(error)}` });
    }
    progress(i + 1, files.length);
  }
  await checkCancelled(cancelled);
  if (stored.length === 0) return results;
  try {
    await addDocuments(context.db, stored);
  } catch (error) {
    const message = messageOf(error);
    return results.map((r) => (r.ok ? { fileName: r.fileName, ok: false, code: 'storage', message: `${r.fileName} was read but not stored: ${message}` } : r));
  }
  return results;
}

/// A cancel check that lets the thread read its messages (where a cancel
/// arrives) at least every 50 ms of work: pdf.js reads pages on promises
/// alone, and would otherwise keep the message waiting to the end.
function cancelCheck(isCancelled: () => boolean): CancelCheck {
  let last = Date.now();
  return async () => {
    if (Date.now() - last >= 50) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
    return isCancelled();
  };
}
