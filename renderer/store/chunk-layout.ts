import type { Annotation } from '../../shared/annotation/model';
import { type ChunkColumns, chunkColumns } from '../../shared/table/columns';

export type { ChunkColumns };

/// How annotations are grouped into IndexedDB rows: pure functions, no Dexie.
///
/// A document's annotations are spread over a power-of-two number of
/// buckets by a hash of their id; each bucket is one row (a chunk). Every
/// row costs IndexedDB a record, a structured clone and index entries:
/// 100,000 annotations took 22–29 s to store one row each in Chromium here,
/// and 1.2–1.7 s in rows of a few hundred.
///
/// Within a chunk each annotation is kept as its JSON text, with the
/// positions of those carrying each tag and naming each actor beside them.
/// Reading a chunk back then copies strings, not thousands of small objects,
/// and a query by tag parses only the annotations it returns: in Chromium,
/// against chunks of plain objects, that took a 100,000-annotation
/// library's tag query from about 60 ms to 35 ms and its import from about
/// 1.1 s to 0.75 s.

/// The most annotations a bucket holds on average before its document's
/// bucket count doubles. An edit rewrites its whole chunk, so a chunk must
/// stay small enough to rewrite quickly (about 13 ms in Chromium for one of
/// 500, mostly waiting on IndexedDB), while a 100,000-annotation import
/// still writes only about 250 rows, not 100,000.
export const maxPerBucket = 512;

/// One IndexedDB row of the `annotationChunks` table.
export interface AnnotationChunk {
  /// `${documentId}|${bucket}`.
  key: string;
  documentId: string;
  bucket: number;
  /// The annotations' ids, sorted.
  ids: string[];
  /// Each annotation as JSON, in the order of `ids`.
  annotations: string[];
  /// The distinct tags of its annotations, sorted: the multiEntry index a
  /// corpus-wide query by tag goes through.
  tags: string[];
  /// For each of `tags`, the positions in `annotations` of those carrying it.
  tagged: number[][];
  /// The distinct actors of its annotations (nulls left out), sorted.
  actors: string[];
  /// For each of `actors`, the positions in `annotations` of those naming it.
  named: number[][];
}

/// One row of the `chunkLayouts` table: how a document's annotations are
/// bucketed, and how many there are (so counts need no chunk read).
export interface ChunkLayout {
  documentId: string;
  /// A power of two.
  buckets: number;
  count: number;
  /// Changes at every write of the document's annotations (absent in rows
  /// written before it was kept): an incremental backup compares it with
  /// the last backup's to know which documents' annotations to carry.
  stamp?: string;
}

/// FNV-1a, 32 bits, over the UTF-16 code units of `text`: stable across
/// runs, machines and engines, which the stored layout relies on.
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function checkBuckets(buckets: number): void {
  if (!Number.isInteger(buckets) || buckets < 1 || (buckets & (buckets - 1)) !== 0) {
    throw new RangeError(`A document's bucket count must be a power of two, at least 1; ${buckets} is not.`);
  }
}

/// The bucket an annotation id falls in, among `buckets` (a power of two).
export function bucketOf(id: string, buckets: number): number {
  checkBuckets(buckets);
  // Modulo a power of two is the hash's low bits, so doubling the count
  // splits each bucket b into b and b + the old count, and nothing else moves.
  return fnv1a32(id) & (buckets - 1);
}

/// The primary key of a document's chunk.
export function chunkKey(documentId: string, bucket: number): string {
  return `${documentId}|${bucket}`;
}

/// The bucket count for a document holding `count` annotations, now at
/// `current` buckets: the smallest power of two, no fewer than `current`,
/// that keeps the average at or under `maxPerBucket`. It never shrinks, so a
/// document near the limit is not regrouped back and forth by small edits.
export function bucketsFor(count: number, current = 1): number {
  checkBuckets(current);
  let buckets = current;
  while (count > buckets * maxPerBucket) buckets *= 2;
  return buckets;
}

/// A chunk row for a document's bucket, from its annotations (any order,
/// each id once).
export function chunkRow(documentId: string, bucket: number, annotations: readonly Annotation[]): AnnotationChunk {
  return chunkAndColumns(documentId, bucket, annotations).chunk;
}

/// A chunk row and its table columns (the `tableColumns` row written
/// beside it), from its annotations as `chunkRow` takes them.
export function chunkAndColumns(
  documentId: string,
  bucket: number,
  annotations: readonly Annotation[],
  stamp = '',
): { chunk: AnnotationChunk; columns: ChunkColumns } {
  const sorted = [...annotations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tagged = new Map<string, number[]>();
  const named = new Map<string, number[]>();
  sorted.forEach((annotation, i) => {
    if (annotation.documentId !== documentId) {
      throw new RangeError(
        `Annotation ${annotation.id} belongs to document ${annotation.documentId}, not to ${documentId}, so it cannot go in that document's chunk.`,
      );
    }
    if (i > 0 && sorted[i - 1]!.id === annotation.id) throw new RangeError(`Annotation ${annotation.id} is given twice for one chunk; each id is stored once.`);
    for (const tag of new Set(annotation.tags)) positions(tagged, tag).push(i);
    if (annotation.actor !== null) positions(named, annotation.actor).push(i);
  });
  const tags = [...tagged.keys()].sort();
  const actors = [...named.keys()].sort();
  const key = chunkKey(documentId, bucket);
  const chunk: AnnotationChunk = {
    key,
    documentId,
    bucket,
    ids: sorted.map((a) => a.id),
    annotations: sorted.map((a) => JSON.stringify(a)),
    tags,
    tagged: tags.map((tag) => tagged.get(tag)!),
    actors,
    named: actors.map((actor) => named.get(actor)!),
  };
  return { chunk, columns: chunkColumns(key, documentId, sorted, stamp) };
}

/// The table columns of a stored chunk (for a library stored before they
/// were kept).
export function columnsOfChunk(chunk: AnnotationChunk): ChunkColumns {
  return chunkColumns(chunk.key, chunk.documentId, annotationsOf(chunk));
}

function positions(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/// Every annotation of a chunk, by id.
export function annotationsOf(chunk: AnnotationChunk): Annotation[] {
  return chunk.annotations.map((json) => JSON.parse(json) as Annotation);
}

/// Where a stored annotation starts in its document, read from its JSON
/// text without parsing it (an export sorts a document's annotations by
/// start and can then parse them a batch at a time). The text is
/// `JSON.stringify(annotation)`, compact: `"start":` followed by digits can
/// only be the position's key, as a quote mark inside a string value is
/// written `\"`, and the position is the only object with a `start`. A
/// text not written so is parsed.
export function startOf(json: string): number {
  const at = json.indexOf('"start":');
  if (at >= 0) {
    let value = 0;
    let end = at + 8;
    for (let code = json.charCodeAt(end); code >= 48 && code <= 57; code = json.charCodeAt(++end)) value = value * 10 + code - 48;
    // Digits ended by the next key or the object's end: a whole number
    // (anything else, a fraction or an exponent, is left to the parse).
    const next = json.charCodeAt(end);
    if (end > at + 8 && end - at - 8 < 16 && (next === 44 || next === 125)) return value;
  }
  return (JSON.parse(json) as Annotation).position.start;
}

/// The annotation of a chunk with this id, if it holds one.
export function findIn(chunk: AnnotationChunk, id: string): Annotation | undefined {
  // `ids` is sorted: a binary search, and only the one found is parsed.
  let low = 0;
  let high = chunk.ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = chunk.ids[middle]!;
    if (at === id) return JSON.parse(chunk.annotations[middle]!) as Annotation;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/// The annotations of a chunk carrying a tag; only those are parsed.
export function withTagIn(chunk: AnnotationChunk, tag: string): Annotation[] {
  return pick(chunk, chunk.tagged[chunk.tags.indexOf(tag)]);
}

/// The annotations of a chunk naming an actor; only those are parsed.
export function withActorIn(chunk: AnnotationChunk, actor: string): Annotation[] {
  return pick(chunk, chunk.named[chunk.actors.indexOf(actor)]);
}

function pick(chunk: AnnotationChunk, at: readonly number[] | undefined): Annotation[] {
  return (at ?? []).map((i) => JSON.parse(chunk.annotations[i]!) as Annotation);
}

/// A document's annotations grouped into the chunk rows of `buckets`
/// buckets; buckets left empty get no row.
export function groupIntoChunks(documentId: string, buckets: number, annotations: Iterable<Annotation>): AnnotationChunk[] {
  return groupWithColumns(documentId, buckets, annotations).map((row) => row.chunk);
}

/// As `groupIntoChunks`, each chunk with its table columns, stamped.
export function groupWithColumns(
  documentId: string,
  buckets: number,
  annotations: Iterable<Annotation>,
  stamp = '',
): { chunk: AnnotationChunk; columns: ChunkColumns }[] {
  const groups = new Map<number, Annotation[]>();
  for (const annotation of annotations) {
    const bucket = bucketOf(annotation.id, buckets);
    let group = groups.get(bucket);
    if (!group) groups.set(bucket, (group = []));
    group.push(annotation);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([bucket, group]) => chunkAndColumns(documentId, bucket, group, stamp));
}
