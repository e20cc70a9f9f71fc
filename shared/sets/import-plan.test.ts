import { describe, expect, it } from 'vitest';
import type { Actor } from '../actors/model';
import type { Annotation } from '../annotation/model';
import { defaultRelationTypes } from '../links/model';
import { seedIds } from '../test-support/corpus';
import { exportSet } from './export';
import { type SetImportLibrary, planSetImport } from './import-plan';
import type { AnnotationSet } from './model';
import { parseSetFile } from './set-file';
import { actors, annotations, context, emptySetLibrary, corpus, documentEntries, link, links, resolverOf, set, tagTypes } from './test-support/library';

const file = parseSetFile(JSON.stringify(exportSet(set, context)));

const emptyLibrary = emptySetLibrary();

// The library the set was exported from.
const home: SetImportLibrary = {
  sets: new Map([[set.id, set]]),
  annotations: new Map(annotations.map((a) => [a.id, a])),
  links: new Map(links.map((l) => [l.id, l])),
  actors: new Map(actors.map((a) => [a.id, a])),
  tagTypes,
  relationTypes: defaultRelationTypes,
  documents: corpus,
  resolveActor: resolverOf(actors),
};

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('planning a set import', () => {
  it('adds everything to an empty library, and says which documents it lacks', () => {
    const plan = planSetImport(file, emptyLibrary);
    expect(plan.set.add).toEqual([set]);
    expect(ids(plan.annotations.add)).toEqual(set.annotationIds);
    expect(ids(plan.links.add)).toEqual(['l-loss', 'l-removal']);
    expect(ids(plan.actors.add)).toEqual(['khrushchev', 'ri-song-un']);
    expect(plan.tagTypes.add.map((t) => [t.name, t.order])).toEqual([
      ['Actor', 0],
      ['Claim', 1],
      ['Economic measure', 2],
    ]);
    expect(plan.relationTypes.add.map((r) => [r.name, r.order])).toEqual([
      ['supports', 0],
      ['elaborates', 1],
    ]);
    expect(ids(plan.documents.missing)).toEqual([seedIds.albanianReport, seedIds.czechMemo, seedIds.foBrief]);
  });

  it('adds nothing to the library it came from: everything is already there', () => {
    const plan = planSetImport(file, home);
    for (const kind of ['set', 'annotations', 'links', 'actors', 'tagTypes', 'relationTypes'] as const) {
      expect(plan[kind].add, kind).toEqual([]);
      expect(plan[kind].conflicts, kind).toEqual([]);
    }
    expect(ids(plan.annotations.present)).toEqual(set.annotationIds);
    expect(plan.documents).toEqual({ missing: [], changed: [] });
    // Where the library's types stand in its own order is no difference.
    const reordered = planSetImport(file, { ...home, tagTypes: tagTypes.map((t) => ({ ...t, order: 9 - t.order })) });
    expect(reordered.tagTypes.conflicts).toEqual([]);
    expect(ids(reordered.tagTypes.present)).toEqual(['actor', 'claim', 'economic-measure']);
  });

  it('keeps the library’s version of what was changed on either side, naming the fields and the newer', () => {
    const edited = new Map(home.annotations).set('removal', {
      ...home.annotations.get('removal')!,
      note: 'Compare the Soviet record.',
      modified: '2026-12-01T08:00:00.000Z',
    });
    const renamed: AnnotationSet = { ...set, name: 'Khrushchev’s fall' };
    const plan = planSetImport(file, { ...home, annotations: edited, sets: new Map([[set.id, renamed]]) });
    expect(plan.annotations.add).toEqual([]);
    expect(plan.annotations.conflicts).toEqual([
      {
        kind: 'same id',
        path: '$.annotations[1]',
        file: home.annotations.get('removal'),
        library: edited.get('removal'),
        fields: ['note', 'modified'],
        newer: 'library',
      },
    ]);
    expect(plan.annotations.present).toHaveLength(4);
    expect(plan.set.conflicts.map((c) => [c.path, c.fields, c.newer])).toEqual([['$.set', ['name'], null]]);
  });

  it('takes a tag or relation type the library has under another id by its name, and its annotations and links with it', () => {
    const library: SetImportLibrary = {
      ...emptyLibrary,
      tagTypes: [{ id: 'assertion', name: 'CLAIM', color: '#000000', order: 0, namesActor: false }],
      relationTypes: [{ id: 'backs', name: 'Supports', inverse: 'backed by', color: '#000000', order: 0 }],
    };
    const plan = planSetImport(file, library);
    expect(plan.tagTypes.conflicts.map((c) => [c.kind, c.file.id, c.library.id])).toEqual([['duplicate', 'claim', 'assertion']]);
    expect(plan.tagTypes.add.map((t) => [t.id, t.order])).toEqual([
      ['actor', 1],
      ['economic-measure', 2],
    ]);
    expect(plan.annotations.add.find((a) => a.id === 'removal')!.tags).toEqual(['assertion', 'economic-measure']);
    expect(plan.links.add.find((l) => l.id === 'l-removal')!.relation).toBe('backs');
    expect(ids(plan.relationTypes.add)).toEqual(['elaborates']);
  });

  it('does not add an actor the library already knows by a name, nor a link the library already has under another id', () => {
    const khrushchev: Actor = {
      id: 'k-1',
      name: 'Khrushchev, N. S.',
      aliases: ['N. S. Khrushchev'],
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
    };
    const same = link('mine', 'removal', 'overthrown', 'supports');
    const plan = planSetImport(file, {
      ...home,
      actors: new Map([[khrushchev.id, khrushchev]]),
      resolveActor: resolverOf([khrushchev]),
      links: new Map([[same.id, same]]),
    });
    expect(plan.actors.conflicts.map((c) => [c.kind, c.file.id, c.library.id, c.fields])).toEqual([['duplicate', 'khrushchev', 'k-1', ['aliases']]]);
    expect(ids(plan.actors.add)).toEqual(['ri-song-un']);
    expect(plan.links.conflicts.map((c) => [c.kind, c.path, c.library.id])).toEqual([['duplicate', '$.links[1]', 'mine']]);
    expect(ids(plan.links.add)).toEqual(['l-loss']);
  });

  it('says which documents have another text in this library', () => {
    const documents = new Map([...documentEntries].map(([id, d]) => [id, id === seedIds.czechMemo ? { fingerprint: 'another transcription' } : d]));
    expect(ids(planSetImport(file, { ...home, documents }).documents.changed)).toEqual([seedIds.czechMemo]);
  });

  it('reads a reordered library object as the same content', () => {
    const reordered = new Map<string, Annotation>(
      annotations.map((a) => [
        a.id,
        {
          modified: a.modified,
          created: a.created,
          note: a.note,
          actor: a.actor,
          tags: a.tags,
          position: { end: a.position.end, start: a.position.start, type: a.position.type },
          quote: { suffix: a.quote.suffix, prefix: a.quote.prefix, exact: a.quote.exact, type: a.quote.type },
          documentId: a.documentId,
          id: a.id,
        },
      ]),
    );
    expect(planSetImport(file, { ...home, annotations: reordered }).annotations.conflicts).toEqual([]);
  });
});
