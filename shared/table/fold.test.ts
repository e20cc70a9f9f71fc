import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTerm } from '../search/fold';
import { foldText } from './fold';

describe('foldText', () => {
  it('folds as search folds a term: case, accents, typography and white space', () => {
    expect(foldText('  Mëhilli’s “Dvořàk”  Straße\u00AD\n')).toBe(foldTerm('  Mëhilli’s “Dvořàk”  Straße\u00AD\n'));
    expect(foldText('Łódź — ﬁrst\u00A0Ødegaard')).toBe('lodz - first odegaard');
  });

  it('gives what foldTerm gives, for any text of the characters that fold in odd ways', () => {
    // Marks alone and after letters, the breve of й (also split by a soft
    // hyphen), dropped OCR boxes, expansions, superscripts, surrogate
    // halves, white space of every kind.
    const unit = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00A0',
      '\u2009',
      '\u00AD',
      '\u200B',
      '\u200D',
      '\uFEFF',
      '\u2610',
      '\uFFFD',
      '’',
      '“',
      '«',
      '—',
      '\u2212',
      'é',
      'É',
      'e\u0301',
      '\u0301',
      'и',
      '\u0306',
      'И',
      'й',
      'Й',
      'ё',
      'ß',
      'Ł',
      'ø',
      'Æ',
      'ς',
      'ﬁ',
      'ſ',
      '²',
      '⁸',
      '₂',
      'İ',
      'ı',
      '\uD83D',
      '\uDE00',
      '\uFDFA',
      '㎏',
      'Ⅻ',
      '!',
      '"',
      "'",
      '-',
      '0',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect(foldText(text)).toBe(foldTerm(text));
      }),
      { numRuns: 2000 },
    );
  });
});
