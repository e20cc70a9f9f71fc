import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexWithin, occurrencesWithin } from './occurrences';

/// Every start of `needle` in `text` whose whole occurrence lies in `range`,
/// by comparing at each place.
function reference(text: string, needle: string, [from, to]: [number, number]): number[] {
  const starts: number[] = [];
  for (let at = Math.max(0, from); at + needle.length <= Math.min(text.length, to); at++) if (text.startsWith(needle, at)) starts.push(at);
  return starts;
}

describe('occurrencesWithin', () => {
  const text = 'the Party and the people: the Party decides';

  it('finds only the occurrences wholly inside the range', () => {
    expect(occurrencesWithin(text, 'the', [0, text.length])).toEqual([0, 14, 26]);
    // "the" at 14 ends at 17: a range ending at 16 cuts it.
    expect(occurrencesWithin(text, 'the', [1, 16])).toEqual([]);
    expect(occurrencesWithin(text, 'the', [1, 17])).toEqual([14]);
  });

  it('takes ranges running off either end of the text', () => {
    expect(occurrencesWithin(text, 'Party', [-50, 10])).toEqual([4]);
    expect(occurrencesWithin(text, 'decides', [30, 10_000])).toEqual([36]);
  });

  it('refuses an empty needle, which occurs everywhere', () => {
    expect(() => occurrencesWithin(text, '', [0, 5])).toThrow(RangeError);
  });

  it('agrees with a comparison at every place, overlapping occurrences too', () => {
    const chars = fc.string({ unit: fc.constantFrom('a', 'b', 'ë'), maxLength: 30 });
    fc.assert(
      fc.property(
        chars,
        fc.string({ unit: fc.constantFrom('a', 'b', 'ë'), minLength: 1, maxLength: 3 }),
        fc.integer({ min: -5, max: 35 }),
        fc.integer({ min: -5, max: 35 }),
        (t, needle, a, b) => {
          const range: [number, number] = [a, b];
          const want = reference(t, needle, range);
          expect(occurrencesWithin(t, needle, range)).toEqual(want);
          expect(indexWithin(t, needle, range)).toBe(want[0] ?? -1);
        },
      ),
    );
  });
});
