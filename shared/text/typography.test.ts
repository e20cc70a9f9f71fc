import { describe, expect, it } from 'vitest';
import { normalizeForMatching, plainReplacements, typographyTable } from './typography';

// The rule the table's lists stand for, as it was first written: regular
// expressions tested on each character (the quote and dash map did not
// change form, so it is shared). Every one of the 65,536 code units is
// checked against it. (The zero-width joiner stands apart: inside a class
// it reads as joining the characters around it.)
const dropped = /[\u00AD\u200B\u200C\uFEFF\u2610\u25A1\u25A0\u25AF\uFFFD]|\u200D/;

function byRule(code: number): number {
  const c = String.fromCharCode(code);
  if (dropped.test(c)) return -1;
  if (/\s/.test(c)) return -2;
  return (plainReplacements[c] ?? c).charCodeAt(0);
}

describe('typography table', () => {
  it('folds every UTF-16 code unit as the rule says', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (typographyTable[code] !== byRule(code)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('reads a re-typed line as the original', () => {
    const original = normalizeForMatching('The \u201Cfriendship\u201D of peoples \u2014 so-called.').text;
    const retyped = normalizeForMatching('The "friend\u00ADship"\u00A0of\u2009peoples  -\u2610 so\u2011called.').text;
    expect(retyped).toBe(original);
    expect(original).toBe('The "friendship" of peoples - so-called.');
  });
});
