import type { Node } from 'prosemirror-model';
import type { DocText } from '../../shared/document/text';

/// Maps between offsets into a document's canonical text and positions in
/// the reader's ProseMirror document built from the same blocks.
///
/// Block i's text starts at canonical offset `text.starts[i]` and at
/// ProseMirror position `pmStarts[i]` (just inside the block's node, inside
/// its section); within
/// a block both count the same characters, because blocks hold only text.
export class PositionMap {
  private readonly pmStarts: number[] = [];
  // Where each section's node starts and ends.
  private readonly sections: { from: number; to: number }[] = [];

  constructor(
    doc: Node,
    private readonly text: DocText,
  ) {
    // Blocks sit in sections: a block's text starts after the section's
    // opening token and its own.
    doc.forEach((section, sectionOffset) => {
      this.sections.push({ from: sectionOffset, to: sectionOffset + section.nodeSize });
      section.forEach((node, offset) => {
        if (!node.isTextblock) throw new RangeError(`The reader's document holds a ${node.type.name} node where only text blocks are allowed.`);
        this.pmStarts.push(sectionOffset + 1 + offset + 1);
      });
    });
    if (this.pmStarts.length !== text.starts.length) {
      throw new RangeError(`The reader's document has ${this.pmStarts.length} blocks but the canonical text has ${text.starts.length}.`);
    }
  }

  /// The ProseMirror position of a canonical offset. An offset inside a block
  /// separator goes to the next block's start (`bias` 1) or the previous
  /// block's end (`bias` -1).
  toPm(offset: number, bias: 1 | -1 = 1): number {
    const { block, offset: inBlock } = this.text.locate(offset, bias);
    return this.pmStarts[block]! + inBlock;
  }

  /// The ProseMirror range of section `i`'s node, its tokens included:
  /// where a node decoration of the section goes.
  sectionRange(i: number): { from: number; to: number } {
    const range = this.sections[i];
    if (!range) throw new RangeError(`There is no section ${i}: the document has ${this.sections.length}.`);
    return range;
  }

  /// How many blocks the document has.
  get blockCount(): number {
    return this.pmStarts.length;
  }

  /// The canonical offset of a ProseMirror position. Positions between
  /// blocks snap to the next block's start (`bias` 1) or the previous
  /// block's end (`bias` -1).
  fromPm(pos: number, bias: 1 | -1 = 1): number {
    const starts = this.pmStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    const blockLength = this.text.ends[lo]! - this.text.starts[lo]!;
    const inBlock = pos - starts[lo]!;
    if (inBlock < 0) return this.text.starts[lo]!;
    if (inBlock > blockLength) {
      return bias === 1 && lo + 1 < starts.length ? this.text.starts[lo + 1]! : this.text.ends[lo]!;
    }
    return this.text.starts[lo]! + inBlock;
  }
}

/// The passage a selection covers, with surrounding white space left out
/// (a double-click or a drag often takes a space or line break along).
/// `null` when the selection holds no visible character.
export function trimmedRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}
