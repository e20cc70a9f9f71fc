import { describe, expect, it } from 'vitest';
import { ActorIndex } from '../actors/actor-index';
import type { Annotation } from '../annotation/model';
import { documentColumns, viewsOf } from './document-columns';
import { TableModel } from './model';
import { TextStore } from './texts';
import { annotations, corpus } from './test-support/sample';
import { StoredChunks } from './test-support/stored';

// One document's record from `given`, and the table built from it beside the table built from its chunks.
async function both(given: readonly Annotation[]) {
  const stored = new StoredChunks(3);
  stored.write(given);
  const texts = new TextStore(async (keys) => stored.texts(keys));
  const context = { documents: corpus, actors: new ActorIndex([]), links: [], sets: [] };
  const clock = { now: () => 0, pause: async () => {}, budget: -1 };
  const record = documentColumns(given[0]!.documentId, stored.columns(), 'stamp');
  const fromRecord = await TableModel.open({ ...context, runs: [record], texts }, { locale: 'en' }, clock);
  const fromChunks = await TableModel.open({ ...context, chunks: stored.columns(), texts }, { locale: 'en' }, clock);
  const ids = (model: TableModel, order: Uint32Array) => Array.from(order, (i) => model.id(i));
  return {
    record,
    same: () => {
      expect(ids(fromRecord, fromRecord.order('actor', 'ascending'))).toEqual(ids(fromChunks, fromChunks.order('actor', 'ascending')));
      expect(ids(fromRecord, fromRecord.order('tags', 'descending'))).toEqual(ids(fromChunks, fromChunks.order('tags', 'descending')));
      expect(fromRecord.tally()).toEqual(fromChunks.tally());
    },
  };
}

describe('a document’s record', () => {
  const base = annotations[0]!;
  const many = (count: number, fields: (i: number) => Partial<Annotation>) =>
    Array.from({ length: count }, (_, i): Annotation => ({ ...base, id: `row-${i}`, position: { ...base.position, start: i, end: i + 4 }, ...fields(i) }));

  it('packs its rows narrow, 18 bytes a row, when every number fits', async () => {
    const { record, same } = await both(many(300, (i) => ({ actor: `Delegate ${i % 40}`, tags: i % 2 ? ['actor'] : ['claim', `topic-${i % 7}`] })));
    expect(record.narrow).toBe(true);
    expect(record.packed.byteLength).toBe(18 * 300);
    expect(viewsOf(record).nameOf[1]).toBe(record.names.indexOf('Delegate 1'));
    same();
  });

  it('falls back to wide rows when a document names more people than 16 bits count, and shows the same table', async () => {
    // 40,000 distinct names: more than a narrow record's 32,768.
    const { record, same } = await both(many(40_000, (i) => ({ actor: `Delegate ${i}`, tags: ['actor'] })));
    expect(record.names.length).toBe(40_000);
    expect(record.narrow).toBe(false);
    expect(record.packed.byteLength).toBe(32 * 40_000);
    expect(viewsOf(record).nameOf[39_999]).toBe(record.names.indexOf('Delegate 39999'));
    same();
  }, 30_000);
});
