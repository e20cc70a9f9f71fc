import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actors/model';
import { describePassage } from '../anchoring/selectors';
import { type Annotation, type TagType, defaultTagTypes } from '../annotation/model';
import { type Link, type RelationType, defaultRelationTypes } from '../links/model';
import { statementKey } from '../links/validate';
import { exportSet } from './export';
import { planSetImport } from './import-plan';
import type { AnnotationSet } from './model';
import { parseSetFile } from './set-file';
import { corpus, documentEntries, emptySetLibrary, resolverOf } from './test-support/library';

const documents = [...corpus.values()];
const tagTypes: TagType[] = [...defaultTagTypes, { id: 'émigré-press', name: 'Émigré press', color: '#8e44ad', order: 3, namesActor: false }];
const relationTypes: RelationType[] = [...defaultRelationTypes, { id: 'translates', name: 'translates', inverse: 'translated by', color: '#000000', order: 6 }];
const at = (seconds: number) => new Date(Date.UTC(2020, 0, 1) + seconds * 1000).toISOString();
// What people type into names and notes: quotes, diacritics, Cyrillic, emoji, new lines.
const words = fc.string({ unit: fc.constantFrom('a', ' ', '"', '“', 'ë', 'ř', 'Ж', '\n', '🙂', '<', '&', '\\'), maxLength: 30 });

const actors: Actor[] = [
  { id: 'khrushchev', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'Хрущёв'], created: at(0), modified: at(5) },
  { id: 'hoxha', name: 'Enver Hoxha', aliases: ['Hoxha'], created: at(1), modified: at(1) },
  { id: 'mehilli', name: 'Elidor Mëhilli', aliases: [], created: at(2), modified: at(2) },
];
const resolveActor = resolverOf(actors);
const actorNames = ['Khrushchev', 'Хрущёв', 'Enver Hoxha', 'Hoxha', 'Elidor Mëhilli', 'Ri Song-un'];

/// A random library on the seed corpus: annotations on random passages,
/// links among them (none to itself, none saying what another says) and a
/// set of some of the annotations in a random order.
const library = fc
  .record({
    annotations: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        doc: fc.integer({ min: 0, max: documents.length - 1 }),
        at: fc.double({ min: 0, max: 0.99, noNaN: true }),
        length: fc.integer({ min: 1, max: 120 }),
        tags: fc.subarray(tagTypes.map((t) => t.id)),
        actor: fc.option(fc.constantFrom(...actorNames), { nil: null }),
        note: words,
        seconds: fc.integer({ min: 0, max: 1e8 }),
      }),
      { selector: (r) => r.id, minLength: 1, maxLength: 20 },
    ),
    links: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        relation: fc.constantFrom(...relationTypes.map((r) => r.id)),
        note: words,
        seconds: fc.integer({ min: 0, max: 1e8 }),
      }),
      { maxLength: 30 },
    ),
    members: fc.array(fc.nat(), { maxLength: 20 }),
    name: words.filter((w) => w.length > 0),
    description: words,
  })
  .map((r) => {
    const annotations = r.annotations.flatMap((a): Annotation[] => {
      const document = documents[a.doc]!;
      const text = document.text.text;
      let start = Math.floor(a.at * text.length);
      let end = Math.min(text.length, start + a.length);
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (start >= end) return [];
      return [
        {
          id: a.id,
          documentId: document.id,
          ...describePassage(text, start, end),
          tags: a.tags,
          actor: a.actor,
          note: a.note,
          created: at(a.seconds),
          modified: at(a.seconds + 60),
        },
      ];
    });
    const pick = (n: number) => annotations[n % Math.max(1, annotations.length)];
    const statements = new Set<string>();
    const links = r.links.flatMap((l, i): Link[] => {
      const [from, to] = [pick(l.from), pick(l.to)];
      if (!from || !to || from === to) return [];
      const link: Link = { id: `link-${i}`, from: from.id, to: to.id, relation: l.relation, note: l.note, created: at(l.seconds), modified: at(l.seconds) };
      const key = statementKey(link, relationTypes);
      if (statements.has(key)) return [];
      statements.add(key);
      return [link];
    });
    const annotationIds = [...new Set(r.members.flatMap((n) => (pick(n) ? [pick(n)!.id] : [])))];
    const set: AnnotationSet = { id: 'set', name: r.name, description: r.description, annotationIds, created: at(0), modified: at(1) };
    return { annotations, links, set };
  });

describe('a set exported, written, read and planned into an empty library', () => {
  it('reproduces the set, its annotations, the links among them, their actors, tag types and relation types', () => {
    fc.assert(
      fc.property(library, ({ annotations, links, set }) => {
        const byId = new Map(annotations.map((a) => [a.id, a]));
        const json = JSON.stringify(
          exportSet(set, { annotationsById: byId, links, tagTypes, relationTypes, resolveActor, documents: documentEntries, exported: new Date(at(2)) }),
        );
        const plan = planSetImport(parseSetFile(json), emptySetLibrary());

        // What the set should carry, worked out here from the library, not from the file.
        const members = new Set(set.annotationIds);
        const inSet = set.annotationIds.map((id) => byId.get(id)!);
        const closed = links.filter((l) => members.has(l.from) && members.has(l.to));
        const named = new Set(inSet.map((a) => (a.actor === null ? null : resolveActor(a.actor)?.id)));
        const usedTags = new Set(inSet.flatMap((a) => a.tags));
        const usedRelations = new Set(closed.map((l) => l.relation));
        const byIdOrder = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
        const withoutOrder = <T extends { order: number }>(items: readonly T[]) => items.map(({ order, ...rest }) => rest);

        expect(plan.set.add).toEqual([set]);
        expect(plan.annotations.add).toEqual(inSet);
        expect(byIdOrder(plan.links.add)).toEqual(byIdOrder(closed));
        expect(byIdOrder(plan.actors.add)).toEqual(byIdOrder(actors.filter((a) => named.has(a.id))));
        // Added types are numbered after the library's own (here none), keeping their order.
        expect(withoutOrder(plan.tagTypes.add)).toEqual(withoutOrder(tagTypes.filter((t) => usedTags.has(t.id))));
        expect(withoutOrder(plan.relationTypes.add)).toEqual(withoutOrder(relationTypes.filter((r) => usedRelations.has(r.id))));
        expect(plan.tagTypes.add.map((t) => t.order)).toEqual(plan.tagTypes.add.map((_, i) => i));
        for (const kind of ['set', 'annotations', 'links', 'actors', 'tagTypes', 'relationTypes'] as const) {
          expect(plan[kind].present).toEqual([]);
          expect(plan[kind].conflicts).toEqual([]);
        }
        expect(plan.documents.missing.map((d) => d.id)).toEqual([...new Set(inSet.map((a) => a.documentId))].sort());
      }),
      { numRuns: 80 },
    );
  });
});
