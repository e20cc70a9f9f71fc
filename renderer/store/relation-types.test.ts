import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';
import { RelationTypeStore } from './relation-types';

const brief = seed(loadCorpus(), seedIds.foBrief);
let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('relation-types');
});
afterEach(dropDbs);

describe('RelationTypeStore', () => {
  it('adds, renames, reorders and deletes relation types, and refuses to delete one a link uses', async () => {
    const store = new RelationTypeStore(db);
    const added = await store.add({ name: 'quotes', inverse: 'quoted by', color: '#336699' });
    expect((await store.list()).map((r) => r.name).at(-1)).toBe('quotes');
    await store.rename(added.id, { name: 'quotes verbatim', inverse: 'quoted verbatim by' });
    await store.move(added.id, -1);
    expect((await store.list()).map((r) => r.name).slice(-2)).toEqual(['quotes verbatim', 'cites']);

    const annotations = new AnnotationStore(db);
    const text = brief.text.text;
    const a = await annotations.create(brief, text.indexOf('Khrushchev'), text.indexOf('Khrushchev') + 10);
    const b = await annotations.create(brief, text.indexOf('Albania'), text.indexOf('Albania') + 7);
    await annotations.link(a, b, added.id);
    expect(await store.usage(added.id)).toBe(1);
    await expect(store.delete(added.id)).rejects.toThrow('used by one link');
    await expect(store.add({ name: 'Supports', color: '#112233' })).rejects.toThrow();
    await store.delete('cites');
    expect((await store.list()).map((r) => r.id)).not.toContain('cites');
    expect((await store.list()).map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('deleting a relation type and the undo history', () => {
  it('is one step: undo puts the type back where it was, and older steps stay undoable', async () => {
    const annotations = new AnnotationStore(db);
    const store = new RelationTypeStore(db, annotations.history);
    const text = brief.text.text;
    await annotations.create(brief, text.indexOf('Khrushchev'), text.indexOf('Khrushchev') + 10);
    const before = await store.list();
    await store.delete('cites');
    expect((await store.list()).map((r) => r.id)).not.toContain('cites');
    expect((await annotations.undo())?.label).toBe('Delete relation type');
    expect(await store.list()).toEqual(before);
    expect((await annotations.undo())?.label).toBe('Create annotation');
    expect(annotations.history.canUndo).toBe(false);
  });
});
