import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../shared/test-support/corpus';
import { HighlightIndex } from './highlight-index';

const article = [...loadCorpus().values()].find((d) => d.text.starts.length > 100)!;
const { text } = article;
const hl = (id: string, start: number, end: number) => ({ id, start, end, colors: ['#000'] });

describe('HighlightIndex', () => {
  it('files a highlight under every block it touches, and only those', () => {
    const start = text.starts[10]! + 2;
    const end = text.starts[12]! + 3;
    const index = new HighlightIndex(text, [hl('across', start, end), hl('inside', text.starts[40]!, text.starts[40]! + 5)]);
    expect(index.blocksOf('across')).toEqual({ first: 10, last: 12 });
    expect(index.inBlocks(11, 12).map((h) => h.id)).toEqual(['across']);
    expect(index.inBlocks(0, 10)).toEqual([]);
    expect(
      index
        .inBlocks(12, 41)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['across', 'inside']);
    expect(index.touches('inside', 0, 40)).toBe(false);
    expect(index.touches('inside', 40, 41)).toBe(true);
  });

  it('an end in the separator after a block belongs to that block, not the next', () => {
    const index = new HighlightIndex(text, [hl('h', text.starts[5]!, text.ends[5]! + 1)]);
    expect(index.blocksOf('h')).toEqual({ first: 5, last: 5 });
  });

  it('lists a highlight spanning many blocks once', () => {
    const index = new HighlightIndex(text, [hl('long', text.starts[3]!, text.ends[30]!)]);
    expect(index.inBlocks(0, 100)).toHaveLength(1);
  });

  it('replaces a highlight put again under its id, and forgets a deleted one', () => {
    const index = new HighlightIndex(text, [hl('h', text.starts[5]!, text.starts[5]! + 4)]);
    index.put(hl('h', text.starts[50]!, text.starts[50]! + 4));
    expect(index.size).toBe(1);
    expect(index.inBlocks(5, 6)).toEqual([]);
    expect(index.inBlocks(50, 51).map((h) => h.id)).toEqual(['h']);
    expect(index.delete('h')).toBe(true);
    expect(index.inBlocks(0, index.blockCount)).toEqual([]);
    expect(index.delete('h')).toBe(false);
  });

  it('leaves out empty highlights and highlights beyond the text', () => {
    const index = new HighlightIndex(text, [hl('empty', 10, 10), hl('beyond', text.length - 2, text.length + 5)]);
    expect(index.size).toBe(0);
  });
});
