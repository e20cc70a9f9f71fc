import Dexie from 'dexie';
import type { LibraryDocument } from '../../shared/corpus/document';
import * as rows from '../../renderer/store/annotation-rows';
import { PalimpsestDb } from '../../renderer/store/db';
import { exportAnnotations, exportPieces } from '../../renderer/store/transfer';
import { benchAnnotations } from './bench-storage';

// The export benchmark's page code (bench/export-benches.ts drives it in
// Chromium): a library of `count` annotations stored through
// annotation-rows, exported as the app exports it, streamed piece by piece
// into a sink that keeps nothing (the file the picker gave, less the disk),
// beside the whole-string export it replaces, on the same library.

const documentCount = 100;
const batch = 100_000;

let db: PalimpsestDb | null = null;

// The documents the bench annotations name, as a native file reads them:
// an id, a title, a citation and a fingerprint (no text: none is read).
function documents(): Map<string, LibraryDocument> {
  return new Map(
    Array.from({ length: documentCount }, (_, i) => {
      const id = `bench-document-${i}`;
      const meta = { title: `Bench document ${i}`, citation: `Bench archive, fonds ${i}` };
      return [id, { id, meta, fingerprint: `fp-${i}` } as unknown as LibraryDocument];
    }),
  );
}

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

export const exportBench = {
  /// Stores `count` annotations over 100 documents in a new library, a
  /// hundred thousand a transaction (as repeated imports would), so the page
  /// never holds them all; resolves to the ms.
  async buildLibrary(count: number): Promise<number> {
    await exportBench.dropLibrary();
    db = new PalimpsestDb(`palimpsest-bench-export-${Date.now()}`);
    await db.open();
    const start = performance.now();
    for (let done = 0, seed = 100; done < count; done += batch, seed++) {
      const annotations = benchAnnotations(Math.min(batch, count - done), seed);
      await db.transaction('rw', rows.tables(db), () => rows.put(db!, annotations));
    }
    return performance.now() - start;
  },

  /// The app's export, streamed: resolves to its ms, its characters and
  /// the most the JS heap held above `baseline` (bytes) at any piece.
  async streamed(baseline: number): Promise<{ ms: number; characters: number; pieces: number; peak: number }> {
    if (!db) throw new RangeError('There is no library to export: call buildLibrary first.');
    const start = performance.now();
    let characters = 0;
    let pieces = 0;
    let peak = 0;
    const file = await exportPieces(db, documents(), { kind: 'all' }, 'native');
    for await (const piece of file.pieces) {
      characters += piece.length;
      pieces++;
      peak = Math.max(peak, heap() - baseline);
    }
    return { ms: performance.now() - start, characters, pieces, peak };
  },

  /// The export it replaces: the whole file as one string. Resolves to its
  /// ms and characters and the heap above `baseline` with the string held
  /// (a floor of its peak: what JSON.stringify held on the way is gone).
  async whole(baseline: number): Promise<{ ms: number; characters: number; peak: number } | { error: string }> {
    if (!db) throw new RangeError('There is no library to export: call buildLibrary first.');
    const start = performance.now();
    try {
      const { content } = await exportAnnotations(db, documents(), { kind: 'all' }, 'native');
      return { ms: performance.now() - start, characters: content.length, peak: heap() - baseline };
    } catch (error) {
      return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  },

  heapBytes: heap,

  async dropLibrary(): Promise<void> {
    if (!db) return;
    db.close();
    await Dexie.delete(db.name);
    db = null;
  },
};
