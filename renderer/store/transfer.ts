import type { Annotation } from '../../shared/annotation/model';
import type { LibraryDocument } from '../../shared/corpus/document';
import { ImportError } from '../../shared/format/errors';
import { type ImportPlan, planImport } from '../../shared/format/merge';
import { type NativeFile, buildNativeFile, parseNativeFile } from '../../shared/format/native';
import type { PalimpsestDb } from './db';

/// Exports annotations — all, or one document's — as a native file's JSON.
export async function exportNative(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, scope: NativeFile['scope'], now = new Date()): Promise<{ json: string; count: number }> {
  const annotations: Annotation[] =
    scope.kind === 'all' ? await db.annotations.toArray() : await db.annotations.where('documentId').equals(scope.documentId).toArray();
  annotations.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.position.start - b.position.start || (a.id < b.id ? -1 : 1)));
  const tagTypes = await db.tagTypes.toArray();
  const file = buildNativeFile({ annotations, tagTypes, documents, scope, exported: now });
  return { json: `${JSON.stringify(file, null, 2)}\n`, count: annotations.length };
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  tagTypesAdded: number;
}

/// Imports a native file: validates it whole, plans the merge, then writes
/// everything in one transaction. Any problem throws before a write, or
/// aborts the transaction, so the library is left exactly as it was.
export async function importNative(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, json: string): Promise<ImportResult> {
  const file = parseNativeFile(json);
  let plan: ImportPlan | null = null;
  try {
    await db.transaction('rw', db.annotations, db.tagTypes, async () => {
      const ids = file.annotations.map((a) => a.id);
      const stored = await db.annotations.bulkGet(ids);
      const existing = new Map(stored.filter((a): a is Annotation => a !== undefined).map((a) => [a.id, a]));
      plan = planImport(file, documents, { annotations: existing, tagTypes: await db.tagTypes.toArray() });
      await db.tagTypes.bulkAdd(plan.addTagTypes);
      await db.annotations.bulkPut([...plan.add, ...plan.update]);
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('$', storageProblem(error));
  }
  const done = plan as ImportPlan | null;
  if (!done) throw new ImportError('$', 'the import did not run');
  return { added: done.add.length, updated: done.update.length, unchanged: done.unchanged, tagTypesAdded: done.addTagTypes.length };
}

/// A storage failure in words a researcher can act on.
export function storageProblem(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'the disk is full or the app’s storage quota is used up, so nothing was saved; your stored annotations are unchanged';
  return `storing failed (${(error as Error)?.message ?? String(error)}); nothing was changed`;
}
