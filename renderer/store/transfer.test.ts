import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { AnnotationStore } from './annotations';
import { PalimpsestDb } from './db';
import { TagTypeStore } from './tag-types';
import { exportNative, importNative, storageProblem } from './transfer';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const memo = seed(corpus, seedIds.czechMemo);

let db: PalimpsestDb;
let n = 0;

async function annotate(database: PalimpsestDb) {
  const store = new AnnotationStore(database);
  const at = (doc: typeof brief, quote: string) => doc.text.text.indexOf(quote);
  const q1 = 'Albania has recently been seeking to expand her diplomatic and commercial relations';
  const q2 = 'Albania may go over to the other side';
  await store.create(brief, at(brief, q1), at(brief, q1) + q1.length, { tags: ['claim'], note: 'cf. Soviet view' });
  await store.create(memo, at(memo, q2), at(memo, q2) + q2.length, { tags: ['actor'], actor: 'Ri Song-un' });
}

beforeEach(() => {
  db = new PalimpsestDb(`transfer-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('export and import', () => {
  it('round-trips every annotation into an empty library, and a second import adds nothing', async () => {
    await annotate(db);
    const { json, count } = await exportNative(db, corpus, { kind: 'all' });
    expect(count).toBe(2);

    const fresh = new PalimpsestDb(`transfer-fresh-${n}`);
    expect(await importNative(fresh, corpus, json)).toEqual({ added: 2, updated: 0, unchanged: 0, tagTypesAdded: 0 });
    expect(await importNative(fresh, corpus, json)).toEqual({ added: 0, updated: 0, unchanged: 2, tagTypesAdded: 0 });
    const sort = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(await fresh.annotations.toArray())).toEqual(sort(await db.annotations.toArray()));
    // Export of the imported library is the same file but for its time.
    const again = await exportNative(fresh, corpus, { kind: 'all' }, new Date(JSON.parse(json).exported));
    expect(again.json).toBe(json);
    fresh.close();
    await fresh.delete();
  });

  it('exports one document’s annotations only', async () => {
    await annotate(db);
    const { json, count } = await exportNative(db, corpus, { kind: 'document', documentId: memo.id });
    expect(count).toBe(1);
    expect(JSON.parse(json).annotations[0].target.selector[0].exact).toBe('Albania may go over to the other side');
  });

  it('an invalid file names its problem and leaves the library exactly as it was', async () => {
    await annotate(db);
    const before = await db.annotations.toArray();
    const file = JSON.parse((await exportNative(db, corpus, { kind: 'all' })).json);
    file.annotations[0].note = 'changed by the file';
    file.annotations[0].modified = '2030-01-01T00:00:00.000Z';
    file.annotations[1].documentId = 'no-such-document';
    file.annotations[1].target.source = 'no-such-document';
    await expect(importNative(db, corpus, JSON.stringify(file))).rejects.toThrow('$.annotations[1].documentId: there is no document "no-such-document" in this library');
    expect(await db.annotations.toArray()).toEqual(before);
  });

  it('a storage failure mid-import rolls everything back and says plainly what happened', async () => {
    await annotate(db);
    const file = JSON.parse((await exportNative(db, corpus, { kind: 'all' })).json);
    const fresh = new PalimpsestDb(`transfer-quota-${n}`);
    await fresh.open();
    fresh.annotations.hook('creating', () => {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    });
    await expect(importNative(fresh, corpus, JSON.stringify(file))).rejects.toThrow(/disk is full or the app’s storage quota is used up/);
    expect(await fresh.annotations.count()).toBe(0);
    fresh.close();
    await fresh.delete();
  });

  it('brings tag types the library lacks, after its own', async () => {
    await new TagTypeStore(db).add('Source criticism', '#8e44ad');
    await annotate(db);
    const file = JSON.parse((await exportNative(db, corpus, { kind: 'all' })).json);
    file.annotations[0].tags.push('source-criticism');
    const fresh = new PalimpsestDb(`transfer-tags-${n}`);
    expect((await importNative(fresh, corpus, JSON.stringify(file))).tagTypesAdded).toBe(1);
    expect((await fresh.tagTypes.orderBy('order').toArray()).map((t) => t.name)).toEqual(['Actor', 'Claim', 'Economic measure', 'Source criticism']);
    fresh.close();
    await fresh.delete();
  });

  it('describes storage failures without blaming the researcher', () => {
    expect(storageProblem(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toMatch(/stored annotations are unchanged/);
    expect(storageProblem(new Error('boom'))).toMatch(/storing failed \(boom\); nothing was changed/);
  });
});
