import Dexie, { type Table } from 'dexie';
import type { Annotation } from '../../shared/annotation/model';
import {
  type AnnotationChunk,
  type ChunkColumns,
  type ChunkLayout,
  annotationsOf,
  bucketOf,
  bucketsFor,
  chunkKey,
  findIn,
  groupWithColumns,
  maxPerBucket,
  withActorIn,
  withTagIn,
} from './chunk-layout';
import { type PalimpsestDb, onRowWrite } from './db';
import { sameColumns } from '../../shared/table/columns';
import { documentColumns } from '../../shared/table/document-columns';

/// The one module that reads and writes stored annotations. They live in
/// chunks of a few hundred per IndexedDB row (chunk-layout.ts says why);
/// everything else asks here, by document, by id, by tag or by actor.

/// What finds a stored annotation: its id and its document, which picks
/// the chunk.
export type AnnotationRef = Pick<Annotation, 'id' | 'documentId'>;

/// Told how many of the `total` annotations a write stores are stored so
/// far: once with 0 before it starts, then after each chunk.
export type Progress = (done: number, total: number) => void;

/// The tables a 'rw' transaction must include to write annotations here
/// (with its own tables beside them):
///
///     db.transaction('rw', [...rows.tables(db), db.tagTypes], async () => { … });
export function tables(db: PalimpsestDb): Table[] {
  return [db.annotationChunks, db.chunkLayouts, db.tableColumns, db.tableRuns];
}

/// A document's annotations, by chunk and within a chunk by id: sort them
/// for display.
export async function ofDocument(db: PalimpsestDb, documentId: string): Promise<Annotation[]> {
  return flatten(await db.annotationChunks.where('documentId').equals(documentId).toArray());
}

/// Every annotation of the library, by document and chunk.
export async function all(db: PalimpsestDb): Promise<Annotation[]> {
  return flatten(await db.annotationChunks.toArray());
}

/// The annotations of `documentIds` in a file's order — by document id,
/// then start, then id — in batches of at most `batch`. One document's
/// annotations are held at a time (its chunks are spread by id, so its
/// order is known only once all are read), never the whole library's.
export async function* inFileOrder(db: PalimpsestDb, documentIds: Iterable<string>, batch = 512): AsyncGenerator<Annotation[]> {
  const ids = [...new Set(documentIds)].sort();
  // The next document's chunks are read while this one's are written out:
  // the page would otherwise wait on the database between documents. So
  // two documents' annotations are held at most.
  let next = ids.length > 0 ? ofDocument(db, ids[0]!) : null;
  try {
    for (let i = 0; i < ids.length; i++) {
      const annotations = await next!;
      next = i + 1 < ids.length ? ofDocument(db, ids[i + 1]!) : null;
      annotations.sort((a, b) => a.position.start - b.position.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (let at = 0; at < annotations.length; at += batch) yield annotations.slice(at, at + batch);
    }
  } finally {
    // A caller that stops early (a failed write) leaves no read unheard.
    next?.catch(() => {});
  }
}

/// One annotation, or `undefined` when the document holds none with that id.
export async function get(db: PalimpsestDb, documentId: string, id: string): Promise<Annotation | undefined> {
  const [found] = await getMany(db, [{ id, documentId }]);
  return found;
}

/// The annotations `refs` name, in their order; `undefined` for each not
/// stored.
export async function getMany(db: PalimpsestDb, refs: readonly AnnotationRef[]): Promise<(Annotation | undefined)[]> {
  // One transaction, so a document regrouped meanwhile is read whole before or after.
  return db.transaction('r', tables(db), async () => {
    const documentIds = [...new Set(refs.map((ref) => ref.documentId))];
    const layouts = await db.chunkLayouts.bulkGet(documentIds);
    const buckets = new Map(documentIds.map((documentId, i) => [documentId, layouts[i]?.buckets]));
    const keyOf = (ref: AnnotationRef): string | null => {
      const count = buckets.get(ref.documentId);
      return count ? chunkKey(ref.documentId, bucketOf(ref.id, count)) : null;
    };
    const keys = [...new Set(refs.map(keyOf).filter((key): key is string => key !== null))];
    const chunks = await db.annotationChunks.bulkGet(keys);
    const byKey = new Map(keys.map((key, i) => [key, chunks[i]]));
    return refs.map((ref) => {
      const chunk = byKey.get(keyOf(ref) ?? '');
      return chunk ? findIn(chunk, ref.id) : undefined;
    });
  });
}

/// The stored annotations with these ids, in whichever document they are.
/// It reads every chunk, so it is for imports, which must find an id the
/// file places in another document; an edit knows its document: use `get`.
export async function findByIds(db: PalimpsestDb, ids: Iterable<string>): Promise<Map<string, Annotation>> {
  const wanted = new Set(ids);
  const found = new Map<string, Annotation>();
  if (wanted.size === 0) return found;
  for (const chunk of await db.annotationChunks.toArray()) {
    for (const id of chunk.ids) if (wanted.has(id)) found.set(id, findIn(chunk, id)!);
  }
  return found;
}

/// Stores annotations, new or changed, in one transaction: the caller's if
/// it is in one (opened with `tables`), else its own. Only the chunks they
/// fall in are read and rewritten, unless a document outgrows its buckets;
/// then its chunks are regrouped in the same transaction.
export async function put(db: PalimpsestDb, annotations: readonly Annotation[], options: { onProgress?: Progress } = {}): Promise<void> {
  const puts = new Map<string, Map<string, Annotation>>();
  for (const annotation of annotations) entry(puts, annotation.documentId, () => new Map()).set(annotation.id, annotation);
  await write(db, puts, new Map(), options.onProgress);
}

/// Deletes annotations, in one transaction as `put` does. Ids not stored
/// are passed over.
export async function remove(db: PalimpsestDb, refs: readonly AnnotationRef[]): Promise<void> {
  const removes = new Map<string, Set<string>>();
  for (const ref of refs) entry(removes, ref.documentId, () => new Set()).add(ref.id);
  await write(db, new Map(), removes);
}

/// Deletes every annotation.
export async function clear(db: PalimpsestDb): Promise<void> {
  await inWriteTransaction(db, async () => {
    await db.annotationChunks.clear();
    await db.chunkLayouts.clear();
    await db.tableColumns.clear();
    await db.tableRuns.clear();
  });
}

/// Deletes every annotation of one document.
export async function clearDocument(db: PalimpsestDb, documentId: string): Promise<void> {
  await inWriteTransaction(db, async () => {
    await db.annotationChunks.where('documentId').equals(documentId).delete();
    await db.tableColumns.where('documentId').equals(documentId).delete();
    await db.tableRuns.delete(documentId);
    await db.chunkLayouts.delete(documentId);
  });
}

/// How many annotations each document holds; a document with none is not
/// in the map.
export async function countsByDocument(db: PalimpsestDb): Promise<Map<string, number>> {
  return new Map((await db.chunkLayouts.toArray()).map((layout) => [layout.documentId, layout.count]));
}

/// Every actor named in the library, once each, sorted.
export async function actors(db: PalimpsestDb): Promise<string[]> {
  return (await db.annotationChunks.orderBy('actors').uniqueKeys()).map(String);
}

/// How many annotations name each actor name, corpus-wide, read from the
/// chunks' actor indexes without parsing a single annotation.
export async function actorNameCounts(db: PalimpsestDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.annotationChunks
    .where('actors')
    .notEqual('')
    .distinct()
    .each((chunk) => {
      chunk.actors.forEach((name, i) => counts.set(name, (counts.get(name) ?? 0) + chunk.named[i]!.length));
    });
  return counts;
}

/// Every annotation carrying a tag, corpus-wide: the tag index finds the
/// chunks holding one, and each chunk is filtered.
export async function withTag(db: PalimpsestDb, tag: string): Promise<Annotation[]> {
  const chunks = await db.annotationChunks.where('tags').equals(tag).toArray();
  return chunks.flatMap((chunk) => withTagIn(chunk, tag));
}

/// Every annotation naming an actor, corpus-wide, found as `withTag` finds.
export async function withActor(db: PalimpsestDb, actor: string): Promise<Annotation[]> {
  const chunks = await db.annotationChunks.where('actors').equals(actor).toArray();
  return chunks.flatMap((chunk) => withActorIn(chunk, actor));
}

/// Every document's layout: how many annotations it holds and the stamp of
/// its last write, which says whose columns to read again.
export async function layouts(db: PalimpsestDb): Promise<ChunkLayout[]> {
  return db.chunkLayouts.toArray();
}

// Records of table columns a read: 64 chunks' columns, some 20,000 rows.
const columnsRead = 64;

/// The table columns of these documents' chunks (of every document's
/// without `documentIds`): typed arrays and strings, no annotation parsed.
export async function columnsOf(db: PalimpsestDb, documentIds?: readonly string[]): Promise<ChunkColumns[]> {
  if (!documentIds) {
    // In reads of a few dozen records: each is cloned out as it arrives,
    // so a million rows' columns are not one long task of the page's (a
    // response of 256 is some 80,000 rows' columns).
    const keys = await db.tableColumns.toCollection().primaryKeys();
    const reads: Promise<(ChunkColumns | undefined)[]>[] = [];
    for (let at = 0; at < keys.length; at += columnsRead) reads.push(db.tableColumns.bulkGet(keys.slice(at, at + columnsRead)));
    return (await Promise.all(reads)).flat().filter((record): record is ChunkColumns => record !== undefined);
  }
  if (documentIds.length === 0) return [];
  return db.tableColumns
    .where('documentId')
    .anyOf([...documentIds])
    .toArray();
}

/// The stored chunks with these keys (`undefined` for one no longer
/// stored), for the quotes and notes of the rows a table draws.
export async function chunks(db: PalimpsestDb, keys: readonly string[]): Promise<(AnnotationChunk | undefined)[]> {
  return db.annotationChunks.bulkGet([...keys]);
}

/// Calls `listener` whenever annotations are written or deleted, with the
/// document whose annotations changed (once or more per write); returns
/// the function that stops it.
export function onChange(db: PalimpsestDb, listener: (documentId: string) => void): () => void {
  // Every write rewrites its documents' layout rows, so hooks on those small
  // rows see every change; hooks on the chunks would make Dexie read each
  // big chunk back before writing it. A layout row's key is its document.
  return onRowWrite(db.chunkLayouts, listener);
}

// A stamp no other write has had: the time, and a count for writes within
// one millisecond, and a random part for writers in other threads.
let writes = 0;
function writeStamp(): string {
  return `${Date.now().toString(36)}.${(writes++).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}

function flatten(chunks: readonly AnnotationChunk[]): Annotation[] {
  return chunks.flatMap(annotationsOf);
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

async function inWriteTransaction<T>(db: PalimpsestDb, body: () => Promise<T>): Promise<T> {
  const current = Dexie.currentTransaction;
  const names = tables(db).map((table) => table.name);
  // Dexie would fail here with a bare SubTransactionError; say what to do.
  if (current && current.db === db && (current.mode !== 'readwrite' || !names.every((name) => current.storeNames.includes(name)))) {
    throw new RangeError(
      `Annotations are written inside a transaction that cannot write them; open it in 'rw' mode with annotation-rows' tables(db) (${names.join(', ')}) among its tables.`,
    );
  }
  return db.transaction('rw', tables(db), body);
}

// How many documents a write builds and stores side by side.
const documentsAtOnce = 4;

async function write(db: PalimpsestDb, puts: Map<string, Map<string, Annotation>>, removes: Map<string, Set<string>>, onProgress?: Progress): Promise<void> {
  const documentIds = [...new Set([...puts.keys(), ...removes.keys()])];
  if (documentIds.length === 0) return;
  const total = [...puts.values()].reduce((sum, group) => sum + group.size, 0);
  let done = 0;
  onProgress?.(0, total);
  await inWriteTransaction(db, async () => {
    const layouts = await db.chunkLayouts.bulkGet(documentIds);
    // A few documents are written side by side, their requests queued
    // together. All at once, every document's chunks were built before the
    // first was stored: a restore of a million annotations held them all,
    // and its progress stood at 0% for ten seconds.
    let next = 0;
    const writer = async () => {
      while (next < documentIds.length) {
        const i = next++;
        const documentId = documentIds[i]!;
        await rewriteDocument(
          db,
          layouts[i] ?? { documentId, buckets: 1, count: 0 },
          puts.get(documentId) ?? new Map(),
          removes.get(documentId) ?? new Set(),
          (stored) => {
            done += stored;
            if (stored > 0) onProgress?.(done, total);
          },
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(documentsAtOnce, documentIds.length) }, writer));
  });
}

/// Applies one document's puts and removes to its chunks and layout row.
async function rewriteDocument(
  db: PalimpsestDb,
  layout: ChunkLayout,
  puts: Map<string, Annotation>,
  removes: Set<string>,
  stored: (count: number) => void,
): Promise<void> {
  const { documentId, buckets } = layout;
  // Counting puts as new is an upper bound: past the limit, read the whole
  // document, which regrouping needs, and count exactly.
  const mayGrow = layout.count + puts.size > buckets * maxPerBucket;
  const touched = new Set([...puts.keys(), ...removes].map((id) => chunkKey(documentId, bucketOf(id, buckets))));
  const before = mayGrow
    ? await db.annotationChunks.where('documentId').equals(documentId).toArray()
    : (await db.annotationChunks.bulkGet([...touched])).filter((chunk): chunk is AnnotationChunk => chunk !== undefined);
  const members = new Map<string, Annotation>();
  for (const chunk of before) for (const annotation of annotationsOf(chunk)) members.set(annotation.id, annotation);
  const held = members.size;
  for (const id of removes) members.delete(id);
  for (const [id, annotation] of puts) members.set(id, annotation);
  const count = layout.count + members.size - held;
  const grown = mayGrow ? bucketsFor(count, buckets) : buckets;

  // Regrouped, every chunk is new; otherwise only the touched ones change.
  const stamp = writeStamp();
  const rows = groupWithColumns(documentId, grown, members.values(), stamp).filter((row) => grown !== buckets || touched.has(row.chunk.key));
  const kept = new Set(rows.map((row) => row.chunk.key));
  const stale = (grown !== buckets ? before.map((chunk) => chunk.key) : [...touched]).filter((key) => !kept.has(key));
  // The document's run is made again from its chunks' columns, unless the
  // write changed only quotes or notes (a note edited costs no rebuild).
  const columnsNow = grown !== buckets ? [] : await db.tableColumns.where('documentId').equals(documentId).toArray();
  const was = new Map(columnsNow.map((c) => [c.key, c]));
  const textOnly =
    grown === buckets &&
    stale.length === 0 &&
    rows.every(({ columns }) => {
      const old = was.get(columns.key);
      return old !== undefined && sameColumns(old, columns);
    });
  const run = textOnly ? null : documentColumns(documentId, [...columnsNow.filter((c) => !touched.has(c.key)), ...rows.map((row) => row.columns)], stamp);
  // Each chunk's table columns are written with it, in this transaction.
  const writes = rows.map(({ chunk, columns }) =>
    Promise.all([db.annotationChunks.put(chunk), db.tableColumns.put(columns)]).then(() => stored(chunk.ids.reduce((n, id) => n + (puts.has(id) ? 1 : 0), 0))),
  );
  await Promise.all([
    ...writes,
    stale.length > 0 ? db.annotationChunks.bulkDelete(stale) : undefined,
    stale.length > 0 ? db.tableColumns.bulkDelete(stale) : undefined,
    count > 0 ? db.chunkLayouts.put({ documentId, buckets: grown, count, stamp }) : db.chunkLayouts.delete(documentId),
    run && (count > 0 ? db.tableRuns.put(run) : db.tableRuns.delete(documentId)),
  ]);
}
