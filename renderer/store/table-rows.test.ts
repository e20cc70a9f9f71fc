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
import { type ColumnsUpdate, loadTableSources, readChunkTexts, readTableLead, watchColumns } from './table-rows';
import { TableModel } from '../../shared/table/model';
import { TextStore } from '../../shared/table/texts';
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
  it('reads every document’s record once, then after a write only the document it changed, saying whether only text changed', async () => {
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
      (update) => updates.push({ ...update, runs: new Map(update.runs) }),
      (error) => {
        throw error;
      },
    );
    try {
      const first = await next(1);
      expect([...first.runs.keys()].sort()).toEqual([brief.id, memo.id].sort());
      expect([...first.documents].sort()).toEqual([brief.id, memo.id].sort());
      expect(first.chunks).toEqual([]);
      const briefRun = first.runs.get(brief.id)!;
      const texts = await readChunkTexts(
        db,
        [...first.runs.values()].flatMap((run) => run.chunkKeys),
      );
      expect(texts.flatMap((t) => t!.quotes).sort()).toEqual([claim.quote.exact, 'Ri Song-un'].sort());

      // A note: the brief's chunks are named, its record as it was.
      await rows.put(db, [{ ...claim, note: 'Khrushchev’s motive, in the FO’s reading.' }]);
      const note = await next(2);
      expect(note.documents).toEqual([]);
      expect(note.chunks).toEqual(briefRun.chunkKeys);
      expect(note.textOnly).toBe(true);
      expect(note.runs.get(brief.id)).toBe(briefRun);
      expect((await readChunkTexts(db, note.chunks))[0]!.notes).toEqual(['Khrushchev’s motive, in the FO’s reading.']);

      // A tag: the brief's record is read again; the memo's is not named.
      await rows.put(db, [{ ...claim, tags: ['claim', 'economic-measure'] }]);
      const tags = await next(3);
      expect(tags.documents).toEqual([brief.id]);
      expect(tags.chunks).toEqual(briefRun.chunkKeys);
      expect(tags.textOnly).toBe(false);
      expect(tags.runs.get(memo.id)).toBe(first.runs.get(memo.id));
      expect(JSON.parse(tags.runs.get(brief.id)!.tagLists[0]!)).toEqual(['claim', 'economic-measure']);

      // A deletion: the document's record is gone.
      await rows.remove(db, [claim]);
      const removed = await next(4);
      expect(removed.documents).toEqual([brief.id]);
      expect([...removed.runs.keys()]).toEqual([memo.id]);
      expect(await readChunkTexts(db, removed.chunks)).toEqual([undefined]);
    } finally {
      stop();
    }
  });
});

describe('readTableLead', () => {
  it('reads the earliest-dated document’s record first, whose rows open the table sorted by date', async () => {
    const store = new AnnotationStore(db, () => new Date('2026-11-23T10:00:00Z'));
    for (const exact of ['he wanted to force Peking to desist from further support', 'Khrushchev']) await annotate(store, brief, exact, { tags: ['claim'] });
    await annotate(store, memo, 'Ri Song-un', { tags: ['actor'], actor: 'Ri Song-un' });
    const documents = new Map([brief, memo].map((d) => [d.id, d]));
    const lead = await readTableLead(db, (id) => documents.get(id)?.meta.date, 1);
    const [earliest] = [brief, memo].sort((a, b) => (a.meta.date!.start.year ?? 0) - (b.meta.date!.start.year ?? 0));
    // One document's record, its rows in text order: copied, not merged from chunks.
    expect(lead.runs.map((run) => run.documentId)).toEqual([earliest!.id]);
    expect(lead.total).toBe(3);
    const texts = new TextStore((keys) => readChunkTexts(db, keys));
    const context = { texts, documents, actors: new ActorIndex([]), links: [], sets: [] };
    const first = new TableModel({ ...context, runs: lead.runs });
    const whole = new TableModel({ ...context, runs: await db.tableRuns.toArray() });
    const firstIds = (model: TableModel) => Array.from(model.order('date', 'ascending'), (i) => model.id(i)).slice(0, first.length);
    expect(firstIds(first)).toEqual(firstIds(whole));
  });
});
