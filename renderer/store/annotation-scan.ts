import type { Annotation } from '../../shared/annotation/model';
import { type AnnotationChunk, startOf } from './chunk-layout';
import type { PalimpsestDb } from './db';

/// Whole-library reads of the stored annotations for exports and backups:
/// the chunks of several documents are read at once, so IndexedDB (the
/// browser's process, and the copy of each chunk into this thread) works on
/// the next documents while this one's annotations are written out. Read
/// and parsed alone, 100,000 annotations took 0.43–0.66 s this way against
/// 0.60–1.28 s one document ahead (annotation-rows' `inFileOrder`); in the
/// whole export the gain was within a loaded machine's noise
/// (docs/performance.md, "Exports at a million, and restores in the
/// worker"). It reads the chunks as annotation-rows stores them: a change
/// to their layout must be made here too.

/// How many annotations the reads ahead may hold at once, beside the
/// document being written: enough to keep several reads in flight, few
/// enough to stay far under the export's 200 MB.
export const aheadAnnotations = 40_000;

/// The annotations of `documentIds` in a file's order — by document id,
/// then start, then id — in batches of at most `batch`, as annotation-rows'
/// `inFileOrder` gives them. `counts` (rows.countsByDocument) sizes the
/// reads ahead: documents are read while the ones before them are written,
/// up to `ahead` annotations and at least one document.
export async function* scanInFileOrder(
  db: PalimpsestDb,
  documentIds: Iterable<string>,
  counts: ReadonlyMap<string, number>,
  options: { batch?: number; ahead?: number } = {},
): AsyncGenerator<Annotation[]> {
  const { batch = 512, ahead = aheadAnnotations } = options;
  if (!(batch >= 1)) throw new RangeError(`A batch of annotations holds at least one; ${batch} was asked for.`);
  const ids = [...new Set(documentIds)].sort();
  // The reads in flight, in order: each document's chunks, parsed only
  // when their turn comes (a chunk's strings are smaller than its objects).
  const reads: { count: number; chunks: Promise<AnnotationChunk[]> }[] = [];
  let next = 0;
  let held = 0;
  // Starts reads until `ahead` annotations are in flight (one at least).
  const readAhead = () => {
    while (next < ids.length && (reads.length === 0 || held + (counts.get(ids[next]!) ?? 0) <= ahead)) {
      const id = ids[next++]!;
      const count = counts.get(id) ?? 0;
      held += count;
      reads.push({ count, chunks: db.annotationChunks.where('documentId').equals(id).toArray() });
    }
  };
  try {
    readAhead();
    while (reads.length > 0) {
      const { count, chunks } = reads[0]!;
      const rows = await chunks;
      reads.shift();
      held -= count;
      readAhead();
      // Sorted as texts, by the start read from each and its id, and parsed
      // a batch at a time: a document's ten thousand annotations are not
      // all objects at once, and the objects of a batch die young.
      const texts = rows.flatMap((chunk) => chunk.annotations);
      const ids = rows.flatMap((chunk) => chunk.ids);
      const starts = texts.map(startOf);
      const order = texts.map((_, i) => i);
      order.sort((a, b) => starts[a]! - starts[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
      for (let at = 0; at < order.length; at += batch) yield order.slice(at, at + batch).map((i) => JSON.parse(texts[i]!) as Annotation);
    }
  } finally {
    // A caller that stops early (a failed write) leaves no read unheard.
    for (const read of reads) read.chunks.catch(() => {});
  }
}
