import { describe, expect, it } from 'vitest';
import { makeBlock } from '../../shared/document/model';
import { loadCorpus } from '../../shared/test-support/corpus';
import { buildDoc } from './build-doc';
import { estimatedHeight, sectionOf, sectionSize, sectionsCovering } from './sections';

describe('the reader groups blocks in sections', () => {
  it('puts every block of a long document in order into sections of a fixed size', () => {
    const article = [...loadCorpus().values()].sort((a, b) => b.blocks.length - a.blocks.length)[0]!;
    expect(article.blocks.length).toBeGreaterThan(2 * sectionSize);
    const doc = buildDoc(article.blocks);
    expect(doc.childCount).toBe(Math.ceil(article.blocks.length / sectionSize));
    const { section, index } = sectionOf(article.blocks.length - 1);
    expect(doc.child(section).child(index).textContent).toBe(
      article.blocks
        .at(-1)!
        .spans.map((s) => s.text)
        .join(''),
    );
  });

  it('names the sections a window of blocks covers', () => {
    expect(sectionsCovering(0, 1)).toEqual({ from: 0, to: 1 });
    expect(sectionsCovering(sectionSize - 1, sectionSize + 1)).toEqual({ from: 0, to: 2 });
    expect(sectionsCovering(2 * sectionSize, 3 * sectionSize)).toEqual({ from: 2, to: 3 });
    expect(sectionsCovering(5, 5)).toEqual({ from: 0, to: 0 });
  });

  it('estimates a longer section taller, a line at least for each block', () => {
    const block = (chars: number) => makeBlock('paragraph', [{ text: 'x'.repeat(chars), marks: [] }]);
    expect(estimatedHeight([block(10)])).toBeGreaterThanOrEqual(2);
    expect(estimatedHeight([block(750)])).toBeGreaterThan(estimatedHeight([block(75)]) * 5);
    expect(estimatedHeight([block(10), block(10)])).toBeGreaterThan(estimatedHeight([block(10)]));
  });

  it('refuses a document with no blocks, which the reader cannot show', () => {
    expect(() => buildDoc([])).toThrow(RangeError);
  });
});
