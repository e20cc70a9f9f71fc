import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
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
            for (const key of keys) writes.push(`${request.type} ${String(key)}`);
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

  it('writes one row to index a revision of one document, and none for a revision it has', async () => {
    const { db, writes } = counted();
    const index = new PersistentIndex(db);
    await index.add(seeds);
    expect(writes).toHaveLength(seeds.length);
    writes.length = 0;
    const target = seeds[1]!;
    const revised = { id: target.id, text: `${target.text}\n\nA Zhivkov marginal note, added in revision.`, revision: 'second' };
    await index.add([...seeds.filter((s) => s.id !== target.id), revised]);
    expect(writes).toEqual([`put ${target.id}`]);
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
    expect(writes).toEqual([`delete ${gone!.id}`]);
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
    const reopened = new PersistentIndex(new IndexDb(name));
    expect(await reopened.reconcile(seeds.slice(0, 2))).toEqual([seeds[0]!.id]);
    expect(await new IndexDb(name).segments.count()).toBe(1);
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
});
