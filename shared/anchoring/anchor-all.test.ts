import { describe, expect, it } from 'vitest';
import { scaledDocument } from '../test-support/synthetic';
import { anchorPassage } from './anchor';
import { anchorAll } from './anchor-all';
import { FuzzyBudget } from './budget';
import { describePassage } from './selectors';

describe('anchorAll', () => {
  it('follows a large shift through a long document, so a changed passage far down is still found close to where it must be', () => {
    const text = scaledDocument(700_000).text.text;
    const passages = [5_000, 100_000, 200_000, 300_000, 400_000, 500_000].map((at) => {
      const start = text.indexOf(' ', at) + 1;
      return describePassage(text, start, start + 60);
    });
    const last = passages.at(-1)!;
    // A preface of 30,000 characters, and a typo corrected in the last passage.
    const target = last.quote.exact;
    const corrected = `${target.slice(0, 20)}X${target.slice(21)}`;
    const revised = `${'A new preface. '.repeat(2000)}${text.slice(0, last.position.start)}${corrected}${text.slice(last.position.end)}`;
    const anchors = anchorAll(revised, passages);
    const shift = 30_000;
    anchors.forEach((anchor, i) => expect(anchor && anchor.start, `passage ${i}`).toBe(passages[i]!.position.start + shift));
    expect(anchors.at(-1)!.method).toBe('fuzzy');
    // Alone, without the shift the others show, the fuzzy search looks too close to the old place.
    expect(anchorPassage(revised, last.quote, last.position)).toBeNull();
  });

  it('keeps the input order in its results', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    const items = [describePassage(text, 31, 35), describePassage(text, 0, 5)];
    expect(anchorAll(text, items).map((a) => a && text.slice(a.start, a.end))).toEqual(['zeta', 'alpha']);
  });

  it('stops approximate searches of the whole text at the budget, and names the passages it left unsearched', () => {
    const text = scaledDocument(20_000).text.text;
    // A typo in each: found only approximately; no position to search near.
    const items = [1_000, 5_000, 9_000, 13_000].map((at) => {
      const start = text.indexOf(' ', at) + 1;
      const exact = text.slice(start, start + 60);
      return { quote: { type: 'TextQuoteSelector' as const, exact: `${exact.slice(0, 30)}#${exact.slice(31)}`, prefix: '', suffix: '' } };
    });
    const budget = new FuzzyBudget(2 * text.length);
    const unsearched = new Set<number>();
    const anchors = anchorAll(text, items, undefined, { budget, unsearched });
    expect(anchors.map((a) => a?.method ?? null)).toEqual(['fuzzy', 'fuzzy', null, null]);
    expect(budget.searches).toBe(2);
    expect([...unsearched]).toEqual([2, 3]);
    // Without limits, all four are found.
    expect(anchorAll(text, items).every((a) => a?.method === 'fuzzy')).toBe(true);
  });
});
