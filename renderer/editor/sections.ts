import type { EditorView } from 'prosemirror-view';
import type { Block } from '../../shared/document/model';

/// Blocks per section. The reader's document groups its blocks in sections
/// of this many, so that a change (a new highlight, the drawn window
/// moving) makes ProseMirror compare and the browser lay out a few dozen
/// sections and the blocks of one, rather than every block of a book: with
/// 14,000 blocks side by side, each such change cost tens of milliseconds
/// whatever it touched. Small enough that a section is quick to draw when
/// it comes on screen.
export const sectionSize = 32;

/// Which section block `i` is in, and its index there.
export function sectionOf(i: number): { section: number; index: number } {
  return { section: Math.floor(i / sectionSize), index: i % sectionSize };
}

/// A range of sections, [from, to).
export interface SectionRange {
  from: number;
  to: number;
}

/// The sections covering blocks [from, to): [first, last + 1).
export function sectionsCovering(from: number, to: number): SectionRange {
  return to <= from ? { from: 0, to: 0 } : { from: Math.floor(from / sectionSize), to: Math.floor((to - 1) / sectionSize) + 1 };
}

// Reading measure of the column (42rem at 18px is about 75 characters a
// line), and the height of a line and of a block's bottom margin in em.
const charsPerLine = 75;
const lineHeight = 1.6;
const blockMargin = 0.85;

/// A section's height in em before the browser has laid it out, estimated
/// from its text: the scroll bar is then about right for a book whose
/// sections have not all been drawn.
export function estimatedHeight(blocks: readonly Block[]): number {
  let lines = 0;
  for (const block of blocks) {
    let chars = 0;
    for (const span of block.spans) chars += span.text.length;
    lines += Math.max(1, Math.ceil(chars / charsPerLine));
  }
  return Math.round(lines * lineHeight + blocks.length * blockMargin);
}

/// The element of block `i` in the reader's DOM, or `null` when the DOM
/// does not have the shape the document has (it always should).
export function blockElement(view: EditorView, i: number): Element | null {
  const { section, index } = sectionOf(i);
  return view.dom.children[section]?.children[index] ?? null;
}
