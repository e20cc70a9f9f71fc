import { describe, expect, it } from 'vitest';
import { annotationOn } from '../test-support/annotations';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { type Review, readerPlaces } from './placed';

const brief = seed(loadCorpus(), seedIds.foBrief);
const text = brief.text.text;
const there = annotationOn(brief, 'there', '£843,947');
// Made for an earlier version: its offsets now hold other words.
const elsewhere = { ...annotationOn(brief, 'elsewhere', 'Khrushchev'), quote: { ...there.quote, exact: '/their' } };
const review = (annotationId: string, status: Review['status']): Review => ({
  annotationId,
  documentId: brief.id,
  revision: 1,
  status,
  oldQuote: 'as it was',
  newText: status === 'orphaned' ? null : 'as it is',
});

describe('what the reader draws and lists to review', () => {
  it('lists, and does not draw, an annotation whose place holds other words, though no review names it', () => {
    const { drawn, reviews } = readerPlaces(text, [there, elsewhere], []);
    expect(drawn.map((a) => a.id)).toEqual(['there']);
    expect(reviews).toEqual([{ annotationId: 'elsewhere', documentId: brief.id, revision: 0, status: 'orphaned', oldQuote: '/their', newText: null }]);
  });

  it('draws an orphan whose words are back in its place, and takes it off the list', () => {
    const { drawn, reviews } = readerPlaces(text, [there], [review('there', 'orphaned')]);
    expect(drawn.map((a) => a.id)).toEqual(['there']);
    expect(reviews).toEqual([]);
  });

  it('keeps a changed passage’s entry, and lists one that lost its place as not found', () => {
    const { drawn, reviews } = readerPlaces(text, [there, elsewhere], [review('there', 'fuzzy'), review('elsewhere', 'moved')]);
    expect(drawn.map((a) => a.id)).toEqual(['there']);
    expect(reviews.map((r) => [r.annotationId, r.status, r.oldQuote, r.newText])).toEqual([
      ['there', 'fuzzy', 'as it was', 'as it is'],
      ['elsewhere', 'orphaned', 'as it was', null],
    ]);
  });

  it('draws no annotation past the end of a shorter text', () => {
    const end = { ...there, position: { ...there.position, start: text.length - 2, end: text.length + 6 } };
    expect(readerPlaces(text, [end], []).drawn).toEqual([]);
  });
});
