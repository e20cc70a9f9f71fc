import Dexie from 'dexie';
import type { LibraryDocument } from '../../shared/corpus/document';
import * as rows from '../../renderer/store/annotation-rows';
import { scanInFileOrder } from '../../renderer/store/annotation-scan';
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

  /// The export's parts timed apart, for work on its speed: each
  /// document's chunk rows read by the documentId index as the export reads
  /// them (`index`), the whole table read in primary-key pages of `size`
  /// rows (`pages`), and, over rows read once, their annotations'
  /// JSON.parse (`parse`) and the batches' JSON.stringify (`stringify`).
  async probe(size = 64): Promise<Record<string, number>> {
    if (!db) throw new RangeError('There is no library to probe: call buildLibrary first.');
    const ids = [...(await rows.countsByDocument(db)).keys()].sort();
    const out: Record<string, number> = {};
    let start = performance.now();
    let characters = 0;
    for (const id of ids) for (const chunk of await db.annotationChunks.where('documentId').equals(id).toArray()) characters += chunk.annotations.length;
    out.index = performance.now() - start;
    start = performance.now();
    let read = 0;
    let after: string | undefined;
    for (;;) {
      const page = await (after === undefined ? db.annotationChunks.orderBy(':id') : db.annotationChunks.where(':id').above(after)).limit(size).toArray();
      if (page.length === 0) break;
      read += page.length;
      after = page[page.length - 1]!.key;
    }
    out.pages = performance.now() - start;
    for (const k of [4, 16]) {
      start = performance.now();
      for (let at = 0; at < ids.length; at += k)
        await Promise.all(ids.slice(at, at + k).map((id) => db!.annotationChunks.where('documentId').equals(id).toArray()));
      out[`index${k}`] = performance.now() - start;
    }
    start = performance.now();
    await db.transaction('r', db.annotationChunks, async () => {
      for (let at = 0; at < ids.length; at += 16)
        await Promise.all(ids.slice(at, at + 16).map((id) => db!.annotationChunks.where('documentId').equals(id).toArray()));
    });
    out.index16tx = performance.now() - start;
    out.rows = read;
    start = performance.now();
    const sample = await db.annotationChunks.where('documentId').equals(ids[0]!).toArray();
    out.oneDocumentRead = performance.now() - start;
    start = performance.now();
    const parsed = sample.flatMap((chunk) => chunk.annotations.map((json) => JSON.parse(json) as unknown));
    out.parseOneDocument = performance.now() - start;
    start = performance.now();
    for (let at = 0; at < parsed.length; at += 512) characters += JSON.stringify([[parsed.slice(at, at + 512)]], null, 2).length;
    out.stringifyOneDocument = performance.now() - start;
    // The export's reads with their parse and sort, less the writing: one
    // document ahead (annotation-rows) against several (annotation-scan).
    const counts = await rows.countsByDocument(db);
    for (const [name, batches] of [
      ['inFileOrder', () => rows.inFileOrder(db!, ids)],
      ['scanInFileOrder', () => scanInFileOrder(db!, ids, counts)],
    ] as const) {
      start = performance.now();
      for await (const batch of batches()) characters += batch.length;
      out[name] = performance.now() - start;
    }
    out.documents = ids.length;
    out.characters = characters;
    return out;
  },

  heapBytes: heap,

  async dropLibrary(): Promise<void> {
    if (!db) return;
    db.close();
    await Dexie.delete(db.name);
    db = null;
  },
};
