import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorIndex } from '../../shared/actors/actor-index';
import { buildRows } from '../../shared/table/rows';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { ActorStore } from './actors';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { annotate, dropDbs, freshDb } from './test-support/db';
import { SetStore } from './sets';
import { type ColumnsUpdate, loadTableSources, readChunkTexts, watchColumns } from './table-rows';
import * as rows from './annotation-rows';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const memo = seed(corpus, seedIds.czechMemo);

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('table-rows');
});
afterEach(dropDbs);

describe('loadTableSources', () => {
  it('reads every annotation, each document’s in text order, with what the table shows beside it', async () => {
    let id = 0;
    // Ids that sort against the text order, so the order cannot come from them.
    const store = new AnnotationStore(
      db,
      () => new Date('2026-11-23T10:00:00Z'),
      () => `z${9 - ++id}`,
    );
    const claim = await annotate(store, brief, 'he wanted to force Peking to desist from further support', { tags: ['claim'] });
    const measure = await annotate(store, brief, 'grain, fertilizers and some engineering goods', { tags: ['economic-measure'] });
    const actor = await annotate(store, memo, 'Ri Song-un', { tags: ['actor'], actor: 'Ri Song-un' });
    await store.link(claim, measure, 'supports');
    const sets = new SetStore(db);
    const chapter = await sets.create('Chapter 3');
    await sets.add(chapter.id, [measure.id, actor.id]);
    await new ActorStore(db).create('Ri Song Un', ['Comrade Ri']);

    const sources = await loadTableSources(db);
    expect(sources.tagTypes.map((t) => t.name)).toEqual(['Actor', 'Claim', 'Economic measure']);
    expect(sources.relationTypes[0]!.name).toBe('supports');
    expect(sources.sets.map((s) => s.name)).toEqual(['Chapter 3']);

    const table = buildRows({ ...sources, documents: corpus, actors: new ActorIndex(sources.actors) });
    expect(table.filter((r) => r.documentId === seedIds.foBrief).map((r) => r.quote)).toEqual([claim.quote.exact, measure.quote.exact]);
    expect(table.find((r) => r.annotationId === measure.id)).toMatchObject({ linkCount: 1, relations: ['supports'], setIds: [chapter.id] });
    // "Ri Song-un" as tagged is the actor "Ri Song Un".
    expect(table.find((r) => r.annotationId === actor.id)).toMatchObject({ actor: 'Ri Song Un', taggedActor: 'Ri Song-un', documentTitle: memo.meta.title });
  });

  it('reads an empty library as no rows, with the default tag and relation types', async () => {
    const sources = await loadTableSources(db);
    expect(sources.annotations).toEqual([]);
    expect(sources.tagTypes).toHaveLength(3);
    expect(sources.relationTypes.length).toBeGreaterThan(0);
  });
});

describe('watchColumns', () => {
  it('reads every chunk’s columns once, then after a write only the document it changed, saying whether only text changed', async () => {
    const store = new AnnotationStore(db, () => new Date('2026-11-23T10:00:00Z'));
    const claim = await annotate(store, brief, 'he wanted to force Peking to desist from further support', { tags: ['claim'] });
    await annotate(store, memo, 'Ri Song-un', { tags: ['actor'], actor: 'Ri Song-un' });
    const updates: ColumnsUpdate[] = [];
    const next = async (count: number) => {
      for (let i = 0; i < 200 && updates.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(updates).toHaveLength(count);
      return updates[count - 1]!;
    };
    const stop = watchColumns(
      db,
      (update) => updates.push({ ...update, chunks: new Map(update.chunks) }),
      (error) => {
        throw error;
      },
    );
    try {
      const first = await next(1);
      expect([...first.chunks.values()].map((c) => c.documentId).sort()).toEqual([brief.id, memo.id].sort());
      const texts = await readChunkTexts(db, [...first.chunks.keys()]);
      expect(texts.flatMap((t) => t!.quotes).sort()).toEqual([claim.quote.exact, 'Ri Song-un'].sort());

      // A note: the brief's chunk is named, its columns as they were.
      await rows.put(db, [{ ...claim, note: 'Khrushchev’s motive, in the FO’s reading.' }]);
      const note = await next(2);
      expect(note.changed).toEqual([...first.chunks.keys()].filter((key) => key.startsWith(brief.id)));
      expect(note.textOnly).toBe(true);
      expect((await readChunkTexts(db, note.changed))[0]!.notes).toEqual(['Khrushchev’s motive, in the FO’s reading.']);

      // A tag: its columns changed; the memo's chunk is not named.
      await rows.put(db, [{ ...claim, tags: ['claim', 'economic-measure'] }]);
      const tags = await next(3);
      expect(tags.changed).toEqual(note.changed);
      expect(tags.textOnly).toBe(false);
      expect(JSON.parse(tags.chunks.get(tags.changed[0]!)!.tagLists[0]!)).toEqual(['claim', 'economic-measure']);

      // A deletion: the chunk is gone from the columns.
      await rows.remove(db, [claim]);
      const removed = await next(4);
      expect(removed.changed).toEqual(note.changed);
      expect([...removed.chunks.values()].map((c) => c.documentId)).toEqual([memo.id]);
      expect(await readChunkTexts(db, removed.changed)).toEqual([undefined]);
    } finally {
      stop();
    }
  });
});
