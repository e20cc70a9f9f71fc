import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';
import { TagTypeStore } from './tag-types';

const brief = seed(loadCorpus(), seedIds.foBrief);
let db: PalimpsestDb;
let tags: TagTypeStore;

beforeEach(() => {
  db = freshDb('tags');
  tags = new TagTypeStore(db);
});
afterEach(dropDbs);

const names = async () => (await tags.list()).map((t) => t.name);

describe('TagTypeStore', () => {
  it('adds a tag type at the end, with an id from its name', async () => {
    const added = await tags.add('  Source criticism ', '#8e44ad');
    expect(added).toMatchObject({ id: 'source-criticism', name: 'Source criticism', order: 3, namesActor: false });
    expect(await names()).toEqual(['Actor', 'Claim', 'Economic measure', 'Source criticism']);
  });

  it('refuses an empty or duplicate name with a sentence saying why', async () => {
    await expect(tags.add('   ', '#000000')).rejects.toThrow('A tag type needs a name.');
    await expect(tags.add('claim', '#000000')).rejects.toThrow('There is already a tag type called “claim”.');
    await expect(tags.rename('claim', 'Actor')).rejects.toThrow('already a tag type called “Actor”');
  });

  it('renames, recolours and reorders', async () => {
    await tags.rename('claim', 'Assertion');
    await tags.recolor('claim', '#aa00aa');
    await tags.move('economic-measure', -1);
    await tags.move('economic-measure', -1);
    await tags.move('economic-measure', -1); // already first: no change
    expect(await names()).toEqual(['Economic measure', 'Actor', 'Assertion']);
    expect((await tags.list()).map((t) => t.order)).toEqual([0, 1, 2]);
    expect((await db.tagTypes.get('claim'))?.color).toBe('#aa00aa');
    await expect(tags.recolor('claim', 'red')).rejects.toThrow('is not a colour of the form #rrggbb');
  });

  it('deleting a type in use counts the annotations, takes the tag off them, and keeps them', async () => {
    const store = new AnnotationStore(db);
    const text = brief.text.text;
    const a = text.indexOf('Khrushchev');
    await store.create(brief, a, a + 10, { tags: ['actor', 'claim'], actor: 'Khrushchev' });
    const b = text.indexOf('China', a);
    await store.create(brief, b, b + 5, { tags: ['claim'] });
    expect(await tags.usage('claim')).toBe(2);
    expect(await tags.delete('claim')).toBe(2);
    const left = await rows.all(db);
    expect(left).toHaveLength(2);
    expect(left.map((x) => x.tags).sort()).toEqual([[], ['actor']]);
    expect(await names()).toEqual(['Actor', 'Economic measure']);
    expect((await tags.list()).map((t) => t.order)).toEqual([0, 1]);
  });
});

describe('deleting a type and the undo history', () => {
  it('forgets the history, so undo cannot bring a deleted tag type back onto an annotation', async () => {
    const annotations = new AnnotationStore(db);
    const store = new TagTypeStore(db, () => annotations.history.clear());
    const added = await store.add('Rumour', '#8e44ad');
    const made = await annotations.create(brief, 100, 140, { tags: ['claim'] });
    await annotations.update(made, { tags: ['claim', added.id] });
    await store.delete(added.id);
    expect(await annotations.undo()).toBeNull();
    expect((await rows.all(db)).map((a) => a.tags)).toEqual([['claim']]);
  });
});
