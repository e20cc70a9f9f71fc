import type { Annotation } from '../../shared/annotation/model';
import type { LibraryDocument } from '../../shared/corpus/document';
import { buildCsv } from '../../shared/format/csv';
import { buildQdpx } from '../../shared/format/qdpx';
import { ImportError } from '../../shared/format/errors';
import { type IncomingBatch, incomingFromNative, incomingFromW3c } from '../../shared/format/incoming';
import { type ImportPlan, planImport } from '../../shared/format/merge';
import { type NativeFile, buildNativeFile, parseNativeFile } from '../../shared/format/native';
import { buildW3cCollection, looksLikeW3c, parseW3c } from '../../shared/format/w3c';
import * as rows from './annotation-rows';
import type { PalimpsestDb } from './db';

export type ExportFormat = 'native' | 'w3c' | 'csv' | 'qdpx';

/// Exports annotations — all, or one document's — in a format.
export async function exportAnnotations(
  db: PalimpsestDb,
  documents: ReadonlyMap<string, LibraryDocument>,
  scope: NativeFile['scope'],
  format: ExportFormat = 'native',
  now = new Date(),
): Promise<{ content: string | Uint8Array; count: number }> {
  const annotations: Annotation[] = scope.kind === 'all' ? await rows.all(db) : await rows.ofDocument(db, scope.documentId);
  annotations.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.position.start - b.position.start || (a.id < b.id ? -1 : 1)));
  const tagTypes = await db.tagTypes.toArray();
  const count = annotations.length;
  if (format === 'csv') return { content: buildCsv(annotations, tagTypes, documents, { actors: await db.actors.toArray(), links: await db.links.toArray() }), count };
  if (format === 'qdpx') {
    // Actors by their canonical names, and the links and sets among these
    // annotations, as the project's codes, links and sets.
    const [actors, links, relationTypes, sets] = await Promise.all([db.actors.toArray(), db.links.toArray(), db.relationTypes.toArray(), db.sets.toArray()]);
    return { content: buildQdpx({ annotations, tagTypes, documents, exported: now, actors, links, relationTypes, sets }), count };
  }
  const file =
    format === 'w3c'
      ? buildW3cCollection({ annotations, tagTypes, documents, exported: now })
      : buildNativeFile({ annotations, tagTypes, documents, scope, exported: now, library: scope.kind === 'all' ? await libraryOf(db) : undefined });
  return { content: `${JSON.stringify(file, null, 2)}\n`, count };
}

/// What a whole-library export carries beside annotations and tag types, in
/// a stable order so that an unchanged library exports the same file.
type Library = NonNullable<NativeFile['library']>;

async function libraryOf(db: PalimpsestDb): Promise<Library> {
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    relationTypes: (await db.relationTypes.toArray()).sort((a, b) => a.order - b.order),
    links: byId(await db.links.toArray()).map(({ fromDocument: _from, toDocument: _to, ...link }) => link),
    actors: byId(await db.actors.toArray()),
    sets: byId(await db.sets.toArray()),
    // Descriptions are written in full by the app; the schema checks only
    // the fields a restore cannot do without (see library-schemas.ts).
    documents: byId(await db.documents.toArray()) as unknown as Library['documents'],
    documentEdits: (await db.documentEdits.toArray()).sort((a, b) => (a.documentId < b.documentId ? -1 : 1)) as unknown as Library['documentEdits'],
  };
}

/// Reads an import file (native or W3C) and plans it against the library as
/// it is now, writing nothing: the preview. Throws `ImportError` for a file
/// that is not valid.
export async function previewImport(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, json: string, now = new Date()): Promise<{ batch: IncomingBatch; plan: ImportPlan }> {
  const batch = looksLikeW3c(json) ? incomingFromW3c(parseW3c(json), await db.tagTypes.toArray(), now) : incomingFromNative(parseNativeFile(json));
  return { batch, plan: (await planAgainst(db, documents, batch)).plan };
}

/// Writes a previewed batch in one transaction, planned again against the
/// library as it is at that moment. Any failure aborts the transaction, so
/// the library is left exactly as it was. The annotations are written chunk
/// by chunk; `onProgress(done, total)` is told how many are stored, with 0
/// first and then after each chunk, for a progress bar (a batch with nothing
/// to write does not call it).
export async function applyImport(
  db: PalimpsestDb,
  documents: ReadonlyMap<string, LibraryDocument>,
  batch: IncomingBatch,
  onProgress?: rows.Progress,
): Promise<ImportPlan> {
  try {
    return await db.transaction('rw', [...rows.tables(db), db.tagTypes], async () => {
      const { plan, existing } = await planAgainst(db, documents, batch);
      await db.tagTypes.bulkAdd(plan.addTagTypes);
      // An id the file places in another document moves there: its old copy goes.
      const moved = plan.update.flatMap((a) => {
        const stored = existing.get(a.id);
        return stored && stored.documentId !== a.documentId ? [stored] : [];
      });
      await rows.remove(db, moved);
      await rows.put(db, [...plan.add, ...plan.update], { onProgress });
      return plan;
    });
  } catch (error) {
    throw new ImportError('$', storageProblem(error));
  }
}

/// Preview and apply at once, for scripts and tests.
export async function importAnnotations(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, json: string, onProgress?: rows.Progress): Promise<ImportPlan> {
  const { batch } = await previewImport(db, documents, json);
  return applyImport(db, documents, batch, onProgress);
}

async function planAgainst(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, batch: IncomingBatch): Promise<{ plan: ImportPlan; existing: Map<string, Annotation> }> {
  // Looked up by id alone: a file may place an annotation the library has in
  // another document (a W3C file names no document).
  const existing = await rows.findByIds(db, batch.annotations.map((a) => a.id));
  return { plan: planImport(batch, documents, { annotations: existing, tagTypes: await db.tagTypes.toArray() }), existing };
}

/// A storage failure in words a researcher can act on.
export function storageProblem(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'the disk is full or the app’s storage quota is used up, so nothing was saved; your stored annotations are unchanged';
  return `storing failed (${(error as Error)?.message ?? String(error)}); nothing was changed`;
}
