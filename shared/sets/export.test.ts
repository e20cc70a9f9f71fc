import { describe, expect, it } from 'vitest';
import { seedIds } from '../test-support/corpus';
import { exportSet } from './export';
import { parseSetFile } from './set-file';
import { annotationsById, context, set } from './test-support/library';
import { InvalidInput } from '../errors';

describe('exporting a set', () => {
  const file = exportSet(set, context);

  it('carries the set and its annotations in the set’s order, with citations', () => {
    expect(file).toMatchObject({ format: 'palimpsest.set', version: 1, exported: '2026-11-23T12:00:00.000Z', set });
    expect(file.annotations.map((a) => a.id)).toEqual(set.annotationIds);
    const overthrown = file.annotations[0]!;
    expect(overthrown.target.selector[0].exact).toBe('they believe Khrushchev will eventually be overthrown');
    expect(overthrown.citation).toContain('FO 371/151293');
    expect(overthrown.note).toBe('Tirana’s line in private Party meetings.');
  });

  it('takes only the links with both ends in the set, by their ends’ places in the set', () => {
    // The article's passage is not in the set: its link to the claim stays behind, as does the citing link from the brief.
    expect(file.links.map((l) => [l.from, l.relation, l.to])).toEqual([
      ['overthrown', 'elaborates', 'loss'],
      ['removal', 'supports', 'overthrown'],
    ]);
    expect(file.links[1]!.note).toBe('Five years later, he was.');
  });

  it('takes the actors the tagged names resolve to, once each, and no other', () => {
    expect(file.actors.map((a) => [a.id, a.name, a.aliases])).toEqual([
      ['khrushchev', 'Nikita Khrushchev', ['Khrushchev', 'N. S. Khrushchev']],
      ['ri-song-un', 'Ri Song-un', ['Li Songun']],
    ]);
    expect(file.annotations.find((a) => a.id === 'li')!.actor).toBe('Li Songun');
  });

  it('takes only the tag types, relation types and documents used', () => {
    expect(file.tagTypes.map((t) => t.name)).toEqual(['Actor', 'Claim', 'Economic measure']);
    expect(file.relationTypes.map((r) => [r.name, r.inverse])).toEqual([
      ['supports', 'supported by'],
      ['elaborates', 'elaborated by'],
    ]);
    expect(file.documents.map((d) => d.id)).toEqual([seedIds.albanianReport, seedIds.czechMemo, seedIds.foBrief]);
  });

  it('reads back as it was written', () => {
    expect(parseSetFile(JSON.stringify(file))).toEqual(file);
  });

  it('keeps a name that resolves to no actor on its annotation, with no actor for it', () => {
    const unknown = new Map(annotationsById).set('li', { ...annotationsById.get('li')!, actor: 'Ambassador Li' });
    const exported = exportSet(set, { ...context, annotationsById: unknown });
    expect(exported.actors.map((a) => a.id)).toEqual(['khrushchev']);
    expect(exported.annotations.find((a) => a.id === 'li')!.actor).toBe('Ambassador Li');
  });

  it('refuses, with a sentence, a set that holds what the library lacks', () => {
    expect(() => exportSet({ ...set, annotationIds: [...set.annotationIds, 'deleted'] }, context)).toThrow(
      new InvalidInput('$', 'The set “Khrushchev’s fall, foreseen” holds the annotation “deleted”, which is not in the library.'),
    );
    expect(() => exportSet({ ...set, annotationIds: ['li', 'li'] }, context)).toThrow(
      new InvalidInput('$', 'The set “Khrushchev’s fall, foreseen” lists the annotation “li” twice.'),
    );
    expect(() => exportSet(set, { ...context, tagTypes: context.tagTypes.filter((t) => t.id !== 'claim') })).toThrow(
      new InvalidInput('$', 'The set uses the tag type “claim”, which is not in the library.'),
    );
    expect(() => exportSet(set, { ...context, documents: new Map() })).toThrow(
      /is in the document “fo-brief-sino-soviet-relations-and-albania-1962”, which is not in the library\.$/,
    );
  });
});
