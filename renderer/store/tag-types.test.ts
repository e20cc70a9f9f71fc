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
  it('is one step: undo puts the type back in its place and its tag back on every annotation, and an older edit is undone after it', async () => {
    const annotations = new AnnotationStore(db);
    const store = new TagTypeStore(db, annotations.history);
    const added = await store.add('Rumour', '#8e44ad');
    await store.move(added.id, -1);
    const made = await annotations.create(brief, 100, 140, { tags: ['claim'] });
    await annotations.update(made, { tags: ['claim', added.id], note: 'heard in Tirana' });
    const other = await annotations.create(brief, 200, 240, { tags: [added.id] });
    const before = { types: await tags.list(), rows: await rows.all(db) };

    expect(await store.delete(added.id)).toBe(2);
    expect((await rows.all(db)).map((a) => a.tags).sort()).toEqual([[], ['claim']]);
    expect(await names()).toEqual(['Actor', 'Claim', 'Economic measure']);

    expect((await annotations.undo())?.label).toBe('Delete tag type');
    expect(await tags.list()).toEqual(before.types);
    expect(await rows.all(db)).toEqual(before.rows);

    // Redo deletes it again; undo, then the older steps behind it.
    await annotations.redo();
    expect(await names()).toEqual(['Actor', 'Claim', 'Economic measure']);
    await annotations.undo();
    expect((await annotations.undo())?.label).toBe('Create annotation');
    expect((await rows.all(db)).map((a) => a.id)).not.toContain(other.id);
    expect((await annotations.undo())?.label).toBe('Edit annotation');
    expect((await rows.all(db)).find((a) => a.id === made.id)?.tags).toEqual(['claim']);
  });
});
