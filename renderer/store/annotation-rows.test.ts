import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/annotation/model';
import * as rows from './annotation-rows';
import { maxPerBucket } from './chunk-layout';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('rows');
});
afterEach(dropDbs);

const tagSets = [['claim'], ['actor'], ['actor', 'claim'], [], ['economic-measure', 'claim']];
const actorList = [null, 'Khrushchev', null, 'Hoxha', 'Tito'];

function annotation(documentId: string, i: number, fields: Partial<Annotation> = {}): Annotation {
  return {
    id: `${documentId}-a${i}`,
    documentId,
    quote: { type: 'TextQuoteSelector', exact: `passage ${i}`, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 9 },
    tags: tagSets[i % tagSets.length]!,
    actor: actorList[i % actorList.length]!,
    note: i % 7 === 0 ? `note ${i}` : '',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const many = (documentId: string, count: number) => Array.from({ length: count }, (_, i) => annotation(documentId, i));
const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const snapshot = async () => ({ chunks: await db.annotationChunks.toArray(), layouts: await db.chunkLayouts.toArray() });

describe('annotation rows', () => {
  it('put, get, update and remove round-trip', async () => {
    const stored = [...many('brief', 20), ...many('memo', 5)];
    await rows.put(db, stored);
    expect(byId(await rows.all(db))).toEqual(byId(stored));
    expect(byId(await rows.ofDocument(db, 'memo'))).toEqual(byId(stored.filter((a) => a.documentId === 'memo')));
    expect(await rows.get(db, 'brief', 'brief-a3')).toEqual(stored[3]);
    expect(await rows.get(db, 'memo', 'brief-a3')).toBeUndefined();
    expect(await rows.get(db, 'nowhere', 'x')).toBeUndefined();
    expect(
      await rows.getMany(db, [
        { id: 'memo-a1', documentId: 'memo' },
        { id: 'gone', documentId: 'memo' },
        { id: 'brief-a0', documentId: 'brief' },
      ]),
    ).toEqual([stored[21], undefined, stored[0]]);

    const changed = { ...stored[3]!, note: 'changed', tags: ['claim'] };
    await rows.put(db, [changed]);
    expect(await rows.get(db, 'brief', 'brief-a3')).toEqual(changed);
    expect((await rows.all(db)).length).toBe(25);

    await rows.remove(db, [{ id: 'brief-a3', documentId: 'brief' }, { id: 'never-stored', documentId: 'brief' }, ...many('memo', 5)]);
    expect(await rows.get(db, 'brief', 'brief-a3')).toBeUndefined();
    expect(await rows.ofDocument(db, 'memo')).toEqual([]);
    expect(await rows.countsByDocument(db)).toEqual(new Map([['brief', 19]]));
    // A document left with none keeps no rows at all.
    expect(await db.annotationChunks.where('documentId').equals('memo').count()).toBe(0);
  });

  it('doubles a document’s buckets as it grows, keeping every annotation', async () => {
    const first = many('brief', maxPerBucket - 10);
    await rows.put(db, first);
    expect(await db.chunkLayouts.get('brief')).toEqual({ documentId: 'brief', buckets: 1, count: maxPerBucket - 10, stamp: expect.any(String) });

    const more = many('brief', 3 * maxPerBucket).slice(maxPerBucket - 10);
    await rows.put(db, more);
    const layout = await db.chunkLayouts.get('brief');
    expect(layout).toEqual({ documentId: 'brief', buckets: 4, count: 3 * maxPerBucket, stamp: expect.any(String) });
    expect(byId(await rows.ofDocument(db, 'brief'))).toEqual(byId([...first, ...more]));
    const chunks = await db.annotationChunks.where('documentId').equals('brief').toArray();
    expect(chunks.map((c) => c.bucket).sort()).toEqual([0, 1, 2, 3]);
    // The old single chunk is gone, not left beside the new ones.
    expect(await db.annotationChunks.count()).toBe(4);
    expect(await rows.get(db, 'brief', 'brief-a7')).toEqual(first[7]);

    // Updates past the limit count exactly: nothing new, so no growth.
    await rows.put(
      db,
      more.slice(0, 600).map((a) => ({ ...a, note: 'again' })),
    );
    expect(await db.chunkLayouts.get('brief')).toEqual({ documentId: 'brief', buckets: 4, count: 3 * maxPerBucket, stamp: expect.any(String) });
    expect((await rows.withTag(db, 'claim')).length).toBe((await rows.all(db)).filter((a) => a.tags.includes('claim')).length);
  });

  it('finds exactly the annotations with a tag or an actor, corpus-wide', async () => {
    const stored = [...many('brief', 700), ...many('memo', 40), annotation('report', 1, { tags: ['rare'], actor: 'Zhou Enlai' })];
    await rows.put(db, stored);
    for (const tag of ['claim', 'actor', 'economic-measure', 'rare', 'unused']) {
      expect(byId(await rows.withTag(db, tag))).toEqual(byId(stored.filter((a) => a.tags.includes(tag))));
    }
    for (const actor of ['Khrushchev', 'Tito', 'Zhou Enlai', 'Nobody']) {
      expect(byId(await rows.withActor(db, actor))).toEqual(byId(stored.filter((a) => a.actor === actor)));
    }
    // Only the chunk holding it is read for a rare tag.
    expect(await db.annotationChunks.where('tags').equals('rare').count()).toBe(1);
    expect(await rows.actors(db)).toEqual(['Hoxha', 'Khrushchev', 'Tito', 'Zhou Enlai']);
    // Each passage counted once, though chunks name several actors.
    const counts = new Map<string, number>();
    for (const a of stored) if (a.actor) counts.set(a.actor, (counts.get(a.actor) ?? 0) + 1);
    expect(await rows.actorNameCounts(db)).toEqual(counts);
    expect(await rows.countsByDocument(db)).toEqual(
      new Map([
        ['brief', 700],
        ['memo', 40],
        ['report', 1],
      ]),
    );
  });

  it('finds ids in whichever document holds them', async () => {
    await rows.put(db, [...many('brief', 30), ...many('memo', 3)]);
    const found = await rows.findByIds(db, ['memo-a2', 'brief-a29', 'missing']);
    expect([...found.keys()].sort()).toEqual(['brief-a29', 'memo-a2']);
    expect(found.get('memo-a2')).toEqual(annotation('memo', 2));
  });

  it('a transaction that fails midway leaves the store as it was', async () => {
    await rows.put(db, [...many('brief', 600), ...many('memo', 10)]);
    const before = await snapshot();
    let writes = 0;
    const failLater = () => {
      if (++writes === 3) throw new Error('The disk failed.');
    };
    db.annotationChunks.hook('creating', failLater);
    db.annotationChunks.hook('updating', failLater);
    const batch = [...many('brief', 1200).map((a) => ({ ...a, note: 'new' })), ...many('memo', 20), ...many('report', 5)];
    await expect(rows.put(db, batch)).rejects.toThrow('The disk failed.');
    expect(await snapshot()).toEqual(before);
    // The same inside a caller's transaction that fails after the write.
    db.annotationChunks.hook('creating').unsubscribe(failLater);
    db.annotationChunks.hook('updating').unsubscribe(failLater);
    await expect(
      db.transaction('rw', [...rows.tables(db), db.tagTypes], async () => {
        await rows.put(db, batch);
        await rows.remove(db, many('memo', 3));
        await db.tagTypes.add({ id: 'claim', name: 'Claim again', color: '#000000', order: 9, namesActor: false });
      }),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('reports progress chunk by chunk, up to the total', async () => {
    const calls: [number, number][] = [];
    await rows.put(db, [...many('brief', 1500), ...many('memo', 10)], { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[0]).toEqual([0, 1510]);
    expect(calls.at(-1)).toEqual([1510, 1510]);
    // One call a chunk written: four for the brief, one for the memo.
    expect(calls.length).toBe(1 + 5);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
  });

  it('tells a listener of every change, and stops when asked', async () => {
    let changes = 0;
    const stop = rows.onChange(db, () => changes++);
    await rows.put(db, many('brief', 3));
    expect(changes).toBeGreaterThan(0);
    const seen = changes;
    await rows.put(db, [{ ...annotation('brief', 1), note: 'edited' }]);
    expect(changes).toBeGreaterThan(seen);
    const edited = changes;
    await rows.clear(db);
    expect(changes).toBeGreaterThan(edited);
    expect(await rows.all(db)).toEqual([]);
    expect(await rows.countsByDocument(db)).toEqual(new Map());
    stop();
    await rows.put(db, many('memo', 2));
    const stopped = changes;
    await rows.remove(db, many('memo', 2));
    expect(changes).toBe(stopped);
  });

  it('tells a listener which documents’ annotations changed', async () => {
    await rows.put(db, [...many('brief', 3), ...many('memo', 2)]);
    const told: string[] = [];
    const stop = rows.onChange(db, (documentId) => told.push(documentId));
    await rows.put(db, [{ ...annotation('memo', 1), note: 'edited' }]);
    expect(new Set(told)).toEqual(new Set(['memo']));
    told.length = 0;
    await rows.remove(db, many('brief', 3));
    expect(new Set(told)).toEqual(new Set(['brief']));
    told.length = 0;
    await rows.clear(db);
    expect(new Set(told)).toEqual(new Set(['memo']));
    stop();
  });

  it('refuses to write inside a transaction that cannot write annotations, saying how to open it', async () => {
    await expect(db.transaction('rw', db.tagTypes, () => rows.put(db, many('brief', 1)))).rejects.toThrow(RangeError);
    await expect(db.transaction('r', rows.tables(db), () => rows.remove(db, many('brief', 1)))).rejects.toThrow(
      "Annotations are written inside a transaction that cannot write them; open it in 'rw' mode with annotation-rows' tables(db) (annotationChunks, chunkLayouts, tableColumns, tableRuns) among its tables.",
    );
  });
});
