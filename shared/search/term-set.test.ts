import { describe, expect, it } from 'vitest';
import { TermSet } from './term-set';
import { Vocabulary } from './vocabulary';

const vocabulary = new Vocabulary();
const [soviet, sino, sovereign, albania] = ['soviet', 'sino', 'sovereign', 'albania'].map((t) => vocabulary.add(t)) as [number, number, number, number];

describe('TermSet', () => {
  it('accepts exactly one word', () => {
    const set = TermSet.exact('soviet', vocabulary);
    expect(set.has(soviet)).toBe(true);
    expect(set.has(sovereign)).toBe(false);
    expect(set.empty).toBe(false);
  });

  it('is empty for a word no text held, and accepts nothing', () => {
    const set = TermSet.exact('tirana', vocabulary);
    expect(set.empty).toBe(true);
    for (const id of [soviet, sino, sovereign, albania]) expect(set.has(id)).toBe(false);
  });

  it('accepts every word with a prefix, and no other', () => {
    const set = TermSet.prefix('sov', vocabulary);
    expect([soviet, sino, sovereign, albania].map((id) => set.has(id))).toEqual([true, false, true, false]);
    expect([...set.ids]).toEqual([soviet, sovereign]);
  });

  it('tells whether two sets share a word', () => {
    expect(TermSet.prefix('sov', vocabulary).intersects(TermSet.exact('sovereign', vocabulary))).toBe(true);
    expect(TermSet.prefix('sov', vocabulary).intersects(TermSet.prefix('s', vocabulary))).toBe(true);
    expect(TermSet.prefix('sov', vocabulary).intersects(TermSet.exact('sino', vocabulary))).toBe(false);
    expect(TermSet.exact('tirana', vocabulary).intersects(TermSet.prefix('s', vocabulary))).toBe(false);
  });
});
