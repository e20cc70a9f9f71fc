import 'fake-indexeddb/auto';
import Dexie, { type DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../shared/search/search-index';
import { loadCorpus } from '../../shared/test-support/corpus';
import { IndexDb, PersistentIndex } from './index-store';

const seeds = [...loadCorpus().values()].map((d) => ({ id: d.id, text: d.text.text, revision: d.fingerprint }));
const queries = ['Mehilli', 'dvorak', '"soviet leaders"', 'alb*', 'co*', '"of the"', 'wheat albania'];
let databases = 0;

// A fresh database, with every row written or deleted counted by key.
function counted(name = `search-${++databases}`): { db: IndexDb; writes: string[] } {
  const writes: string[] = [];
  const db = new IndexDb(name);
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        return {
          ...table,
          mutate(request) {
            const keys =
              request.type === 'delete' ? request.keys : request.type === 'deleteRange' ? ['(range)'] : (request.values as { id: string }[]).map((v) => v.id);
            for (const key of keys) writes.push(`${request.type} ${tableName} ${String(key)}`);
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return { db, writes };
}

function memoryIndex(documents: readonly { id: string; text: string }[]): SearchIndex {
  const index = new SearchIndex();
  for (const d of documents) index.add(d.id, d.text);
  return index;
}

describe('PersistentIndex', () => {
  it('finds after a restart what it found before, without being sent a text again', async () => {
    const name = `search-${++databases}`;
    const first = new PersistentIndex(new IndexDb(name));
    await first.add(seeds);
    const reopened = new PersistentIndex(new IndexDb(name));
    expect(await reopened.reconcile(seeds)).toEqual([]);
    expect(reopened.size).toBe(seeds.length);
    const fresh = memoryIndex(seeds);
    for (const query of queries) {
      const found = await reopened.search(query, { limit: 50 });
      const expected = fresh.search(query, { limit: 50 });
      // Documents come back in the database's order; their hits are the same.
      const byId = (r: typeof found) => Object.fromEntries(r.documents.map((d) => [d.documentId, d]));
      expect(found.total, query).toBe(expected.total);
      expect(byId(found), query).toEqual(byId(expected));
    }
    expect((await reopened.search('"soviet leaders"', { limit: 1 })).total).toBeGreaterThan(0);
  });

  it('writes one segment and one lexicon to index a revision of one document (and its new words), and none for a revision it has', async () => {
    const { db, writes } = counted();
    const index = new PersistentIndex(db);
    await index.add(seeds);
    expect(writes).toHaveLength(2 * seeds.length + 1);
    writes.length = 0;
    const target = seeds[1]!;
    const revised = { id: target.id, text: `${target.text}\n\nA Zhivkov marginal note, added in revision.`, revision: 'second' };
    await index.add([...seeds.filter((s) => s.id !== target.id), revised]);
    // The words no text held before ("zhivkov") are kept in one run.
    expect(writes).toEqual([expect.stringMatching(/^put words [1-9]\d*$/), `put segments ${target.id}`, `put lexicons ${target.id}`]);
    expect((await index.search('zhivkov marginal', { limit: 5 })).documents.map((d) => d.documentId)).toEqual([target.id]);
    writes.length = 0;
    await index.add([revised]);
    expect(writes).toEqual([]);
  });

  it('forgets the documents no longer in the library and names those to send, new or revised', async () => {
    const { db, writes } = counted();
    const index = new PersistentIndex(db);
    await index.add(seeds);
    writes.length = 0;
    const [gone, revised, ...kept] = seeds;
    const stamps = [...kept, { id: revised!.id, revision: 'another' }, { id: 'new-memo', revision: 'x' }];
    expect(await index.reconcile(stamps)).toEqual([revised!.id, 'new-memo']);
    expect(writes).toEqual([`delete segments ${gone!.id}`, `delete lexicons ${gone!.id}`]);
    const reopened = new PersistentIndex(new IndexDb(db.name));
    await reopened.open();
    expect(reopened.size).toBe(seeds.length - 1);
    const found = await reopened.search('the', { limit: 1 });
    expect(found.documents.some((d) => d.documentId === gone!.id)).toBe(false);
  });

  it('drops a stored document it cannot read back, and asks for its text again', async () => {
    const name = `search-${++databases}`;
    const db = new IndexDb(name);
    await new PersistentIndex(db).add(seeds.slice(0, 2));
    await db.segments.update(seeds[0]!.id, { starts: new Int32Array(1) });
    await db.lexicons.update(seeds[1]!.id, { counts: new Int32Array(1) });
    const reopened = new PersistentIndex(new IndexDb(name), { warm: false });
    // A damaged lexicon is found at the launch; a damaged segment when a
    // search first reads it.
    expect(await reopened.reconcile(seeds.slice(0, 2))).toEqual([seeds[1]!.id]);
    expect((await reopened.search('the', { limit: 1000 })).documents).toEqual([]);
    expect(await reopened.reconcile(seeds.slice(0, 2))).toEqual([seeds[0]!.id, seeds[1]!.id]);
    expect(await new IndexDb(name).segments.count()).toBe(0);
    expect(await new IndexDb(name).lexicons.count()).toBe(0);
  });

  it('answers a word from the lexicons, reading only the segments of the hits it lists', async () => {
    const name = `search-${++databases}`;
    await new PersistentIndex(new IndexDb(name)).add(seeds);
    const reopened = new PersistentIndex(new IndexDb(name), { warm: false });
    const counts = await reopened.search('the', { limit: 0 });
    expect(counts.total).toBe(memoryIndex(seeds).search('the', { limit: 0 }).total);
    expect(seeds.filter((s) => !reopened.index.isLexiconOnly(s.id))).toEqual([]);
    const first = await reopened.search('the', { limit: 1 });
    expect(first.documents[0]!.hits).toHaveLength(1);
    expect(seeds.filter((s) => !reopened.index.isLexiconOnly(s.id)).map((s) => s.id)).toEqual([first.documents[0]!.documentId]);
  });

  it('reads every other segment in the background after a launch', async () => {
    const name = `search-${++databases}`;
    await new PersistentIndex(new IndexDb(name)).add(seeds);
    const reopened = new PersistentIndex(new IndexDb(name));
    await reopened.open();
    expect(seeds.filter((s) => reopened.index.isLexiconOnly(s.id)).length).toBe(seeds.length);
    await reopened.warmed();
    expect(seeds.filter((s) => reopened.index.isLexiconOnly(s.id))).toEqual([]);
  });

  it('leaves the index as it was when a batch cannot be stored', async () => {
    const { db } = counted();
    const index = new PersistentIndex(db);
    await index.add(seeds.slice(0, 1));
    db.close();
    await expect(index.add(seeds.slice(1))).rejects.toThrow();
    expect(index.size).toBe(1);
    expect((await index.reconcile(seeds.slice(0, 1).map(({ id, revision }) => ({ id, revision })))).length).toBe(0);
  });

  it('indexes again the documents a version-2 index held by the names of their words', async () => {
    const name = `search-${++databases}`;
    const old = new Dexie(name);
    old.version(2).stores({ segments: 'id', lexicons: 'id' });
    const [first] = seeds;
    await old.table('lexicons').put({ id: first!.id, revision: first!.revision, words: 'soviet\nleaders', counts: Int32Array.of(2, 1) });
    await old.table('segments').put({ id: first!.id, revision: first!.revision, text: first!.text, words: ['soviet'], terms: new Int32Array(0) });
    old.close();
    const index = new PersistentIndex(new IndexDb(name));
    expect(await index.reconcile(seeds)).toEqual(seeds.map((s) => s.id));
    await index.add(seeds);
    const reopened = new PersistentIndex(new IndexDb(name));
    expect(await reopened.reconcile(seeds)).toEqual([]);
    expect((await reopened.search('"soviet leaders"', { limit: 0 })).total).toBe(memoryIndex(seeds).search('"soviet leaders"', { limit: 0 }).total);
  });

  // Version 3's lexicons kept only the pairs of two common words; a
  // ranking now takes a pair a document does not keep to stand fewer than
  // 8 times there (see keptPairs). "d-often" holds "soviet leaders" 12
  // times, "a-some" 9: without the upgrade, "d-often" would be passed over.
  it('ranks and finds from a version-3 index as from a fresh one, its lexicons given their pairs again, nothing indexed again', async () => {
    const name = `search-${++databases}`;
    const documents = [
      { id: 'a-some', text: 'The Soviet leaders met. '.repeat(9), revision: 'one' },
      { id: 'd-often', text: 'The Soviet leaders met. '.repeat(12), revision: 'one' },
      ...seeds,
    ];
    const before = new SearchIndex({ pairsFrom: Number.POSITIVE_INFINITY });
    const old = new Dexie(name);
    old.version(3).stores({ segments: 'id', lexicons: 'id', words: 'id' });
    const built = documents.map((d) => ({ d, built: before.build(d.id, d.text) }));
    // A lexicon whose segment is of another revision cannot be given its
    // pairs: dropped, its text asked for again.
    const stale = { id: 'stale', text: 'The Soviet leaders left.', revision: 'two' };
    const staleBuilt = before.build(stale.id, stale.text);
    await old.table('words').put({ id: 0, words: before.wordsFrom(0).join('\n') });
    for (const { d, built: b } of built) {
      await old.table('segments').put({ id: d.id, revision: d.revision, text: d.text, ...b.stored() });
      await old.table('lexicons').put({ id: d.id, revision: d.revision, ...b.lexicon() });
    }
    await old.table('segments').put({ id: stale.id, revision: 'one', text: stale.text, ...staleBuilt.stored() });
    await old.table('lexicons').put({ id: stale.id, revision: 'two', ...staleBuilt.lexicon() });
    old.close();
    const reopened = new PersistentIndex(new IndexDb(name));
    expect(await reopened.reconcile([...documents, stale])).toEqual(['stale']);
    await reopened.warmed();
    const fresh = memoryIndex(documents);
    expect(reopened.index.rank('"soviet leaders"', 1)).toEqual(['d-often']);
    for (const query of queries) {
      expect(reopened.index.rank(query, 2), query).toEqual(fresh.rank(query, 2));
      expect((await reopened.search(query, { limit: 10 })).total, query).toBe(fresh.search(query, { limit: 10 }).total);
    }
  });

  it('indexes everything again when its kept words are damaged, and joins many runs of words into one', async () => {
    const name = `search-${++databases}`;
    const notes = Array.from({ length: 40 }, (_, k) => ({ id: `note-${k}`, text: `Marginal note ${k}: word${k}x`, revision: 'one' }));
    const first = new PersistentIndex(new IndexDb(name));
    // One batch each: forty runs of words.
    for (const note of notes) await first.add([note]);
    const db = new IndexDb(name);
    expect(await db.words.count()).toBe(40);
    const joined = new PersistentIndex(new IndexDb(name));
    expect(await joined.reconcile(notes)).toEqual([]);
    expect(await db.words.count()).toBe(1);
    for (const k of [0, 17, 39]) expect((await joined.search(`word${k}x`, { limit: 5 })).documents.map((d) => d.documentId)).toEqual([`note-${k}`]);
    // A run of words that does not start where the one before ended.
    const [run] = await db.words.toArray();
    await db.words.clear();
    await db.words.put({ id: 3, words: run!.words });
    const damaged = new PersistentIndex(new IndexDb(name));
    expect(await damaged.reconcile(notes)).toEqual(notes.map((n) => n.id));
    expect((await damaged.search('marginal', { limit: 5 })).total).toBe(0);
    expect(await db.segments.count()).toBe(0);
    await damaged.add(notes);
    expect((await damaged.search('word17x', { limit: 5 })).documents.map((d) => d.documentId)).toEqual(['note-17']);
  });
  it('reads back a library of more lexicons than a page, and lexicons kept four bytes a number as two', async () => {
    const name = `search-${++databases}`;
    const many = Array.from({ length: 1_203 }, (_, k) => ({
      id: `d${String(k).padStart(4, '0')}`,
      text: `Minute ${k} of the meeting: wheat ${k % 7 === 0 ? 'and quernstones' : ''}.`,
      revision: 'r',
    }));
    const first = new PersistentIndex(new IndexDb(name));
    await first.add(many);
    const db = new IndexDb(name);
    const stored = await db.lexicons.get('d0000');
    // Written two bytes a number; a row written before that held four.
    expect(stored!.terms).toBeInstanceOf(Uint16Array);
    await db.lexicons.put({ ...stored!, terms: Int32Array.from(stored!.terms), counts: Int32Array.from(stored!.counts) });
    db.close();
    const reopened = new PersistentIndex(new IndexDb(name), { warm: false });
    expect(await reopened.reconcile(many)).toEqual([]);
    const expected = memoryIndex(many);
    for (const query of ['quernstones', 'wheat', '"of the"', 'minute 0']) {
      expect((await reopened.search(query, { limit: 0 })).documents, query).toEqual(expected.search(query, { limit: 0 }).documents);
    }
  });
});
