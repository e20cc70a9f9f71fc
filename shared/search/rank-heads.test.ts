import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptFrom } from './document-index';
import { SearchIndex } from './search-index';

// A phrase of two words is ranked from the head of its pair's list when
// the documents there stand it at least `keptFrom` times (see
// Postings.topPair). Documents either side of that count: the pair kept
// because both words are common (32 times or more) whatever its count,
// or only where it stands often, or not at all, with ids in any order.

// A text where "soviet leaders" stands `phrase` times, and each word on its
// own `soviet` and `leaders` more times (never side by side).
function text(phrase: number, soviet: number, leaders: number): string {
  return `${'The Soviet leaders met. '.repeat(phrase)}${'Soviet wheat. '.repeat(soviet)}${'Their leaders spoke. '.repeat(leaders)}`;
}

const shape = fc.tuple(fc.integer({ min: 0, max: keptFrom + 4 }), fc.constantFrom(0, 40), fc.constantFrom(0, 40));

describe('ranked ids from the head of a pair list', () => {
  it('ranks a phrase as an index that keeps no pair for its count', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(60), shape), { minLength: 1, maxLength: 14, selector: ([id]) => id }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (documents, limit, pick) => {
          const heads = new SearchIndex();
          const twin = new SearchIndex({ pairsFrom: Number.POSITIVE_INFINITY });
          const both = (change: (index: SearchIndex) => void) => [heads, twin].forEach(change);
          for (const [id, [phrase, soviet, leaders]] of documents) both((index) => index.add(`d${id}`, text(phrase, soviet, leaders)));
          expect(heads.rank('"soviet leaders"', limit)).toEqual(twin.rank('"soviet leaders"', limit));
          // A revision appends the document again, a removal leaves its
          // entry on the list until a rebuild: both passed over in order.
          const [id] = documents[pick % documents.length]!;
          both((index) => index.add(`d${id}`, text(keptFrom + (pick % 3), 40, 40)));
          if (documents.length > 1) both((index) => index.remove(`d${documents[(pick + 1) % documents.length]![0]}`));
          expect(heads.rank('"soviet leaders"', limit)).toEqual(twin.rank('"soviet leaders"', limit));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('puts a document holding the phrase as often, but not kept, before a later id', () => {
    const index = new SearchIndex();
    // "b" keeps the pair (both words common) at one below the cut-off; "a"
    // stands it as often in rarer words and keeps nothing: the tie goes by id.
    index.add('b', text(keptFrom - 1, 40, 40));
    index.add('a', text(keptFrom - 1, 0, 0));
    index.add('c', text(keptFrom + 2, 0, 0));
    expect(index.rank('"soviet leaders"', 1)).toEqual(['c']);
    expect(index.rank('"soviet leaders"', 2)).toEqual(['c', 'a']);
    expect(index.rank('"soviet leaders"', 3)).toEqual(['c', 'a', 'b']);
  });
});
