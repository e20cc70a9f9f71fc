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
import { loadTableSources } from './table-rows';

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
