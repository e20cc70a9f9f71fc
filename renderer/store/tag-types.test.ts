import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TagType } from '../../shared/annotation/model';
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

describe('undoing a deletion after other edits of the list', () => {
  it('keeps a rename and a type added since, and gives each type its own place', async () => {
    const annotations = new AnnotationStore(db);
    const store = new TagTypeStore(db, annotations.history);
    await store.delete('actor');
    await store.rename('claim', 'Assertion');
    await store.add('Rumour', '#8e44ad');
    await annotations.undo();
    expect((await store.list()).map((t) => [t.name, t.order])).toEqual([
      ['Actor', 0],
      ['Assertion', 1],
      ['Economic measure', 2],
      ['Rumour', 3],
    ]);
  });
});

describe('type deletions among annotation edits, undone and redone', () => {
  // Each run: a few annotations made and retagged, tag types added and
  // deleted, and undo and redo pressed in any order. A user would notice
  // an annotation carrying a tag no type names (it cannot be exported), or
  // undo all the way back not giving the library they started with.
  const op = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), tags: fc.subarray([0, 1, 2, 3]) }),
    fc.record({ kind: fc.constant('retag' as const), which: fc.nat(), tags: fc.subarray([0, 1, 2, 3]) }),
    fc.record({ kind: fc.constant('add-type' as const) }),
    fc.record({ kind: fc.constant('delete-type' as const), which: fc.nat() }),
    fc.constant({ kind: 'undo' as const }),
    fc.constant({ kind: 'redo' as const }),
  );

  it('leaves no annotation with a tag no type names, and undoing every step gives the first library back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const base = freshDb('tag-undo');
        const annotations = new AnnotationStore(base);
        const store = new TagTypeStore(base, annotations.history);
        const first = { types: await store.list(), rows: await rows.all(base) };
        let added = 0;
        for (const step of ops) {
          const types = await store.list();
          const ids = (picks: number[]) => picks.map((i) => types[i % types.length]?.id).filter((id): id is string => !!id);
          const all = await rows.all(base);
          if (step.kind === 'create') await annotations.create(brief, 100 + all.length * 50, 130 + all.length * 50, { tags: [...new Set(ids(step.tags))] });
          else if (step.kind === 'retag' && all.length) await annotations.update(all[step.which % all.length]!, { tags: [...new Set(ids(step.tags))] });
          else if (step.kind === 'add-type') await store.add(`Added ${++added}`, '#336699');
          else if (step.kind === 'delete-type' && types.length) await store.delete(types[step.which % types.length]!.id);
          else if (step.kind === 'undo') await annotations.undo();
          else if (step.kind === 'redo') await annotations.redo();
          const now = await store.list();
          const named = new Set(now.map((t) => t.id));
          for (const annotation of await rows.all(base)) expect(annotation.tags.filter((t) => !named.has(t))).toEqual([]);
          // One place each: keys 1–9 follow the order.
          expect(now.map((t) => t.order)).toEqual(now.map((_, i) => i));
        }
        while (await annotations.undo());
        // Adding a type is not a step: those added stay, and the first
        // types are back in their order among them, as they were.
        const withoutOrder = (types: TagType[]) => types.map(({ order: _, ...rest }) => rest);
        expect(withoutOrder((await store.list()).filter((t) => !t.name.startsWith('Added ')))).toEqual(withoutOrder(first.types));
        expect(await rows.all(base)).toEqual(first.rows);
      }),
      { numRuns: 40 },
    );
  });
});
