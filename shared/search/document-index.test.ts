import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClauseMatcher } from './clause-match';
import { DocumentIndex } from './document-index';
import { forEachToken } from './tokenize';
import { TermSet } from './term-set';
import { Vocabulary } from './vocabulary';

describe('DocumentIndex', () => {
  it("holds the document's words in text order with their offsets in the canonical text", () => {
    const vocabulary = new Vocabulary();
    const text = 'Richard Dvořàk met Ri Song-un.';
    const document = DocumentIndex.build('memo', text, vocabulary);
    expect(document.length).toBe(6);
    expect([...document.stored().terms].map((id) => vocabulary.term(id))).toEqual(['richard', 'dvorak', 'met', 'ri', 'song', 'un']);
    expect([...document.starts].map((start, i) => text.slice(start, document.end(i)))).toEqual(['Richard', 'Dvořàk', 'met', 'Ri', 'Song', 'un']);
  });

  it('counts a word, however it is written, and a prefix', () => {
    const vocabulary = new Vocabulary();
    const document = DocumentIndex.build('d', 'Soviet leaders, SOVIET troops, sovereign Albania, Sovietization', vocabulary);
    expect(document.countOf(TermSet.exact('soviet', vocabulary))).toBe(2);
    expect(document.countOf(TermSet.prefix('sov', vocabulary))).toBe(4);
    expect(document.countOf(TermSet.exact('tirana', vocabulary))).toBe(0);
    expect(document.distinctCount).toBe(6);
  });

  it('counts a prefix of many words by either of its ways (a few look-ups, or a walk over the distinct words) alike', () => {
    const vocabulary = new Vocabulary();
    const words = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}`);
    const document = DocumentIndex.build('d', `${words.join(' ')} ${words.slice(0, 10).join(' ')}`, vocabulary);
    // "w" accepts all 400 words (a walk), "w1" a few (look-ups).
    expect(document.countOf(TermSet.prefix('w', vocabulary))).toBe(410);
    const few = words.filter((w) => w.startsWith('w1'));
    expect(document.countOf(TermSet.prefix('w1', vocabulary))).toBe(few.length + few.filter((w) => words.indexOf(w) < 10).length);
  });

  it('lists where a word or a prefix occurs, in text order', () => {
    const vocabulary = new Vocabulary();
    const document = DocumentIndex.build('d', 'Soviet leaders, sovereign Soviet troops, Sovietization of the soviets', vocabulary);
    expect([...document.occurrences(TermSet.exact('soviet', vocabulary))]).toEqual([0, 3]);
    expect([...document.occurrences(TermSet.prefix('sov', vocabulary))]).toEqual([0, 2, 3, 5, 8]);
    expect([...document.occurrences(TermSet.exact('albania', vocabulary))]).toEqual([]);
  });

  it("keeps each document's words apart when several are indexed one after the other", () => {
    const vocabulary = new Vocabulary();
    const first = DocumentIndex.build('a', 'soviet soviet albania', vocabulary);
    const second = DocumentIndex.build('b', 'albania tirana soviet albania', vocabulary);
    expect([...first.occurrences(TermSet.exact('albania', vocabulary))]).toEqual([2]);
    expect([...second.occurrences(TermSet.exact('albania', vocabulary))]).toEqual([0, 3]);
    expect(second.countOf(TermSet.exact('soviet', vocabulary))).toBe(1);
    expect(first.countOf(TermSet.exact('tirana', vocabulary))).toBe(0);
  });

  it('keeps every word of a text with more words than half its characters (a table of fractions)', () => {
    // "½" folds to "1⁄2": two words from one character.
    const vocabulary = new Vocabulary();
    const text = '½ ¼ ¾ ½ ¼ ¾ ½ ¼';
    const document = DocumentIndex.build('d', text, vocabulary);
    expect(document.length).toBe(16);
    expect(document.countOf(TermSet.exact('4', vocabulary))).toBe(5);
    expect(document.end(15)).toBe(text.length);
  });

  it('gives the offsets of a word of 300 letters, and of words past the 65,536th character and word', () => {
    const vocabulary = new Vocabulary();
    const long = 'x'.repeat(300);
    // 70,000 words: past what two bytes an offset or a position can hold.
    const text = `${long} ${'a '.repeat(70_000)}tirana`;
    const document = DocumentIndex.build('d', text, vocabulary);
    expect(text.slice(document.starts[0], document.end(0))).toBe(long);
    const last = document.length - 1;
    expect(document.starts[last]).toBeGreaterThan(65_536);
    expect(text.slice(document.starts[last], document.end(last))).toBe('tirana');
    // Stored and read back, as after a launch.
    const restored = DocumentIndex.restore('d', text, document.stored(), vocabulary);
    expect(restored.end(0)).toBe(300);
    expect(text.slice(restored.starts[last], restored.end(last))).toBe('tirana');
    expect([...document.occurrences(TermSet.exact('tirana', vocabulary))]).toEqual([last]);
    expect(document.countOf(TermSet.exact('a', vocabulary))).toBe(70_000);
  });

  it('reads back what it stored as it was, and refuses a stored index out of bounds, naming the document', () => {
    const vocabulary = new Vocabulary();
    const text = 'Soviet leaders, sovereign Soviet troops.\n\nThe Soviet leaders left.';
    const document = DocumentIndex.build('memo', text, vocabulary);
    const restored = DocumentIndex.restore('memo', text, document.stored(), vocabulary);
    expect([...restored.occurrences(TermSet.exact('soviet', vocabulary))]).toEqual([...document.occurrences(TermSet.exact('soviet', vocabulary))]);
    const stored = document.stored();
    const bad = (change: Partial<typeof stored>) => () => DocumentIndex.restore('memo', text, { ...stored, ...change }, vocabulary);
    expect(bad({ positions: Uint16Array.from(stored.positions, (p) => p + 100) })).toThrow(/document memo is damaged/);
    expect(bad({ terms: stored.terms.map((t) => t + 1000) })).toThrow(/document memo is damaged/);
    expect(bad({ lengths: new Uint8Array(stored.lengths.length).fill(200) })).toThrow(/document memo is damaged/);
    expect(bad({ distinct: stored.distinct.slice().reverse() })).toThrow(/document memo is damaged/);
    expect(() => DocumentIndex.restore('memo', text.slice(0, 10), stored, vocabulary)).toThrow(RangeError);
  });

  // Rows stored before distinct word numbers took two bytes hold four.
  it('reads back a stored index whose distinct words take four bytes a number, finding the same', () => {
    const vocabulary = new Vocabulary();
    const text = 'Soviet leaders, sovereign Soviet troops.\n\nThe Soviet leaders left.';
    const stored = DocumentIndex.build('memo', text, vocabulary).stored();
    const wide = DocumentIndex.restore('memo', text, { ...stored, distinct: Int32Array.from(stored.distinct) }, vocabulary);
    expect([...wide.occurrences(TermSet.exact('soviet', vocabulary))]).toEqual([0, 3, 6]);
    expect(wide.phraseCount(vocabulary.find('soviet'), vocabulary.find('leaders'))).toBe(2);
  });

  it('indexes an empty text as no words', () => {
    const document = DocumentIndex.build('d', '', new Vocabulary());
    expect(document.length).toBe(0);
    expect(document.distinctCount).toBe(0);
  });

  // The index keeps no word by its place: the words in text order are made
  // again from the positions, and a phrase's later words are found among
  // their own places. Its twin is the tokenizer's words, read in order.
  it('gives back its words in text order, and finds phrases with a common word or a prefix where its words stand', () => {
    const text = fc.array(fc.constantFrom('a', 'a', 'a', 'ab', 'b', 'ba', 'c'), { maxLength: 300 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, fc.constantFrom('a b', 'b a', 'c a a', 'a b*', 'b* a', 'a a* c'), (t, phrase) => {
        const vocabulary = new Vocabulary();
        const document = DocumentIndex.build('d', t, vocabulary);
        const words: string[] = [];
        const starts: number[] = [];
        forEachToken(t, (term, start) => {
          words.push(term);
          starts.push(start);
        });
        expect([...document.stored().terms].map((id) => vocabulary.term(id))).toEqual(words);
        const parts = phrase.split(' ');
        const expected = starts.filter((_, i) =>
          parts.every((part, j) => (part.endsWith('*') ? words[i + j]?.startsWith(part.slice(0, -1)) : words[i + j] === part)),
        );
        const matcher = new ClauseMatcher({ terms: parts.map((part) => ({ term: part.replace('*', ''), prefix: part.endsWith('*') })) }, vocabulary);
        const spans: number[] = [];
        matcher.spans(document, spans);
        expect(spans.filter((_, k) => k % 2 === 0)).toEqual(expected);
      }),
    );
  });
});
