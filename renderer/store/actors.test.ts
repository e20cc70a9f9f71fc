import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { ActorStore } from './actors';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const article = seed(corpus, seedIds.article);
const listing = seed(corpus, seedIds.listing);

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('actors');
});
afterEach(dropDbs);

async function tag(store: AnnotationStore, document: typeof brief, name: string) {
  const at = document.text.text.indexOf('Khrushchev');
  return store.create(document, at, at + 'Khrushchev'.length, { tags: ['actor'], actor: name });
}

describe('ActorStore', () => {
  it('finds the passages of every spelling that resolves to an actor, across documents, and keeps them through a rename and a merge', async () => {
    const annotations = new AnnotationStore(db);
    const inBrief = await tag(annotations, brief, 'N. S. Khrushchev');
    const inArticle = await tag(annotations, article, 'Khrushchev');
    const inListing = await tag(annotations, listing, 'nikita  khrushchev');
    const actors = new ActorStore(db);
    const khrushchev = await actors.create('Khrushchev', ['N.S. Khrushchev']);
    const ids = async (id: string) => (await actors.passagesOf(id)).map((a) => a.id).sort();
    expect(await ids(khrushchev.id)).toEqual([inBrief.id, inArticle.id].sort());

    // Another actor made for the full name, then merged: all three are his.
    const nikita = await actors.create('Nikita Khrushchev');
    await expect(actors.addAlias(nikita.id, 'khrushchev')).rejects.toThrow('already names the actor Khrushchev');
    const merged = await actors.merge(khrushchev.id, nikita.id);
    expect(await ids(merged.id)).toEqual([inBrief.id, inArticle.id, inListing.id].sort());
    expect(await db.actors.get(nikita.id)).toBeUndefined();

    // Renamed to the full name: the old name stays an alias.
    const renamed = await actors.rename(merged.id, 'Nikita Sergeyevich Khrushchev');
    expect(renamed.aliases).toContain('Khrushchev');
    expect(await ids(renamed.id)).toHaveLength(3);
  });

  it('undoes a merge with Ctrl+Z’s step, leaving the annotation edited before it as it is', async () => {
    const annotations = new AnnotationStore(db);
    const actors = new ActorStore(db, annotations.history);
    const passage = await tag(annotations, brief, 'Khrushchev');
    await annotations.update(passage, { note: 'the motive, in the brief’s words' });
    const khrushchev = await actors.create('Khrushchev');
    const nikita = await actors.create('Nikita Khrushchev', ['N. S. Khrushchev']);
    await actors.merge(khrushchev.id, nikita.id);

    expect((await annotations.undo())?.label).toBe('Merge actors');
    expect((await db.actors.get(khrushchev.id))?.aliases).toEqual([]);
    expect((await db.actors.get(nikita.id))?.aliases).toEqual(['N. S. Khrushchev']);
    expect((await annotations.getMany([passage]))[0]?.note).toBe('the motive, in the brief’s words');

    expect((await annotations.redo())?.label).toBe('Merge actors');
    expect(await db.actors.get(nikita.id)).toBeUndefined();
    expect((await db.actors.get(khrushchev.id))?.aliases).toContain('N. S. Khrushchev');
  });
});
