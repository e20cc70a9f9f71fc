import type { ReanchorStatus } from '../../shared/anchoring/reanchor';
import type { TagType } from '../../shared/annotation/model';
import type { BackupSince, BuiltBackup } from '../store/backups';
import type { QdpxPreview } from '../store/qdpx-import';
import type { IncomingBatch } from '../../shared/format/incoming';
import type { ImportPlan, Unplaced } from '../../shared/format/merge';

/// The messages between the renderer and the import worker, which reads,
/// validates, anchors and writes what comes into the library off the main
/// thread: a file of 100,000 annotations takes seconds of work, and
/// re-anchoring 10,000 onto a revised text half a second, that would
/// otherwise freeze the page.

/// What the renderer asks of the worker.
export type ImportCommand =
  /// Reads and plans a file against the library as it is; writes nothing.
  | { type: 'preview'; fileName: string; json: string }
  /// Writes the file last previewed, in one transaction, reporting progress.
  | { type: 'apply' }
  /// Reads and plans a REFI-QDA project (a zip, so bytes); writes nothing.
  | { type: 'preview-qdpx'; fileName: string; bytes: ArrayBuffer }
  /// Writes the project last previewed — its new documents with the
  /// annotations, links, actors and sets — in one transaction.
  | { type: 'apply-qdpx' }
  /// Reads a new version of a document and re-anchors its annotations onto
  /// it; writes nothing.
  | { type: 'preview-revision'; documentId: string; fileName: string; source: string }
  /// Stores the revision last previewed, in one transaction.
  | { type: 'apply-revision' }
  /// Reads documents (.txt, .md, .html, .docx, .pdf) into the library: each
  /// file that reads is stored, each that does not is reported; a file is
  /// stored whole or not at all.
  | { type: 'import-documents'; files: DocumentFile[] }
  /// Builds the backup of the library after `since` (see buildBackup).
  | { type: 'backup'; since: BackupSince | null }
  /// Forgets the file or revision last previewed.
  | { type: 'discard' }
  /// Stops the document import of request `request`: files not yet stored
  /// are not stored (the import then fails with CancelledError). Answered
  /// at once, not after the requests before it.
  | { type: 'cancel'; request: number };

/// A file to import as a document: its name, its bytes, and the encoding
/// the researcher chose for a text file (detected when absent).
export interface DocumentFile {
  name: string;
  bytes: ArrayBuffer;
  encoding?: string;
}

/// What became of one file of a document import.
export type DocumentFileResult =
  | {
      fileName: string;
      ok: true;
      documentId: string;
      title: string;
      format: string;
      /// Pages found (PDFs); 0 for formats without pages.
      pages: number;
      encoding: { name: string; detected: boolean } | null;
      warnings: string[];
    }
  | {
      fileName: string;
      ok: false;
      /// ImportFileErrorCode ('encoding', 'encrypted', 'no-text', …), or
      /// 'storage' when the library could not be written.
      code: string;
      message: string;
    };

export interface ImportRequest {
  id: number;
  command: ImportCommand;
}

/// What a preview found, small enough to send back whatever the file's
/// size: counts, the new tag types, and the first unplaced annotations.
export interface ImportSummary {
  fileName: string;
  format: 'native' | 'w3c' | 'qdpx';
  /// Annotations in the file.
  total: number;
  add: number;
  update: number;
  unchanged: number;
  fuzzy: number;
  addTagTypes: TagType[];
  unplacedCount: number;
  /// The first `maxListedUnplaced` of them, with their reasons.
  unplaced: Unplaced[];
  /// Each kind of the library a file carries (a whole-library export):
  /// what is new, updated, or already here. Annotations are counted above.
  kinds: KindCount[];
  /// Times the file gave without a zone or time of day, read as UTC.
  zonelessTimes: number;
}

/// New, updated and already-here items of one kind, for the preview.
export interface KindCount {
  kind: 'tag types' | 'relation types' | 'actors' | 'links' | 'sets';
  add: number;
  update: number;
  unchanged: number;
}

/// What re-anchoring a revision found, for the revision dialog.
export interface RevisionSummary {
  documentId: string;
  fileName: string;
  counts: Record<ReanchorStatus, number>;
  /// The revision's number once stored; `null` in a preview.
  seq: number | null;
}

/// Unplaced annotations listed in a summary; the rest are counted.
export const maxListedUnplaced = 200;

/// Why a command failed: `ImportError` for a file that is not valid (its
/// message names what is wrong and where), or another error's name.
export interface ImportFailure {
  name: string;
  message: string;
}

/// The worker's messages: progress while writing, then one reply per
/// request.
export type ImportReply =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: true; value: ImportSummary | RevisionSummary | DocumentFileResult[] | BuiltBackup | null }
  | { id: number; ok: false; error: ImportFailure };

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
    kinds: batch.library
      ? [
          { kind: 'tag types', add: plan.addTagTypes.length, update: 0, unchanged: plan.presentTagTypes },
          ...(['relation types', 'actors', 'links', 'sets'] as const).map((kind) => {
            const counts = plan.library[kind === 'relation types' ? 'relationTypes' : kind];
            return { kind, add: counts.add.length, update: counts.update.length, unchanged: counts.unchanged };
          }),
        ]
      : [],
    zonelessTimes: plan.zonelessTimes,
  };
}

/// A REFI-QDA project's preview: the plan's counts, with what the project
/// brings beside annotations (new documents by title, links, actors, sets)
/// and what of it is left out, with the reason.
export interface QdpxSummary extends ImportSummary {
  project: { counts: QdpxPreview['counts']; newDocuments: string[]; skipped: { path: string; reason: string }[] };
}

/// The summary of a project's plan, `counts` as previewed or as written.
export function summarizeQdpx(preview: QdpxPreview, plan: ImportPlan, counts: QdpxPreview['counts']): QdpxSummary {
  const { incoming } = preview;
  return {
    ...summarize(preview.fileName, incoming.batch, plan),
    project: { counts, newDocuments: incoming.newDocuments.map((d) => d.meta.title), skipped: incoming.skipped.map(({ path, reason }) => ({ path, reason })) },
  };
}
