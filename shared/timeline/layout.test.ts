import { describe, expect, it } from 'vitest';
import { ActorIndex } from '../actors/actor-index';
import type { Actor } from '../actors/model';
import { loadCorpus, seedIds } from '../test-support/corpus';
import { layoutTimeline, timelineDocument } from './layout';

const corpus = loadCorpus();
const documents = [...corpus.values()].map(timelineDocument);
const t0 = '2026-11-01T10:00:00.000Z';
const actors = new ActorIndex([
  { id: 'a1', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'N. Khrushchev'], created: t0, modified: t0 },
  { id: 'a2', name: 'Enver Hoxha', aliases: ['Hoxha'], created: t0, modified: t0 } satisfies Actor,
]);
const annotations = [
  { documentId: seedIds.foBrief, tags: ['actor'], actor: 'Khrushchev' },
  { documentId: seedIds.foBrief, tags: ['actor', 'claim'], actor: 'Khrushchev' },
  { documentId: seedIds.foBrief, tags: ['economic-measure'], actor: null },
  { documentId: seedIds.albanianReport, tags: ['actor'], actor: 'N. Khrushchev' },
  { documentId: seedIds.article, tags: ['actor'], actor: 'Enver Hoxha' },
  { documentId: seedIds.article, tags: ['claim'], actor: null },
  { documentId: seedIds.listing, tags: ['actor'], actor: 'hoxha' },
];

describe('layoutTimeline on the seed corpus', () => {
  const layout = layoutTimeline({ documents, annotations });
  const item = (key: string) => layout.items.find((i) => i.key === key)!;

  it('runs from the listing’s earliest entry in 1956 to the 2019 article, ticked by decade', () => {
    expect(layout.axis).toMatchObject({ start: 1956, end: 2020 });
    expect(layout.axis!.ticks.map((t) => t.label)).toEqual(['1960', '1970', '1980', '1990', '2000', '2010', '2020']);
  });

  it('draws each dated document, and each entry of the search listing apart, at its date', () => {
    expect(layout.items).toHaveLength(5 + 9);
    expect(layout.undated).toEqual([]);
    const brief = item(seedIds.foBrief);
    expect(brief).toMatchObject({ shape: 'point', entry: null, annotationCount: 3 });
    expect(brief.start).toBeCloseTo((1962 + 18 / 365 - 1956) / 64, 9);
    expect(brief.end).toBe(brief.start);
    // The article is dated by its year alone: drawn over all of 2019, to the axis' end.
    expect(item(seedIds.article)).toMatchObject({ shape: 'span', start: 63 / 64, end: 1, annotationCount: 2 });
    // The listing spans its entries, 26 December 1956 to 26 June 1964.
    const listing = item(seedIds.listing);
    expect(listing).toMatchObject({ shape: 'span', annotationCount: 1, title: 'Archive search results: 9 documents' });
    expect(listing.start).toBeLessThan(1 / 64);
    expect(listing.end).toBeCloseTo((1964 + 178 / 366 - 1956) / 64, 9);
    const entries = layout.items.filter((i) => i.documentId === seedIds.listing && i.entry !== null);
    expect(entries).toHaveLength(9);
    expect(entries.every((e) => e.annotationCount === null)).toBe(true);
    // "April 1957" is drawn over the month; "June 7, 1960" is a day.
    const april = entries.filter((e) => e.shape === 'span');
    expect(april.map((e) => e.title)).toEqual([
      'Handwritten Notes from Khrushchev’s Talks with the Albanian Delegation',
      'Khrushchev’s Speech at the Lunch Organized in Honor of the Albanian Government and Party Delegation, Moscow',
    ]);
    expect(april[0]!.end - april[0]!.start).toBeCloseTo(30 / 365 / 64, 9);
  });

  it('stacks items that meet in lanes, never two that overlap in one, listed by start', () => {
    const { items, laneCount } = layout;
    // Each item takes at least the default least width, 1% of the axis.
    const reach = (i: { start: number; end: number }) => Math.max(i.end, i.start + 0.01);
    for (const a of items) {
      expect(a.lane).toBeLessThan(laneCount);
      for (const b of items) if (a !== b && a.lane === b.lane) expect(a.start > reach(b) || b.start > reach(a)).toBe(true);
    }
    // Both entries dated April 1957 cover the same month.
    expect(item(`${seedIds.listing}#1`).lane).not.toBe(item(`${seedIds.listing}#2`).lane);
    expect(items.map((i) => i.start)).toEqual([...items.map((i) => i.start)].sort((a, b) => a - b));
  });

  it('counts only the annotations the filter keeps', () => {
    const claims = layoutTimeline({ documents, annotations, filter: { tagTypeIds: ['claim', 'economic-measure'] } });
    const count = (key: string) => claims.items.find((i) => i.key === key)!.annotationCount;
    expect([count(seedIds.foBrief), count(seedIds.article), count(seedIds.listing), count(seedIds.albanianReport)]).toEqual([2, 1, 0, 0]);
    const khrushchev = layoutTimeline({ documents, annotations, filter: { actorId: 'a1', tagTypeIds: ['actor'] }, actors });
    expect(khrushchev.items.filter((i) => i.annotationCount).map((i) => [i.documentId, i.annotationCount])).toEqual([
      [seedIds.foBrief, 2],
      [seedIds.albanianReport, 1],
    ]);
  });

  it('leaves out documents the filter finds nothing in when asked, rescaling the axis', () => {
    const hoxha = layoutTimeline({ documents, annotations, filter: { actorId: 'a2', hideEmpty: true }, actors });
    expect(hoxha.items.filter((i) => i.entry === null).map((i) => i.documentId)).toEqual([seedIds.listing, seedIds.article]);
    expect(hoxha.items).toHaveLength(2 + 9);
    const khrushchev = layoutTimeline({ documents, annotations, filter: { actorId: 'a1', hideEmpty: true }, actors });
    expect(khrushchev.axis).toMatchObject({ start: 1962, end: 1968 });
    expect(khrushchev.items.map((i) => i.documentId)).toEqual([seedIds.foBrief, seedIds.albanianReport]);
  });

  it('lists undated documents apart, with their counts', () => {
    const notes = { id: 'research-notes', title: 'My notes on the Moscow meeting', date: null };
    const layout2 = layoutTimeline({
      documents: [...documents, notes],
      annotations: [...annotations, { documentId: 'research-notes', tags: ['claim'], actor: null }],
    });
    expect(layout2.undated).toEqual([{ documentId: 'research-notes', title: 'My notes on the Moscow meeting', annotationCount: 1 }]);
    expect(layout2.items).toHaveLength(14);
  });

  it('has no axis when nothing is dated', () => {
    expect(layoutTimeline({ documents: [{ id: 'x', title: 'Undated', date: null }], annotations: [] })).toMatchObject({ axis: null, items: [], laneCount: 0 });
  });

  it('refuses an actor filter without the actors to resolve names by', () => {
    expect(() => layoutTimeline({ documents, annotations, filter: { actorId: 'a1' } })).toThrow(
      'Filtering the timeline by actor needs the actors to resolve tagged names by.',
    );
  });
});
