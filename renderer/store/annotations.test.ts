import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import { PalimpsestDb } from './db';
import { SetStore } from './sets';
import { dropDbs, freshDb } from './test-support/db';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const passage = 'he wanted to force Peking to desist from further support';
const start = brief.text.text.indexOf(passage);

let db: PalimpsestDb;
let store: AnnotationStore;
const stored = (id: string) => rows.get(db, brief.id, id);
const count = async () => (await rows.all(db)).length;

beforeEach(() => {
  db = freshDb('test');
  let id = 0;
  store = new AnnotationStore(
    db,
    () => new Date('2026-11-22T10:00:00Z'),
    () => `a${++id}`,
  );
});
afterEach(dropDbs);

describe('AnnotationStore', () => {
  it('stores a new annotation with both selectors on the passage', async () => {
    await store.create(brief, start, start + passage.length, { tags: ['claim'] });
    const [first] = await rows.all(db);
    expect(first?.quote.exact).toBe(passage);
    expect(first?.position).toEqual({ type: 'TextPositionSelector', start, end: start + passage.length });
    expect(first?.quote.prefix).toBe(brief.text.text.slice(start - 32, start));
    expect(first?.tags).toEqual(['claim']);
  });

  it('puts a deleted annotation back into its sets, in its place, on undo', async () => {
    const sets = new SetStore(db);
    const evidence = await sets.create('Evidence');
    const before = await store.create(brief, start, start + 10, { tags: ['claim'] });
    const deleted = await store.create(brief, start + 20, start + 30, { tags: ['claim'] });
    const after = await store.create(brief, start + 40, start + 50, { tags: ['claim'] });
    await sets.add(evidence.id, [before.id, deleted.id, after.id]);

    await store.delete(deleted);
    expect((await db.sets.get(evidence.id))?.annotationIds).toEqual([before.id, after.id]);
    await store.undo();
    expect((await db.sets.get(evidence.id))?.annotationIds).toEqual([before.id, deleted.id, after.id]);
    await store.redo();
    expect((await db.sets.get(evidence.id))?.annotationIds).toEqual([before.id, after.id]);
  });

  it('undoes and redoes creation, edits and deletion, in order', async () => {
    const created = await store.create(brief, start, start + passage.length, { tags: ['claim'] });
    await store.update(created, { note: 'first thought' });
    await store.update(created, { note: 'second thought', actor: 'Khrushchev' });
    await store.delete(created);
    expect(await count()).toBe(0);

    await store.undo();
    expect((await stored(created.id))?.note).toBe('second thought');
    await store.undo();
    expect((await stored(created.id))?.note).toBe('first thought');
    expect((await stored(created.id))?.actor).toBeNull();
    await store.redo();
    expect((await stored(created.id))?.actor).toBe('Khrushchev');
    await store.undo();
    await store.undo();
    await store.undo();
    expect(await count()).toBe(0);
    expect(await store.undo()).toBeNull();
    await store.redo();
    expect((await stored(created.id))?.note).toBe('');
  });

  it('a new change after an undo drops what could be redone', async () => {
    const created = await store.create(brief, start, start + passage.length);
    await store.update(created, { note: 'kept?' });
    await store.undo();
    await store.update(created, { note: 'instead' });
    expect(await store.redo()).toBeNull();
    expect((await stored(created.id))?.note).toBe('instead');
  });

  it('a full disk is said plainly, and neither the store nor the undo stack changes', async () => {
    await store.create(brief, start, start + passage.length, { note: 'kept' });
    const quota = () => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    };
    // The new annotation goes into the chunk that holds the first: an update of that row.
    db.annotationChunks.hook('creating', quota);
    db.annotationChunks.hook('updating', quota);
    await expect(store.create(brief, 0, 7)).rejects.toThrow(
      'the disk is full or the app’s storage quota is used up, so nothing was saved; your stored annotations are unchanged',
    );
    expect((await rows.all(db)).map((a) => a.note)).toEqual(['kept']);
    expect(store.history.canUndo).toBe(true);
    await store.undo();
    expect(await count()).toBe(0);
  });

  it('keeps both of two edits made at once: a note committed on blur and a tag added next', async () => {
    const made = await store.create(brief, start, start + passage.length, { tags: ['claim'] });
    // The panel commits the note as the field loses focus and the tag
    // chosen next is saved before that write ends: both edits start from
    // the same stored annotation.
    await Promise.all([store.update(made, { note: 'Contradicted by the Soviet archive.' }), store.update(made, { tags: ['claim', 'actor'] })]);
    expect(await stored(made.id)).toMatchObject({ note: 'Contradicted by the Soviet archive.', tags: ['claim', 'actor'] });
    // Each is its own step: undo takes back the tag, then the note.
    await store.undo();
    expect(await stored(made.id)).toMatchObject({ note: 'Contradicted by the Soviet archive.', tags: ['claim'] });
    await store.undo();
    expect(await stored(made.id)).toMatchObject({ note: '', tags: ['claim'] });
  });

  it('refuses to edit an annotation that no longer exists, saying so', async () => {
    await expect(store.update({ id: 'missing', documentId: brief.id }, { note: 'x' })).rejects.toThrow(/no annotation missing/);
  });
});

describe('PalimpsestDb', () => {
  it('starts a new library with the default tag types', async () => {
    const names = (await db.tagTypes.orderBy('order').toArray()).map((t) => t.name);
    expect(names).toEqual(['Actor', 'Claim', 'Economic measure']);
  });

  it('keeps what it stored when opened again', async () => {
    await store.create(brief, start, start + passage.length, { tags: ['claim'], note: 'kept' });
    const name = db.name;
    db.close();
    const again = new PalimpsestDb(name);
    expect((await rows.all(again)).map((a) => a.note)).toEqual(['kept']);
    expect(await again.tagTypes.count()).toBe(3);
    again.close();
    db = new PalimpsestDb(name);
  });
});

describe('links between annotations', () => {
  const article = seed(corpus, seedIds.article);
  const evidence = 'Chinese';

  it('links a passage of the brief to one of the article, refuses a duplicate and a self-link, and undoes and redoes the link', async () => {
    const claim = await store.create(brief, start, start + passage.length, { tags: ['claim'] });
    const at = article.text.text.indexOf(evidence);
    const support = await store.create(article, at, at + evidence.length);
    const link = await store.link(support, claim, 'supports', 'Edemskiy confirms it from Soviet files');
    expect(await db.links.toArray()).toEqual([{ ...link, fromDocument: article.id, toDocument: brief.id }]);
    await expect(store.link(support, claim, 'supports')).rejects.toThrow('already linked by “supports”');
    await expect(store.link(claim, claim, 'contradicts')).rejects.toThrow('cannot be linked to itself');
    await expect(store.link(claim, support, 'no-such-relation')).rejects.toThrow('There is no relation type');

    await store.undo();
    expect(await db.links.count()).toBe(0);
    await store.redo();
    expect(await db.links.get(link.id)).toMatchObject({ relation: 'supports', note: 'Edemskiy confirms it from Soviet files' });
  });

  it('deletes the links of a deleted annotation with it, and undo brings both back', async () => {
    const claim = await store.create(brief, start, start + passage.length, { tags: ['claim'] });
    const at = article.text.text.indexOf(evidence);
    const support = await store.create(article, at, at + evidence.length);
    await store.link(support, claim, 'contradicts');
    await store.delete(claim);
    expect(await db.links.count()).toBe(0);
    expect(await stored(claim.id)).toBeUndefined();
    await store.undo();
    expect(await stored(claim.id)).toEqual(claim);
    expect((await db.links.toArray()).map((l) => [l.from, l.to, l.relation])).toEqual([[support.id, claim.id, 'contradicts']]);
  });

  it('changes a link’s relation and note, still refusing a duplicate', async () => {
    const claim = await store.create(brief, start, start + passage.length);
    const at = article.text.text.indexOf(evidence);
    const support = await store.create(article, at, at + evidence.length);
    const first = await store.link(support, claim, 'supports');
    await store.link(support, claim, 'elaborates');
    await expect(store.updateLink(first.id, { relation: 'elaborates' })).rejects.toThrow('already linked');
    expect(await store.updateLink(first.id, { note: 'see fn. 12' })).toMatchObject({ relation: 'supports', note: 'see fn. 12' });
    await store.unlink(first.id);
    expect(await db.links.count()).toBe(1);
  });
});
