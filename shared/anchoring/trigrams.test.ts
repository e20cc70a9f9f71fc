import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { normalizeSnippet } from '../text/typography';
import { AnchorText } from './anchor';
import { matchFuzzy } from './fuzzy';
import { mayMatchApproximately } from './trigrams';

const corpus = loadCorpus();
// A quote with no context.
const bare = (exact: string) => ({ exact, prefix: '', suffix: '' });

describe('the check before an approximate search of a whole text', () => {
  it('never rules out a text in which the approximate search finds the quote', () => {
    // Small alphabets, so near-copies and shared letter runs are common.
    const word = fc.stringMatching(/^[abcé’ ]{0,12}$/);
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom('a', 'b', 'x', ' '));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 5, max: 60 }),
        fc.array(edit, { maxLength: 12 }),
        (words, at, length, edits) => {
          const text = words.join(' x ');
          const start = at % Math.max(1, text.length);
          let quote = text.slice(start, start + length);
          for (const [where, kind, c] of edits) {
            const i = where % (quote.length + 1);
            quote =
              kind === 'delete'
                ? quote.slice(0, i) + quote.slice(i + 1)
                : kind === 'insert'
                  ? quote.slice(0, i) + c + quote.slice(i)
                  : quote.slice(0, i) + c + quote.slice(i + 1);
          }
          const target = new AnchorText(text);
          const folded = normalizeSnippet(quote);
          if (!folded) return;
          if (matchFuzzy(target.normalized.text, bare(folded)) !== null) expect(mayMatchApproximately(target.foldedTrigrams, folded)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lets through the worst case the search still finds: each allowed edit spoiling three letter runs', () => {
    const text = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    // 40 characters allow 8 edits; here 8, far enough apart to spoil 24 of
    // the 38 runs, leaving exactly the 14 that a match needs.
    const quote = [...text.slice(0, 40)].map((c, i) => (i % 5 === 2 ? '#' : c)).join('');
    expect(matchFuzzy(text, bare(quote))).toEqual({ start: 0, end: 40 });
    expect(mayMatchApproximately(new AnchorText(text).foldedTrigrams, quote)).toBe(true);
    // One edit more, and no match is possible: ruled out without a search.
    const more = `${quote.slice(0, 5)}#${quote.slice(6)}`;
    expect(matchFuzzy(text, bare(more))).toBeNull();
    expect(mayMatchApproximately(new AnchorText(text).foldedTrigrams, more)).toBe(false);
  });

  it('rules out a text that shares too few letter runs with the quote', () => {
    const target = new AnchorText(seed(corpus, seedIds.foBrief).text.text);
    expect(mayMatchApproximately(target.foldedTrigrams, normalizeSnippet('Албания может перейти на другую сторону'))).toBe(false);
    expect(mayMatchApproximately(target.foldedTrigrams, normalizeSnippet('the Soviet Union and Albania'))).toBe(true);
  });
});
