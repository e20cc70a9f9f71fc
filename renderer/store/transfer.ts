import type { Annotation } from '../../shared/annotation/model';
import type { LibraryDocument } from '../../shared/corpus/document';
import { buildCsv } from '../../shared/format/csv';
import { buildQdpx } from '../../shared/format/qdpx';
import { ImportError } from '../../shared/format/errors';
import { type IncomingBatch, incomingFromNative, incomingFromW3c } from '../../shared/format/incoming';
import { type ImportPlan, planImport } from '../../shared/format/merge';
import { type NativeFile, buildNativeFile, parseNativeFile } from '../../shared/format/native';
import { buildW3cCollection, looksLikeW3c, parseW3c } from '../../shared/format/w3c';
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
  const annotations: Annotation[] =
    scope.kind === 'all' ? await db.annotations.toArray() : await db.annotations.where('documentId').equals(scope.documentId).toArray();
  annotations.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.position.start - b.position.start || (a.id < b.id ? -1 : 1)));
  const tagTypes = await db.tagTypes.toArray();
  const count = annotations.length;
  if (format === 'csv') return { content: buildCsv(annotations, tagTypes, documents), count };
  if (format === 'qdpx') return { content: buildQdpx({ annotations, tagTypes, documents, exported: now }), count };
  const file = format === 'w3c' ? buildW3cCollection({ annotations, tagTypes, documents, exported: now }) : buildNativeFile({ annotations, tagTypes, documents, scope, exported: now });
  return { content: `${JSON.stringify(file, null, 2)}\n`, count };
}

/// Reads an import file (native or W3C) and plans it against the library as
/// it is now, writing nothing: the preview. Throws `ImportError` for a file
/// that is not valid.
export async function previewImport(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, json: string, now = new Date()): Promise<{ batch: IncomingBatch; plan: ImportPlan }> {
  const batch = looksLikeW3c(json) ? incomingFromW3c(parseW3c(json), await db.tagTypes.toArray(), now) : incomingFromNative(parseNativeFile(json));
  return { batch, plan: await planAgainst(db, documents, batch) };
}

/// Writes a previewed batch in one transaction, planned again against the
/// library as it is at that moment. Any failure aborts the transaction, so
/// the library is left exactly as it was.
export async function applyImport(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, batch: IncomingBatch): Promise<ImportPlan> {
  try {
    return await db.transaction('rw', db.annotations, db.tagTypes, async () => {
      const plan = await planAgainst(db, documents, batch);
      await db.tagTypes.bulkAdd(plan.addTagTypes);
      await db.annotations.bulkPut([...plan.add, ...plan.update]);
      return plan;
    });
  } catch (error) {
    throw new ImportError('$', storageProblem(error));
  }
}

/// Preview and apply at once, for scripts and tests.
export async function importAnnotations(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, json: string): Promise<ImportPlan> {
  const { batch } = await previewImport(db, documents, json);
  return applyImport(db, documents, batch);
}

async function planAgainst(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, batch: IncomingBatch): Promise<ImportPlan> {
  const stored = await db.annotations.bulkGet(batch.annotations.map((a) => a.id));
  const existing = new Map(stored.filter((a): a is Annotation => a !== undefined).map((a) => [a.id, a]));
  return planImport(batch, documents, { annotations: existing, tagTypes: await db.tagTypes.toArray() });
}

/// A storage failure in words a researcher can act on.
export function storageProblem(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'the disk is full or the app’s storage quota is used up, so nothing was saved; your stored annotations are unchanged';
  return `storing failed (${(error as Error)?.message ?? String(error)}); nothing was changed`;
}
