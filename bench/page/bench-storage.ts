import Dexie from 'dexie';
import type { Annotation } from '../../shared/annotation/model';
import * as rows from '../../renderer/store/annotation-rows';
import { PalimpsestDb } from '../../renderer/store/db';
import { seededRandom } from '../../shared/random';

// The storage benchmark's page code (bench/storage-benches.ts drives it in
// Chromium): annotations written and queried through annotation-rows, and
// the peer, the same data in plain IndexedDB one row per annotation, as
// version 1 of the schema stored it.

const documentCount = 100;
const topicCount = 30;
const rawStore = 'annotations';

const words =
  'the of Soviet party Albania delegation memorandum comrade Khrushchev Peking relations trade grain credit Tirana embassy minister said that would not and with their economic assistance plan conference Moscow Hoxha question position'.split(
    ' ',
  );

function phrase(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${words[Math.floor(next() * words.length)]!} `;
  return text.slice(0, length);
}

/// `count` annotations over 100 documents, the same on every run: each
/// carries one of the default tags, and a third also one of its document's
/// three topic tags (as a researcher's own tags cluster by subject); actors
/// are drawn from 200 names, a few far more often than the rest.
export function benchAnnotations(count: number, seed = 5): Annotation[] {
  const next = seededRandom(seed);
  const topics = Array.from({ length: documentCount }, () => Array.from({ length: 3 }, () => `topic-${Math.floor(next() * topicCount)}`));
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const document = Math.floor(next() * documentCount);
    const kind = next();
    const tags = [kind < 0.35 ? 'actor' : kind < 0.8 ? 'claim' : 'economic-measure'];
    if (next() < 0.33) tags.push(topics[document]![Math.floor(next() * 3)]!);
    const start = Math.floor(next() * 400_000);
    const exact = phrase(next, 5 + Math.floor(next() * 150));
    annotations.push({
      id: `bench-${seed}-${i}`,
      documentId: `bench-document-${document}`,
      quote: { type: 'TextQuoteSelector', exact, prefix: phrase(next, 32), suffix: phrase(next, 32) },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      tags,
      actor: tags[0] === 'actor' ? `Actor ${Math.floor(200 * next() ** 3)}` : null,
      note: next() < 0.2 ? 'A note on this passage, with ë and Ж, as researchers write them.' : '',
      created: '2026-11-22T10:00:00.000Z',
      modified: '2026-11-22T10:00:00.000Z',
    });
  }
  return annotations;
}

let data: { count: number; annotations: Annotation[] } | null = null;
const dataFor = (count: number) => (data?.count === count ? data : (data = { count, annotations: benchAnnotations(count) })).annotations;

let chunked: PalimpsestDb | null = null;
let raw: IDBDatabase | null = null;
const names = new Set<string>();
let serial = 0;

function request<T>(req: IDBRequest<T> | IDBOpenDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

async function dropChunked(): Promise<void> {
  if (!chunked) return;
  chunked.close();
  await Dexie.delete(chunked.name);
  names.delete(chunked.name);
  chunked = null;
}

async function dropRaw(): Promise<void> {
  if (!raw) return;
  raw.close();
  await request(indexedDB.deleteDatabase(raw.name));
  names.delete(raw.name);
  raw = null;
}

export const storageBench = {
  /// Writes `count` annotations through annotation-rows into a new library,
  /// in one transaction; resolves to the ms. The library stays for
  /// `queryChunked` until the next call.
  async storeChunked(count: number): Promise<number> {
    const annotations = dataFor(count);
    await dropChunked();
    const db = new PalimpsestDb(`palimpsest-bench-chunked-${Date.now()}-${++serial}`);
    names.add(db.name);
    await db.open();
    chunked = db;
    const start = performance.now();
    await db.transaction('rw', rows.tables(db), () => rows.put(db, annotations));
    return performance.now() - start;
  },

  /// The peer: the same annotations in plain IndexedDB, one row each with
  /// version 1's indexes, in one transaction; resolves to the ms.
  async storeRaw(count: number): Promise<number> {
    const annotations = dataFor(count);
    await dropRaw();
    const name = `palimpsest-bench-raw-${Date.now()}-${++serial}`;
    names.add(name);
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(rawStore, { keyPath: 'id' });
      store.createIndex('documentId', 'documentId');
      store.createIndex('tags', 'tags', { multiEntry: true });
      store.createIndex('actor', 'actor');
      store.createIndex('modified', 'modified');
    };
    raw = await request<IDBDatabase>(open);
    const start = performance.now();
    const tx = raw.transaction(rawStore, 'readwrite');
    const store = tx.objectStore(rawStore);
    for (const annotation of annotations) store.put(annotation);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('The transaction was aborted.'));
    });
    return performance.now() - start;
  },

  /// Every annotation with `tag`, corpus-wide, from the chunked library.
  async queryChunked(tag: string): Promise<{ ms: number; count: number }> {
    if (!chunked) throw new RangeError('There is no chunked library to query: call storeChunked first.');
    const start = performance.now();
    const found = await rows.withTag(chunked, tag);
    return { ms: performance.now() - start, count: found.length };
  },

  /// The same query in the peer, through its multiEntry tag index.
  async queryRaw(tag: string): Promise<{ ms: number; count: number }> {
    if (!raw) throw new RangeError('There is no raw library to query: call storeRaw first.');
    const start = performance.now();
    const found = await request<Annotation[]>(raw.transaction(rawStore).objectStore(rawStore).index('tags').getAll(tag));
    return { ms: performance.now() - start, count: found.length };
  },

  /// Deletes every database the benchmark made.
  async cleanup(): Promise<void> {
    await dropChunked();
    await dropRaw();
    for (const name of [...names]) {
      await request(indexedDB.deleteDatabase(name));
      names.delete(name);
    }
    data = null;
  },
};
