import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { describePassage } from '../../shared/anchoring/selectors';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import '../../shared/test-support/fast-check-seed';
import * as rows from './annotation-rows';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';
import { actorNotes } from '../../shared/format/actor-merge';
import { ActorStore } from './actors';
import { exportAnnotations, importAnnotations, previewImport } from './transfer';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const memo = seed(corpus, seedIds.czechMemo);
const time = '2026-11-22T10:00:00.000Z';

const library = () => freshDb('library-import');
afterEach(dropDbs);

function passage(id: string, document: typeof brief, exact: string, fields: object = {}) {
  const start = document.text.text.indexOf(exact);
  return {
    id,
    documentId: document.id,
    ...describePassage(document.text.text, start, start + exact.length),
    tags: [] as string[],
    actor: null as string | null,
    note: '',
    created: time,
    modified: time,
    ...fields,
  };
}

/// A library with all a researcher makes: tagged passages, an actor with
/// aliases, a relation type of their own, links, a set.
async function fill(db: PalimpsestDb) {
  await rows.put(db, [
    passage('claim', brief, 'Albania has recently been seeking to expand her diplomatic and commercial relations', {
      tags: ['claim'],
      note: 'cf. Soviet view',
    }),
    passage('ri', memo, 'Albania may go over to the other side', { tags: ['actor'], actor: 'Ri Song-un' }),
    passage('plain', memo, 'Li Songun expresses serious concern'),
  ]);
  await db.tagTypes.add({ id: 'source-criticism', name: 'Source criticism', color: '#8e44ad', order: 3, namesActor: false });
  await db.relationTypes.add({ id: 'echoes', name: 'echoes', inverse: 'echoed by', color: '#123456', order: 6 });
  await db.actors.add({ id: 'ri-song-un', name: 'Ri Song-un', aliases: ['Li Songun', 'Ri'], created: time, modified: time });
  await db.links.bulkAdd([
    {
      id: 'l1',
      from: 'claim',
      to: 'ri',
      relation: 'supports',
      note: 'the same fear',
      created: time,
      modified: time,
      fromDocument: brief.id,
      toDocument: memo.id,
    },
    { id: 'l2', from: 'plain', to: 'claim', relation: 'echoes', note: '', created: time, modified: time, fromDocument: memo.id, toDocument: brief.id },
  ]);
  await db.sets.add({ id: 'set1', name: 'Albania’s turn', description: 'for chapter 3', annotationIds: ['ri', 'claim'], created: time, modified: time });
}

async function contents(db: PalimpsestDb) {
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    annotations: byId(await rows.all(db)),
    tagTypes: byId(await db.tagTypes.toArray()),
    relationTypes: byId(await db.relationTypes.toArray()),
    actors: byId(await db.actors.toArray()),
    links: byId(await db.links.toArray()),
    sets: byId(await db.sets.toArray()),
  };
}

describe('importing a whole-library file', () => {
  for (const format of ['native', 'w3c'] as const) {
    it(`restores annotations, links, actors, sets, tag and relation types from a ${format} export, and the same file twice adds nothing`, async () => {
      const source = library();
      await fill(source);
      const { content } = await exportAnnotations(source, corpus, { kind: 'all' }, format);
      const fresh = library();
      const { plan } = await previewImport(fresh, corpus, content as string);
      expect(plan.add).toHaveLength(3);
      expect(plan.unplaced).toEqual([]);
      expect(plan.library.links.add.map((l) => l.id).sort()).toEqual(['l1', 'l2']);
      expect(plan.library.actors.add.map((a) => a.id)).toEqual(['ri-song-un']);
      expect(plan.library.sets.add.map((s) => s.id)).toEqual(['set1']);
      expect(plan.library.relationTypes.add.map((r) => r.id)).toEqual(['echoes']);
      await importAnnotations(fresh, corpus, content as string);
      expect(await contents(fresh)).toEqual(await contents(source));

      const again = await importAnnotations(fresh, corpus, content as string);
      expect([
        again.add,
        again.update,
        again.addTagTypes,
        again.library.links.add,
        again.library.actors.add,
        again.library.sets.add,
        again.library.relationTypes.add,
      ]).toEqual([[], [], [], [], [], [], []]);
      expect(again.library.links.unchanged).toBe(2);
      expect(await contents(fresh)).toEqual(await contents(source));
    });
  }

  it('updates a link, an actor and a set the file has in a newer version, and leaves older ones', async () => {
    const source = library();
    await fill(source);
    const file = JSON.parse((await exportAnnotations(source, corpus, { kind: 'all' })).content as string);
    const target = library();
    await importAnnotations(target, corpus, JSON.stringify(file));
    file.library.links[0].note = 'newer note';
    file.library.links[0].modified = '2027-01-01T00:00:00.000Z';
    file.library.actors[0].aliases.push('Ri S.');
    file.library.actors[0].modified = '2027-01-01T00:00:00.000Z';
    file.library.sets[0].description = 'older description';
    file.library.sets[0].modified = '2020-01-01T00:00:00.000Z';
    const plan = await importAnnotations(target, corpus, JSON.stringify(file));
    expect([plan.library.links.update.length, plan.library.actors.update.length, plan.library.sets.update.length]).toEqual([1, 1, 0]);
    // The older set is not already here: it is counted apart, the library's kept.
    expect([plan.library.sets.unchanged, plan.library.sets.kept]).toEqual([0, 1]);
    expect((await target.links.get('l1'))?.note).toBe('newer note');
    expect((await target.actors.get('ri-song-un'))?.aliases).toEqual(['Li Songun', 'Ri', 'Ri S.']);
    expect((await target.sets.get('set1'))?.description).toBe('for chapter 3');
  });

  it('leaves out, with the reason, a link whose passage is in neither the file nor the library', async () => {
    const source = library();
    await fill(source);
    const file = JSON.parse((await exportAnnotations(source, corpus, { kind: 'all' })).content as string);
    file.annotations = file.annotations.filter((a: { id: string }) => a.id !== 'plain');
    file.library.links = file.library.links.filter((l: { to: string }) => l.to !== 'nowhere');
    file.library.links[1].from = 'claim';
    file.library.links[1].to = 'ri';
    file.library.links.push({ ...file.library.links[0], id: 'l3', from: 'claim', to: 'ri', relation: 'echoes' });
    // The reader refuses a native file whose links name an annotation it
    // lacks; a W3C file may, and the link is then set aside.
    const w3c = JSON.parse((await exportAnnotations(source, corpus, { kind: 'all' }, 'w3c')).content as string);
    w3c.first.items = w3c.first.items.filter((item: { id: string }) => item.id !== 'urn:uuid:plain');
    const fresh = library();
    const plan = await importAnnotations(fresh, corpus, JSON.stringify(w3c));
    expect(plan.unplaced).toEqual([
      expect.objectContaining({ id: 'l2', reason: 'the linked passage plain is neither in this library nor placed from the file' }),
    ]);
    expect((await fresh.links.toArray()).map((l) => l.id)).toEqual(['l1']);
  });
});

describe('actors from a colleague', () => {
  const names = async (db: PalimpsestDb) => (await db.actors.toArray()).map((a) => `${a.name} [${a.aliases.join('; ')}]`).sort();
  const whole = async (db: PalimpsestDb) => (await exportAnnotations(db, corpus, { kind: 'all' })).content as string;

  it('takes in a merge made in the file: one actor answers to both names, with what the merged one held', async () => {
    const mine = library();
    const at = (day: number) => () => new Date(`2026-12-0${day}T00:00:00Z`);
    const here = new ActorStore(mine, null, at(1));
    const k = await here.create('Khrushchev');
    const n = await here.create('Nikita Khrushchev');
    const hers = library();
    await importAnnotations(hers, corpus, await whole(mine));
    await new ActorStore(hers, null, at(2)).merge(k.id, n.id);
    // Meanwhile, here, a name only this library knows.
    await here.addAlias(n.id, 'N. S. Khrushchev');
    await rows.put(mine, [passage('nk', memo, 'Albania may go over to the other side', { tags: ['actor'], actor: 'N. S. Khrushchev' })]);

    const { plan } = await previewImport(mine, corpus, await whole(hers));
    expect(plan.library.actors.merged).toEqual([{ id: n.id, name: 'Nikita Khrushchev', into: 'Khrushchev' }]);
    expect(actorNotes(plan.library.actors)).toEqual(['Nikita Khrushchev merged into Khrushchev, as in the file: its names and passages go to Khrushchev.']);
    await importAnnotations(mine, corpus, await whole(hers));
    expect(await names(mine)).toEqual(['Khrushchev [Nikita Khrushchev; N. S. Khrushchev]']);
    expect((await here.index()).resolve('Nikita Khrushchev')?.id).toBe(k.id);
    expect((await here.passagesOf(k.id)).map((a) => a.id)).toEqual(['nk']);
  });

  it('adds the aliases a colleague gave the same actor, and leaves out, with the reason, one another actor holds', async () => {
    const mine = library();
    await new ActorStore(mine).create('Khrushchev');
    await new ActorStore(mine).create('Enver Hoxha', ['Хоџа']);
    const hers = library();
    await new ActorStore(hers).create('Khrushchev', ['Хрущёв', 'Nikita S. Khrushchev', 'Хоџа']);
    await rows.put(hers, [passage('kh', memo, 'Albania may go over to the other side', { tags: ['actor'], actor: 'Хрущёв' })]);

    const { plan } = await previewImport(mine, corpus, await whole(hers));
    expect([plan.library.actors.add.length, plan.library.actors.update.length, plan.library.actors.unchanged]).toEqual([0, 1, 0]);
    expect(actorNotes(plan.library.actors)).toEqual([
      'Khrushchev gains the names “Хрущёв”, “Nikita S. Khrushchev”.',
      '“Хоџа” left out of Khrushchev: it already names Enver Hoxha.',
    ]);
    await importAnnotations(mine, corpus, await whole(hers));
    expect(await names(mine)).toEqual(['Enver Hoxha [Хоџа]', 'Khrushchev [Хрущёв; Nikita S. Khrushchev]']);
    expect((await new ActorStore(mine).index()).resolve('Хрущёв')?.name).toBe('Khrushchev');
  });
});

describe('times as other tools write them', () => {
  const w3c = (created: unknown, modified?: unknown) =>
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:uuid:4a9d0b8e-0000-4000-8000-000000000001',
      created,
      ...(modified === undefined ? {} : { modified }),
      bodyValue: 'a note',
      target: { source: 'https://example.org/memo', selector: { type: 'TextQuoteSelector', exact: 'Albania may go over to the other side' } },
    });

  it('reads a time without a zone, or a bare date, as UTC, says how many, and exports what it stored', async () => {
    const db = library();
    const { plan } = await previewImport(db, corpus, w3c('2023-01-28T12:00:00', '2023-01-29'));
    expect(plan.zonelessTimes).toBe(2);
    await importAnnotations(db, corpus, w3c('2023-01-28T12:00:00', '2023-01-29'));
    const [stored] = await rows.all(db);
    expect([stored!.created, stored!.modified]).toEqual(['2023-01-28T12:00:00.000Z', '2023-01-29T00:00:00.000Z']);
    // The library's own export of it reads back: backups stay restorable.
    const { content } = await exportAnnotations(db, corpus, { kind: 'all' });
    const fresh = library();
    await importAnnotations(fresh, corpus, content as string);
    expect(await rows.all(fresh)).toEqual(await rows.all(db));
  });

  it('sets aside an annotation whose id is a link’s in the library, and a link whose id is an annotation’s, so its own W3C export reads back', async () => {
    const db = library();
    await fill(db);
    const file = JSON.parse((await exportAnnotations(db, corpus, { kind: 'all' }, 'w3c')).content as string);
    const annotation = file.first.items.find((item: { id: string }) => item.id === 'urn:uuid:claim');
    const link = file.first.items.find((item: { motivation?: string }) => item.motivation === 'linking');
    // Another tool's file reusing the library's ids across kinds.
    const rival = {
      ...file,
      first: {
        ...file.first,
        items: [
          { ...annotation, id: 'urn:uuid:l1' },
          { ...link, id: 'urn:uuid:ri' },
        ],
      },
    };
    const { plan } = await previewImport(db, corpus, JSON.stringify(rival));
    expect(plan.unplaced.map((u) => u.reason)).toEqual(['its id “l1” is a link’s in this library', 'its id “ri” is an annotation’s in this library']);
    const before = await contents(db);
    await importAnnotations(db, corpus, JSON.stringify(rival));
    expect(await contents(db)).toEqual(before);
    const again = library();
    await importAnnotations(again, corpus, (await exportAnnotations(db, corpus, { kind: 'all' }, 'w3c')).content as string);
    expect(await contents(again)).toEqual(before);
  });

  it('carries a link and an annotation that share an id (a backup can hold such a pair) through its W3C export and back', async () => {
    const db = library();
    await fill(db);
    const link = (await db.links.get('l1'))!;
    await db.links.delete('l1');
    await db.links.add({ ...link, id: 'claim' });
    const before = await contents(db);
    const w3c = (await exportAnnotations(db, corpus, { kind: 'all' }, 'w3c')).content as string;
    const fresh = library();
    await importAnnotations(fresh, corpus, w3c);
    expect(await contents(fresh)).toEqual(before);
    const again = await importAnnotations(db, corpus, w3c);
    expect([again.add, again.unplaced, again.library.links.add]).toEqual([[], [], []]);
    expect(await contents(db)).toEqual(before);
  });

  it('never lets an undated annotation or link replace the library’s of the same id', async () => {
    const db = library();
    await fill(db);
    const before = await contents(db);
    // Another tool's file reusing the library's ids, with no dates at all.
    const file = JSON.parse((await exportAnnotations(db, corpus, { kind: 'all' }, 'w3c')).content as string);
    for (const item of file.first.items) {
      delete item.created;
      delete item.modified;
      if (item.motivation === 'linking') item.bodyValue = 'a rival reading';
      else item.bodyValue = 'overwritten?';
    }
    const { plan } = await previewImport(db, corpus, JSON.stringify(file));
    expect([plan.update, plan.library.links.update]).toEqual([[], []]);
    // Kept as the library has them, and counted so: they differ.
    expect([plan.unchanged, plan.kept, plan.library.links.unchanged, plan.library.links.kept]).toEqual([0, 3, 0, 2]);
    await importAnnotations(db, corpus, JSON.stringify(file));
    expect(await contents(db)).toEqual(before);
  });

  it('refuses junk with its JSON path and stores nothing', async () => {
    const db = library();
    await expect(importAnnotations(db, corpus, w3c('yesterday'))).rejects.toThrow(
      '$.created: expected an ISO 8601 date and time such as "2026-11-22T14:31:00Z" (or a date "2026-11-22", read as UTC), not "yesterday"',
    );
    await expect(importAnnotations(db, corpus, w3c('2023-02-30'))).rejects.toThrow(/^\$\.created: expected an ISO 8601/);
    await expect(importAnnotations(db, corpus, w3c('2023-01-28T12:00:00Z', 1674907200))).rejects.toThrow(/^\$\.modified: expected an ISO 8601 .*not a number$/);
    expect(await rows.all(db)).toEqual([]);
  });

  it('normalises a native file’s zoneless times the same way', async () => {
    const source = library();
    await fill(source);
    const file = JSON.parse((await exportAnnotations(source, corpus, { kind: 'all' })).content as string);
    file.annotations[0].created = '2023-01-28';
    file.library.links[0].modified = '2023-01-28T09:30';
    const db = library();
    expect((await previewImport(db, corpus, JSON.stringify(file))).plan.zonelessTimes).toBe(2);
    await importAnnotations(db, corpus, JSON.stringify(file));
    expect((await rows.findByIds(db, [file.annotations[0].id])).get(file.annotations[0].id)?.created).toBe('2023-01-28T00:00:00.000Z');
    expect((await db.links.get(file.library.links[0].id))?.modified).toBe('2023-01-28T09:30:00.000Z');
    file.annotations[1].modified = 'soon';
    await expect(importAnnotations(library(), corpus, JSON.stringify(file))).rejects.toThrow(/^\$\.annotations\[1\]\.modified: /);
  });
});

describe('whatever import accepts, the library exports and takes back whole', () => {
  const documents = [brief, memo];
  const oddTime = fc.oneof(
    fc.date({ min: new Date('1950-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '+05:30')),
  );
  const oddText = fc.string({ unit: fc.constantFrom('a', ' ', '"', '“', 'ë', 'Ж', '\n', '🙂', '𝔄', '中', '<', '&', '\\'), maxLength: 20 });
  const oddId = fc.oneof(
    fc.uuid(),
    fc.uuid().map((u) => `urn:uuid:${u}`),
    oddText.filter((s) => s.trim().length > 0).map((s) => `x-${s}`),
  );
  const item = fc.record({
    id: oddId,
    doc: fc.integer({ min: 0, max: documents.length - 1 }),
    at: fc.double({ min: 0, max: 0.95, noNaN: true }),
    length: fc.integer({ min: 3, max: 80 }),
    tags: fc.subarray(['Claim', 'Actor', 'Économie 🙂']),
    note: oddText,
    created: oddTime,
    modified: fc.option(oddTime, { nil: undefined }),
  });
  const files = fc.tuple(fc.uniqueArray(item, { selector: (r) => r.id.replace(/^urn:uuid:/, ''), maxLength: 8 }), fc.boolean()).map(([items, single]) => {
    const annotations = items.flatMap((r) => {
      const text = documents[r.doc]!.text.text;
      let start = Math.floor(r.at * text.length);
      const end = Math.min(text.length, start + r.length);
      while (start < end && /\s/.test(text[start]!)) start++;
      if (end - start < 3) return [];
      const exact = text.slice(start, end);
      if (exact.trim() !== exact) return [];
      return [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: r.id,
          type: 'Annotation',
          created: r.created,
          ...(r.modified ? { modified: r.modified } : {}),
          body: [
            ...r.tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
            ...(r.note ? [{ type: 'TextualBody', purpose: 'commenting', value: r.note }] : []),
          ],
          target: {
            source: { id: `urn:palimpsest:document:${documents[r.doc]!.id}`, type: 'Text' },
            selector: [{ type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }],
          },
        },
      ];
    });
    return JSON.stringify(single && annotations.length === 1 ? annotations[0] : annotations);
  });

  it('a W3C file with odd times, astral characters and odd ids: native and W3C exports import back to the same library', async () => {
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(files, async (json) => {
        const first = library();
        const plan = await importAnnotations(first, corpus, json);
        placed += plan.add.length;
        // Repeated passages may be doubtful: whatever was placed is what counts.
        expect(plan.add.length + plan.unplaced.length).toBe(JSON.parse(json).length ?? 1);
        for (const format of ['native', 'w3c'] as const) {
          const { content } = await exportAnnotations(first, corpus, { kind: 'all' }, format);
          const second = library();
          await importAnnotations(second, corpus, content as string);
          expect(await contents(second)).toEqual(await contents(first));
          const { content: again } = await exportAnnotations(second, corpus, { kind: 'all' }, 'native', new Date(0));
          expect(again).toBe((await exportAnnotations(first, corpus, { kind: 'all' }, 'native', new Date(0))).content);
        }
        await dropDbs();
      }),
      { numRuns: 25 },
    );
    // The generated files are not all refused or unplaceable.
    expect(placed).toBeGreaterThan(50);
  }, 120_000);
});
