import { describe, expect, it } from 'vitest';
import { describePassage } from '../anchoring/selectors';
import type { Annotation } from '../annotation/model';
import { loadCorpus, seedIds } from '../test-support/corpus';
import { ActorIndex } from './actor-index';
import type { Actor } from './model';
import { actorPassages } from './passages';

const corpus = loadCorpus();
const t0 = '2026-11-01T10:00:00.000Z';
const khrushchev: Actor = { id: 'a1', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'N. Khrushchev'], created: t0, modified: t0 };
const hoxha: Actor = { id: 'a2', name: 'Enver Hoxha', aliases: ['Hoxha'], created: t0, modified: t0 };
const index = new ActorIndex([khrushchev, hoxha]);

/// An Actor annotation on every occurrence of `pattern` in every seed, tagged with the name as written.
function tagEvery(pattern: RegExp): Annotation[] {
  const annotations: Annotation[] = [];
  for (const document of corpus.values()) {
    for (const match of document.text.text.matchAll(pattern)) {
      const { quote, position } = describePassage(document.text.text, match.index, match.index + match[0].length);
      annotations.push({
        id: `${document.id}@${match.index}`,
        documentId: document.id,
        quote,
        position,
        tags: ['actor'],
        actor: match[0],
        note: '',
        created: t0,
        modified: t0,
      });
    }
  }
  return annotations;
}

describe('actorPassages', () => {
  const annotations = [...tagEvery(/\b(?:N\. )?Khrushchev\b(?!’|')/g), ...tagEvery(/\b(?:Enver )?Hoxha\b/g)].reverse();

  it('reads the actor’s passages in the order of their documents’ dates, each document’s in text order', () => {
    const passages = actorPassages('a1', annotations, corpus, index);
    const documents = [...new Set(passages.map((p) => p.annotation.documentId))];
    // The listing opens with its earliest entry (26 December 1956), then the
    // brief of 19 January 1962, the report of 1967 and the 2019 article.
    expect(documents).toEqual([seedIds.listing, seedIds.foBrief, seedIds.albanianReport, seedIds.article]);
    for (const id of documents) {
      const starts = passages.filter((p) => p.annotation.documentId === id).map((p) => p.annotation.position.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(passages.every((p) => index.resolve(p.annotation.actor)?.id === 'a1')).toBe(true);
    expect(passages.map((p) => p.annotation.actor)).toContain('N. Khrushchev');
    expect(passages).toHaveLength(annotations.filter((a) => /Khrushchev/.test(a.actor!)).length);
  });

  it('puts passages of documents without a date, or missing from the library, last', () => {
    const stray: Annotation = { ...annotations[0]!, id: 'stray', documentId: 'a-document-since-deleted', actor: 'Khrushchev' };
    const first: Annotation = { ...stray, id: 'listing-0', documentId: seedIds.listing, position: { type: 'TextPositionSelector', start: 0, end: 5 } };
    const passages = actorPassages('a1', [stray, ...annotations, first], corpus, index);
    expect(passages[0]!.annotation.id).toBe('listing-0');
    expect(passages.at(-1)).toEqual({ annotation: stray, date: null });
  });

  it('finds nothing for an actor no passage names', () => {
    expect(actorPassages('nobody', annotations, corpus, index)).toEqual([]);
  });
});
