import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, similarity } from './similarity';

/// The textbook full-matrix Levenshtein distance, to check the fast one by.
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('agrees with the full-matrix distance, on strings sharing a beginning and an end too', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'ë', ' ', 'Ж'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, word, word, (head, x, y, tail) => {
        expect(editDistance(head + x + tail, head + y + tail)).toBe(reference(head + x + tail, head + y + tail));
        expect(editDistance(x, y)).toBe(reference(x, y));
      }),
    );
  });

  it('counts a corrected typo and an inserted word in a long quote', () => {
    const quote = "Unpredictable through Khrushchev's behaviour often is, it seems unlikely at the moment";
    expect(editDistance(quote, quote.replace('through', 'though'))).toBe(1);
    expect(editDistance(quote, quote.replace('often', 'often [sic]'))).toBe(6);
    expect(similarity(quote, quote)).toBe(1);
  });
});
