import { describe, expect, it } from 'vitest';
import { normalizeForMatching, typographyTable } from './typography';

// The rule the table's lists stand for, as it was first written: regular
// expressions tested on each character. Kept here so every one of the
// 65,536 code units is checked against it.
const dropped = /[\u00AD\u200B\u200C\uFEFF\u2610\u25A1\u25A0\u25AF\uFFFD]|\u200D/;
const plain: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

function byRule(code: number): number {
  const c = String.fromCharCode(code);
  if (dropped.test(c)) return -1;
  if (/\s/.test(c)) return -2;
  return (plain[c] ?? c).charCodeAt(0);
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
