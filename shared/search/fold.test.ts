import { describe, expect, it } from 'vitest';
import { foldCharacter, foldForSearch, foldTerm } from './fold';

/// The original text behind each folded character, for reading a map at a glance.
function originals(text: string): string[] {
  const { text: folded, toOriginal } = foldForSearch(text);
  return [...folded].map((_, i) => text[toOriginal[i]!]!);
}

describe('foldTerm', () => {
  it('folds case, so "ALBANIA", "Albania" and "albania" are one word', () => {
    expect(foldTerm('ALBANIA')).toBe('albania');
    expect(foldTerm('Albania')).toBe('albania');
  });

  it('drops the diacritics of Albanian, Czech, Serbo-Croatian, Slovak and German names', () => {
    expect(foldTerm('Mëhilli')).toBe('mehilli');
    expect(foldTerm('Çarçani')).toBe('carcani');
    expect(foldTerm('Dvořàk')).toBe('dvorak');
    expect(foldTerm('KOVAČEVIĆ')).toBe('kovacevic');
    expect(foldTerm('protokoľnye')).toBe('protokolnye');
    expect(foldTerm('Höbelt')).toBe('hobelt');
  });

  it('folds letters Unicode does not decompose to the letter an English keyboard types', () => {
    expect(foldTerm('Łódź')).toBe('lodz');
    expect(foldTerm('ŁÓDŹ')).toBe('lodz');
    expect(foldTerm('Ødegaard')).toBe('odegaard');
    expect(foldTerm('Đorđević')).toBe('dordevic');
    expect(foldTerm('Straße')).toBe('strasse');
    expect(foldTerm('STRAẞE')).toBe('strasse');
    expect(foldTerm('Cæsar')).toBe('caesar');
  });

  it('folds decomposed letters (a base letter and a combining mark) as it folds composed ones', () => {
    expect(foldTerm('Me\u0308hilli')).toBe(foldTerm('Mëhilli'));
    expect(foldTerm('Dvor\u030Ca\u0300k')).toBe('dvorak');
  });

  it('keeps Cyrillic as Cyrillic, folding only case and ё', () => {
    expect(foldTerm('ХРУЩЁВ')).toBe('хрущев');
    expect(foldTerm('Хрущев')).toBe('хрущев');
    // Not transliterated: a Latin query does not find Cyrillic text.
    expect(foldTerm('Хрущев')).not.toBe(foldTerm('Khrushchev'));
  });

  it('keeps й a letter of its own, composed or decomposed, so "Бийск" is not "Бииск"', () => {
    expect(foldTerm('Бийск')).toBe('бийск');
    expect(foldTerm('БИЙСК')).toBe('бийск');
    expect(foldTerm('Бии\u0306ск')).toBe('бийск');
    expect(foldTerm('БИИ\u0306СК')).toBe('бийск');
    expect(foldTerm('Бийск')).not.toBe(foldTerm('Бииск'));
  });

  it('folds Greek final sigma to sigma, so a word reads the same at the end of a line or inside a compound', () => {
    expect(foldTerm('ΟΔΥΣΣΕΥΣ')).toBe(foldTerm('Οδυσσευς'));
  });

  it('unpacks ligatures and the long s', () => {
    expect(foldTerm('ﬁnal')).toBe('final');
    expect(foldTerm('ſtate')).toBe('state');
  });

  it('folds typography as anchoring does: curly quotes, dashes, white space runs', () => {
    expect(foldTerm('“Soviet”  —\u00A0leaders’')).toBe('"soviet" - leaders\'');
  });
});

describe('foldForSearch', () => {
  it('maps each folded character back to the original character it came from, with one entry for the end', () => {
    const { text, toOriginal } = foldForSearch('Mëhilli');
    expect(text).toBe('mehilli');
    expect([...toOriginal]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('maps both letters of an expansion to the one character they came from', () => {
    const { text, toOriginal } = foldForSearch('Straße');
    expect(text).toBe('strasse');
    expect([...toOriginal]).toEqual([0, 1, 2, 3, 4, 4, 5, 6]);
  });

  it('maps past combining marks it drops', () => {
    const { text, toOriginal } = foldForSearch('Me\u0308hilli');
    expect(text).toBe('mehilli');
    expect(originals('Me\u0308hilli').join('')).toBe('Mehilli');
    expect(toOriginal.at(-1)).toBe(8);
  });

  it('drops OCR boxes and soft hyphens inside a word, as anchoring does, so the word stays whole', () => {
    expect(foldForSearch('Ti☐rana').text).toBe('tirana');
    expect(originals('Ti☐rana').join('')).toBe('Tirana');
    expect(foldForSearch('Alba\u00ADnia').text).toBe('albania');
    expect([...foldForSearch('Alba\u00ADnia').toOriginal]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(foldForSearch('□□□ rembassy').text).toBe('rembassy');
  });

  it('turns superscript footnote digits into a space, so "events²" is "events" followed by a separate marker', () => {
    expect(foldForSearch('events² and events³').text).toBe('events  and events ');
    expect(foldForSearch('note¹²').text).toBe('note  ');
  });

  it('maps every folded character to an original character that folds to something containing it', () => {
    const text = '“Dvořàk” — Straße, Ti☐rana; Me\u0308hilli ﬁnal БИИ\u0306СК';
    const { text: folded, toOriginal } = foldForSearch(text);
    for (let i = 0; i < folded.length; i++) {
      const at = toOriginal[i]!;
      expect(at).toBeGreaterThanOrEqual(i === 0 ? 0 : toOriginal[i - 1]!);
      if (folded[i] === 'й') continue; // folded from two code units
      expect(foldTerm(text[at]!) || ' ', `folded character ${i}`).toContain(folded[i]);
    }
    expect(toOriginal[folded.length]).toBe(text.length);
  });

  it('folds a text longer than its code-unit buffer with many expansions, keeping the map aligned', () => {
    const text = 'ß'.repeat(20_000);
    const { text: folded, toOriginal } = foldForSearch(text);
    expect(folded).toBe('ss'.repeat(20_000));
    expect(toOriginal[39_999]).toBe(19_999);
    expect(toOriginal[40_000]).toBe(20_000);
  });
});

describe('foldCharacter', () => {
  it('folds one code unit', () => {
    expect(foldCharacter('Ë')).toBe('e');
    expect(foldCharacter('ß')).toBe('ss');
    expect(foldCharacter('\u0308')).toBe('');
  });

  it('refuses more or less than one code unit', () => {
    expect(() => foldCharacter('ab')).toThrow(RangeError);
    expect(() => foldCharacter('')).toThrow(RangeError);
  });
});
