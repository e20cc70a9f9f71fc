import { describe, expect, it } from 'vitest';
import { blockSeparator } from '../document/model';
import { contextLine } from './kwic';

/// [start, end) of the first `word` in `text`.
function at(text: string, word: string): [number, number] {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" is not in the text.`);
  return [start, start + word.length];
}

describe('contextLine', () => {
  it('shows the hit as written between its context', () => {
    const text = 'Memorandum of Luncheon Given by Richard Dvořàk, Ambassador of Czechoslovakia';
    expect(contextLine(text, ...at(text, 'Dvořàk'))).toEqual({
      before: 'Memorandum of Luncheon Given by Richard ',
      match: 'Dvořàk',
      after: ', Ambassador of Czechoslovakia',
    });
  });

  it('cuts long context back to whole words', () => {
    const text = 'alpha bravo charlie delta HIT echo foxtrot golf hotel';
    const line = contextLine(text, ...at(text, 'HIT'), 12);
    // Twelve characters before reach into "charlie", which is dropped whole; after, into "foxtrot".
    expect(line).toEqual({ before: 'delta ', match: 'HIT', after: ' echo' });
  });

  it('keeps a word that the window meets exactly at its start', () => {
    const text = 'xx delta HIT echo yy';
    expect(contextLine(text, ...at(text, 'HIT'), 6)).toEqual({ before: 'delta ', match: 'HIT', after: ' echo' });
  });

  it("stops at the edge of the hit's paragraph", () => {
    const text = ['The previous paragraph ends here.', 'Mëhilli, From Stalin to Mao.', 'The next one.'].join(blockSeparator);
    expect(contextLine(text, ...at(text, 'Stalin'))).toEqual({ before: 'Mëhilli, From ', match: 'Stalin', after: ' to Mao.' });
  });

  it('collapses line breaks and runs of white space into single spaces', () => {
    const text = 'one\ntwo   HIT\tthree\nfour';
    expect(contextLine(text, ...at(text, 'HIT'))).toEqual({ before: 'one two ', match: 'HIT', after: ' three four' });
  });

  it('keeps a hard cut in text without spaces, without splitting a surrogate pair', () => {
    const text = `${'𝐀'.repeat(10)}HIT${'𝐀'.repeat(10)}`;
    const line = contextLine(text, ...at(text, 'HIT'), 5);
    expect(line.before).toBe('𝐀𝐀');
    expect(line.after).toBe('𝐀𝐀');
  });

  it('refuses a range outside the text or a bad width', () => {
    expect(() => contextLine('abc', 2, 1)).toThrow(RangeError);
    expect(() => contextLine('abc', 0, 4)).toThrow(RangeError);
    expect(() => contextLine('abc', -1, 1)).toThrow(RangeError);
    expect(() => contextLine('abc', 0, 1, -1)).toThrow(RangeError);
  });
});
