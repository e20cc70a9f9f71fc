import type { ReanchorStatus } from '../../shared/annotation/reanchor';
import { z } from 'zod';
import type { TagType } from '../../shared/annotation/model';
import type { CarriedDocuments } from '../store/carried-documents';
import type { QdpxPreview } from '../store/qdpx-import';
import type { IncomingBatch } from '../../shared/format/incoming';
import type { ImportPlan, Unplaced } from '../../shared/format/merge';
import { actorNotes } from '../../shared/format/actor-merge';

/// What crosses between the page and the import workers (annotations.ts,
/// revisions.ts, documents.ts, backups.ts hold their APIs): the summaries a
/// preview or a write answers with, small enough to send back whatever the
/// file's size. A file of 100,000 annotations takes seconds of work, and
/// re-anchoring 10,000 onto a revised text half a second, that would
/// otherwise freeze the page.

/// A preview's answer: what applying it would do, and the id of the plan
/// the worker keeps, to name when applying or discarding it.
export type Planned<T> = T & { planId: string };

/// A request naming a plan a preview answered with.
export const planRequest = z.strictObject({ planId: z.string().min(1).max(100) });

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
      /// The file's bytes, handed back where it may be read again in an
      /// encoding the researcher chooses (code 'encoding'): the page hands
      /// its own over to the worker rather than copying them.
      bytes?: ArrayBuffer;
    };

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
  /// Annotations the library has otherwise than the file, its own kept.
  kept: number;
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
  /// What the counts do not say of the file's actors, in sentences: a
  /// merge made in the file taken in, names gained, names left out.
  actorNotes: string[];
}

/// New, updated and already-here items of one kind, for the preview.
export interface KindCount {
  kind: 'tag types' | 'relation types' | 'actors' | 'links' | 'sets' | 'documents' | 'revisions' | 'descriptions';
  add: number;
  update: number;
  unchanged: number;
  /// The library has them otherwise than the file and keeps its own.
  kept: number;
}

/// What re-anchoring a revision found, for the revision dialog.
export interface RevisionSummary {
  documentId: string;
  fileName: string;
  counts: Record<ReanchorStatus, number>;
  /// The revision's number once stored; `null` in a preview.
  seq: number | null;
  /// In a preview: the encoding the file was read in (WHATWG name), and
  /// what reading it found (characters that could not be read, NULs
  /// dropped); `null` and empty once stored.
  encoding: string | null;
  warnings: string[];
}

/// Unplaced annotations listed in a summary; the rest are counted.
export const maxListedUnplaced = 200;

/// The counts of a plan, for the preview dialog and the closing notice;
/// with `carried`, also the documents, revisions and descriptions a
/// whole-library file brings (an import keeps the library's own).
export function summarize(fileName: string, batch: IncomingBatch, plan: ImportPlan, carried?: CarriedDocuments): ImportSummary {
  return {
    fileName,
    format: batch.format,
    total: batch.annotations.length,
    add: plan.add.length,
    update: plan.update.length,
    unchanged: plan.unchanged,
    kept: plan.kept,
    fuzzy: plan.fuzzy,
    addTagTypes: plan.addTagTypes,
    unplacedCount: plan.unplaced.length,
    unplaced: plan.unplaced.slice(0, maxListedUnplaced),
    kinds: batch.library
      ? [
          { kind: 'tag types', add: plan.addTagTypes.length, update: 0, unchanged: plan.presentTagTypes, kept: 0 },
          ...(['relation types', 'actors', 'links', 'sets'] as const).map((kind) => {
            const counts = plan.library[kind === 'relation types' ? 'relationTypes' : kind];
            return { kind, add: counts.add.length, update: counts.update.length, unchanged: counts.unchanged, kept: counts.kept };
          }),
          ...carriedCounts(batch, carried),
        ]
      : [],
    zonelessTimes: plan.zonelessTimes,
    actorNotes: actorNotes(plan.library.actors),
  };
}

// The rows of the preview's table for what a whole-library file carries
// of documents; none for a file that carries none (an older export).
function carriedCounts(batch: IncomingBatch, carried: CarriedDocuments | undefined): KindCount[] {
  const library = batch.library;
  if (!carried || !(library?.documents || library?.revisions || library?.documentEdits)) return [];
  return [
    { kind: 'documents', add: carried.documents.length, update: 0, unchanged: carried.present.documents, kept: 0 },
    { kind: 'revisions', add: carried.revisions.length, update: 0, unchanged: carried.present.revisions, kept: 0 },
    { kind: 'descriptions', add: carried.edits.length, update: 0, unchanged: carried.present.edits, kept: 0 },
  ];
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
    actorNotes: actorNotes(preview.actors),
    project: { counts, newDocuments: incoming.newDocuments.map((d) => d.meta.title), skipped: incoming.skipped.map(({ path, reason }) => ({ path, reason })) },
  };
}
