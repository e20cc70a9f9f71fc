import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomAnnotations, scaledDocument } from '../../shared/test-support/synthetic';
import * as rows from './annotation-rows';
import { scanInFileOrder } from './annotation-scan';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('scan');
});
afterEach(dropDbs);

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

// Three documents of different sizes, one of them past a chunk's 512, so
// that its annotations are spread over several chunks.
async function library(): Promise<string[]> {
  const sizes = [1300, 7, 240];
  const ids: string[] = [];
  for (const [i, size] of sizes.entries()) {
    const document = { ...scaledDocument(20_000), id: `doc-${i}` };
    await rows.put(db, randomAnnotations(document, size, i + 1));
    ids.push(document.id);
  }
  return ids;
}

describe('scanInFileOrder', () => {
  it('gives the batches annotation-rows gives, whatever it reads ahead', async () => {
    const ids = await library();
    const counts = await rows.countsByDocument(db);
    const expected = await collect(rows.inFileOrder(db, ids, 100));
    expect(expected.flat()).toHaveLength(1547);
    // Nothing ahead (one document at a time), some, and everything at once.
    for (const ahead of [0, 300, 1_000_000]) expect(await collect(scanInFileOrder(db, [...ids].reverse(), counts, { batch: 100, ahead }))).toEqual(expected);
  });

  it('gives nothing for documents without annotations, and stops when the caller does', async () => {
    const ids = await library();
    const counts = await rows.countsByDocument(db);
    expect(await collect(scanInFileOrder(db, ['none'], counts))).toEqual([]);
    const first = await scanInFileOrder(db, ids, counts, { batch: 10 }).next();
    expect(first.value).toHaveLength(10);
    expect(first.value![0]!.documentId).toBe('doc-0');
  });
});
