import { describe, expect, it } from 'vitest';
import { makeBlock } from '../../../../shared/document/model';
import { DocText } from '../../../../shared/document/text';
import { loadCorpus, seed, seedIds } from '../../../../shared/test-support/corpus';
import { printPieces } from './print-layout';

const at = (start: number, end: number) => ({ position: { start, end } });

describe('the print view’s pieces', () => {
  const blocks = [
    makeBlock('paragraph', [
      { text: 'Khrushchev met ', marks: [] },
      { text: 'Hoxha', marks: ['em'] },
      { text: ' in Moscow.', marks: [] },
    ]),
    makeBlock('paragraph', [{ text: 'The break followed.', marks: [] }]),
  ];
  const text = new DocText(blocks);

  it('cuts the text at marks and passages, numbering each passage where it ends', () => {
    // 1: "Khrushchev met Hoxha"; 2: "Hoxha" inside it; 3: "break".
    const pieces = printPieces(blocks, text, [at(0, 20), at(15, 20), at(text.text.indexOf('break'), text.text.indexOf('break') + 5)]);
    expect(pieces[0]).toEqual([
      { text: 'Khrushchev met ', marks: [], covered: [1], ends: [] },
      { text: 'Hoxha', marks: ['em'], covered: [1, 2], ends: [1, 2] },
      { text: ' in Moscow.', marks: [], covered: [], ends: [] },
    ]);
    expect(pieces[1]!.map((p) => [p.text, p.covered, p.ends])).toEqual([
      ['The ', [], []],
      ['break', [3], [3]],
      [' followed.', [], []],
    ]);
  });

  it('carries a passage across a block break and numbers it in the block it ends in', () => {
    const pieces = printPieces(blocks, text, [at(20, text.text.indexOf('break'))]);
    expect(pieces[0]!.at(-1)).toEqual({ text: ' in Moscow.', marks: [], covered: [1], ends: [] });
    expect(pieces[1]![0]).toEqual({ text: 'The ', marks: [], covered: [1], ends: [1] });
  });

  it('gives back every character of a whole document, in order', () => {
    const document = seed(loadCorpus(), seedIds.article);
    const t = document.text.text;
    const ordered = [at(100, 400), at(150, 160), at(t.length - 50, t.length - 10)];
    const pieces = printPieces(document.blocks, document.text, ordered);
    expect(pieces.map((block) => block.map((p) => p.text).join('')).join('\n\n')).toBe(t);
    expect(pieces.flat().flatMap((p) => p.ends)).toEqual([2, 1, 3]);
  });
});
