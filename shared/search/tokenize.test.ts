import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachToken, termsOf } from './tokenize';

/// Each word of `text` as [folded word, the original slice it covers].
function words(text: string): [string, string][] {
  const out: [string, string][] = [];
  forEachToken(text, (term, start, end) => out.push([term, text.slice(start, end)]));
  return out;
}

describe('forEachToken', () => {
  it('gives each word folded, with the offsets of the word as written', () => {
    expect(words('Richard Dvořàk, Ambassador')).toEqual([
      ['richard', 'Richard'],
      ['dvorak', 'Dvořàk'],
      ['ambassador', 'Ambassador'],
    ]);
  });

  it('separates words at apostrophes and hyphens, so "Khrushchev" finds "Khrushchev\'s" and "Soviet" finds "Sino-Soviet"', () => {
    expect(termsOf("Khrushchev's Sino-Soviet split")).toEqual(['khrushchev', 's', 'sino', 'soviet', 'split']);
    expect(termsOf('Khrushchev’s')).toEqual(['khrushchev', 's']);
  });

  it('keeps numbers as words and splits ranges and dates at their punctuation', () => {
    expect(termsOf('1960–1961, 16.4.62')).toEqual(['1960', '1961', '16', '4', '62']);
  });

  it("ends a word at a superscript footnote marker, and the word's offsets leave the marker out", () => {
    expect(words('the events² of 1961')).toEqual([
      ['the', 'the'],
      ['events', 'events'],
      ['of', 'of'],
      ['1961', '1961'],
    ]);
  });

  it('keeps a word whole across a soft hyphen or an OCR box, and its slice holds them', () => {
    expect(words('Alba\u00ADnia Ti☐rana')).toEqual([
      ['albania', 'Alba\u00ADnia'],
      ['tirana', 'Ti☐rana'],
    ]);
  });

  it('ends a decomposed word after its last combining mark, so the slice is the word as written', () => {
    expect(words('Me\u0308hilli Dvor\u030Ca\u0300 x')).toEqual([
      ['mehilli', 'Me\u0308hilli'],
      ['dvora', 'Dvor\u030Ca\u0300'],
      ['x', 'x'],
    ]);
  });

  it("joins a decomposed й only when the breve follows its и, so a word's slice folds back to the word", () => {
    expect(words('Бии\u0306 Бии\u00AD\u0306')).toEqual([
      ['бий', 'Бии\u0306'],
      ['бии', 'Бии'],
    ]);
  });

  it('covers the whole expanded character in the slice', () => {
    expect(words('Straße')).toEqual([['strasse', 'Straße']]);
  });

  it('reads Cyrillic words as words', () => {
    expect(words('Н. С. Хрущёв')).toEqual([
      ['н', 'Н'],
      ['с', 'С'],
      ['хрущев', 'Хрущёв'],
    ]);
  });

  it('takes letters outside the Basic Multilingual Plane as letters and emoji as separators', () => {
    expect(words('a𝐀b Miljković 🛷 end')).toEqual([
      ['a𝐀b', 'a𝐀b'],
      ['miljkovic', 'Miljković'],
      ['end', 'end'],
    ]);
  });

  it('finds no words in punctuation and white space', () => {
    expect(termsOf(' — ... "" ☐☐ \n\n ')).toEqual([]);
  });
});

describe('termsOf', () => {
  it('folds a plain ASCII word as the texts are folded, mixed case and digits alike', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), (word) => {
        expect(termsOf(word)).toEqual(words(word).map(([term]) => term));
      }),
    );
    expect(termsOf('Dvorak')).toEqual(['dvorak']);
    expect(termsOf('Ďvořák')).toEqual(['dvorak']);
  });
});
