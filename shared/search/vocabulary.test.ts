import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary';

function vocabularyOf(...terms: string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const term of terms) vocabulary.add(term);
  return vocabulary;
}

/// The words with `prefix`, in the order of their numbers.
function withPrefix(vocabulary: Vocabulary, prefix: string): string[] {
  return [...vocabulary.withPrefix(prefix)].map((id) => vocabulary.term(id));
}

describe('Vocabulary', () => {
  it('gives each word one number, the same on every sighting', () => {
    const vocabulary = new Vocabulary();
    const soviet = vocabulary.add('soviet');
    expect(vocabulary.add('albania')).not.toBe(soviet);
    expect(vocabulary.add('soviet')).toBe(soviet);
    expect(vocabulary.find('soviet')).toBe(soviet);
    expect(vocabulary.term(soviet)).toBe('soviet');
    expect(vocabulary.size).toBe(2);
  });

  it('answers -1 for a word no text held', () => {
    expect(vocabularyOf('soviet').find('sov')).toBe(-1);
  });

  it('finds every word with a prefix, in increasing number, and only those', () => {
    const vocabulary = vocabularyOf('soviet', 'sino', 'sovereign', 'albania', 'so', 'sovkhoz', 'sp');
    expect(withPrefix(vocabulary, 'sov')).toEqual(['soviet', 'sovereign', 'sovkhoz']);
    expect(withPrefix(vocabulary, 'so')).toEqual(['soviet', 'sovereign', 'so', 'sovkhoz']);
    expect(withPrefix(vocabulary, 'x')).toEqual([]);
    expect(withPrefix(vocabulary, 'sovietization')).toEqual([]);
  });

  it('finds words added after a prefix query by the next one', () => {
    const vocabulary = vocabularyOf('soviet', 'albania');
    expect(withPrefix(vocabulary, 'sov')).toEqual(['soviet']);
    vocabulary.add('sovnarkom');
    vocabulary.add('alb');
    vocabulary.add('sov');
    expect(withPrefix(vocabulary, 'sov')).toEqual(['soviet', 'sovnarkom', 'sov']);
    expect(withPrefix(vocabulary, 'alb')).toEqual(['albania', 'alb']);
  });

  it('finds prefixes of words outside ASCII', () => {
    const vocabulary = vocabularyOf('хрущев', 'хрущевка', 'хорошо', 'carcani');
    expect(withPrefix(vocabulary, 'хрущ')).toEqual(['хрущев', 'хрущевка']);
  });

  it('refuses an empty prefix, which would match every word', () => {
    expect(() => vocabularyOf('soviet').withPrefix('')).toThrow(RangeError);
    expect(() => vocabularyOf('soviet').hasPrefix('')).toThrow(RangeError);
  });

  // A query's prefix is known to match before its words are listed (a
  // ranking by a short prefix never lists them): both must agree, words
  // added since the last query included.
  it('tells whether a prefix has words as listing them would', () => {
    const vocabulary = vocabularyOf('soviet', 'sino', 'хрущев', 'so');
    const prefixes = ['s', 'so', 'sov', 'soviets', 'sinology', 'sp', 'x', 'хру', 'хо', 'a'];
    const agree = () => {
      for (const prefix of prefixes) expect(vocabulary.hasPrefix(prefix), prefix).toBe(withPrefix(vocabulary, prefix).length > 0);
    };
    agree();
    expect(vocabulary.hasPrefix('x')).toBe(false);
    vocabulary.add('xoxe');
    vocabulary.add('хорошо');
    expect(vocabulary.hasPrefix('x')).toBe(true);
    expect(vocabulary.hasPrefix('хо')).toBe(true);
    agree();
  });

  it('refuses a number it never gave', () => {
    expect(() => vocabularyOf('soviet').term(1)).toThrow(RangeError);
    expect(() => vocabularyOf('soviet').term(-1)).toThrow(RangeError);
  });
});
