import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../shared/format/errors';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { annotate, dropDbs, freshDb } from './test-support/db';
import { SetStore } from './sets';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const article = seed(corpus, seedIds.article);
const time = () => new Date('2026-11-23T10:00:00Z');

let source: PalimpsestDb;
let target: PalimpsestDb;
beforeEach(() => {
  source = freshDb('sets-source');
  target = freshDb('sets-target');
});
afterEach(dropDbs);

describe('annotation sets', () => {
  it('exports a set with its links, actors and types, and importing it into a fresh library reproduces it exactly', async () => {
    let id = 0;
    const store = new AnnotationStore(source, time, () => `a${++id}`);
    const claim = await annotate(store, brief, 'he wanted to force Peking to desist from further support', { tags: ['claim'] });
    const actor = await annotate(store, brief, 'Khrushchev', { tags: ['actor'], actor: 'N. S. Khrushchev' });
    const evidence = await annotate(store, article, "Albania's intensifying cooperation with the People's Republic of China", { tags: ['economic-measure'] });
    const outside = await annotate(store, article, 'Enver Hoxha', { tags: ['actor'], actor: 'Hoxha' });
    await store.link(evidence, claim, 'supports', 'from the Soviet files');
    await store.link(outside, claim, 'contradicts');
    await source.actors.add({
      id: 'khrushchev',
      name: 'Nikita Khrushchev',
      aliases: ['N. S. Khrushchev', 'Khrushchev'],
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
    });
    await source.actors.add({
      id: 'hoxha',
      name: 'Enver Hoxha',
      aliases: ['Hoxha'],
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
    });

    const sets = new SetStore(source, time, () => 'set-1');
    const set = await sets.create('Chinese support for Tirana', 'What the British brief claims, and what the archives show');
    expect(await sets.add(set.id, [claim.id, actor.id, evidence.id, claim.id])).toBe(3);
    await expect(sets.create('chinese support for tirana')).rejects.toThrow('already a set called');
    const { json, file, missing } = await sets.export(set.id, corpus, time());
    expect(missing).toBe(0);
    expect(file.links.map((l) => l.relation)).toEqual(['supports']);
    expect(file.actors.map((a) => a.name)).toEqual(['Nikita Khrushchev']);
    expect(file.tagTypes.map((t) => t.id)).toEqual(['actor', 'claim', 'economic-measure']);
    expect(file.relationTypes.map((r) => r.id)).toEqual(['supports']);

    const into = new SetStore(target, time);
    const preview = await into.previewImport(json, corpus);
    expect(preview.plan.annotations.add).toHaveLength(3);
    await into.applyImport(preview);
    expect(await target.sets.toArray()).toEqual(await source.sets.toArray());
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await rows.all(target))).toEqual(byId([claim, actor, evidence]));
    expect(await target.links.toArray()).toEqual(await source.links.where('relation').equals('supports').toArray());
    expect(await target.actors.toArray()).toEqual([await source.actors.get('khrushchev')]);
  });

  it('refuses a broken file or one whose document the library lacks, and writes nothing', async () => {
    const sets = new SetStore(target, time);
    await expect(sets.previewImport('{"format": "palimpsest.set", "version": 1', corpus)).rejects.toBeInstanceOf(ImportError);
    let id = 0;
    const store = new AnnotationStore(source, time, () => `a${++id}`);
    const claim = await annotate(store, brief, 'he wanted to force Peking to desist from further support', { tags: ['claim'] });
    const from = new SetStore(source, time, () => 'set-1');
    const set = await from.create('One claim');
    await from.add(set.id, [claim.id]);
    const { json } = await from.export(set.id, corpus);
    const without = new Map([...corpus].filter(([docId]) => docId !== brief.id));
    await expect(sets.previewImport(json, without)).rejects.toThrow(/does not hold.*nothing was imported/);
    expect(await target.sets.count()).toBe(0);
    expect(await rows.all(target)).toEqual([]);
  });

  it('takes annotations out of a set and leaves them in the library', async () => {
    let id = 0;
    const store = new AnnotationStore(source, time, () => `a${++id}`);
    const claim = await annotate(store, brief, 'he wanted to force Peking', { tags: ['claim'] });
    const sets = new SetStore(source, time, () => 'set-1');
    const set = await sets.create('Claims');
    await sets.add(set.id, [claim.id]);
    expect(await sets.remove(set.id, [claim.id])).toBe(1);
    expect((await source.sets.get(set.id))?.annotationIds).toEqual([]);
    expect(await rows.all(source)).toHaveLength(1);
  });
});
