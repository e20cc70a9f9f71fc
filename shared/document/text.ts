import { type Block, blockSeparator, blockText } from './model';

/// A document's canonical text and the block structure of its offsets.
///
/// This is the one definition of "the text of a document": the blocks' text
/// joined by `blockSeparator`. Offsets count UTF-16 code units of that string
/// (as JavaScript strings and Hypothesis do). Selectors, exports, search and
/// the reader's position mapping all go through it.
export class DocText {
  /// The canonical text.
  readonly text: string;
  /// `starts[i]` and `ends[i]`: offsets where block i's text begins and ends.
  readonly starts: readonly number[];
  readonly ends: readonly number[];

  constructor(blocks: readonly Block[]) {
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let offset = 0;
    blocks.forEach((block, i) => {
      if (i > 0) offset += blockSeparator.length;
      const text = blockText(block);
      starts.push(offset);
      parts.push(text);
      offset += text.length;
      ends.push(offset);
    });
    this.text = parts.join(blockSeparator);
    this.starts = starts;
    this.ends = ends;
  }

  get length(): number {
    return this.text.length;
  }

  /// The index of the block holding `offset`. An offset inside a separator
  /// belongs to the block after it when `bias` is 1 (the start of a range)
  /// and to the block before it when `bias` is -1 (the end of a range).
  blockAt(offset: number, bias: 1 | -1 = 1): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length) {
      throw new RangeError(`Offset ${offset} is outside the document's text, which has ${this.length} characters.`);
    }
    // Binary search for the last block starting at or before the offset.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (offset > this.ends[lo]! && bias === 1 && lo + 1 < this.starts.length) return lo + 1;
    return lo;
  }

  /// Where `offset` falls, as a block and an offset inside that block's
  /// text. Offsets inside a separator snap to the nearer block edge in the
  /// direction of `bias`.
  locate(offset: number, bias: 1 | -1 = 1): { block: number; offset: number } {
    const block = this.blockAt(offset, bias);
    const start = this.starts[block]!;
    const end = this.ends[block]!;
    return { block, offset: Math.min(Math.max(offset, start), end) - start };
  }
}
