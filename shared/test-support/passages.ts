import type { LibraryDocument } from '../corpus/document';

export interface Passage {
  start: number;
  end: number;
  why: string;
}

/// Passages a researcher would select in a document: every sentence, every
/// footnote marker with the words around it, every paragraph break with the
/// end of one block and the start of the next, and every word holding a
/// character beyond ASCII (ë, ř, ç, Cyrillic, curly quotes, OCR boxes).
export function passagesOf(document: LibraryDocument): Passage[] {
  const { text, starts, ends } = document.text;
  const passages: Passage[] = [];

  starts.forEach((blockStart, i) => {
    const blockText = text.slice(blockStart, ends[i]);
    for (const match of blockText.matchAll(/[^.!?\n]+[.!?]?/g)) {
      const lead = match[0].length - match[0].trimStart().length;
      const s = blockStart + match.index + lead;
      const e = blockStart + match.index + match[0].trimEnd().length;
      if (e > s) passages.push({ start: s, end: e, why: 'sentence' });
    }
  });

  let offset = 0;
  document.blocks.forEach((block, i) => {
    offset = starts[i]!;
    for (const span of block.spans) {
      if (span.marks.includes('sup')) {
        passages.push({ start: Math.max(starts[i]!, offset - 20), end: Math.min(ends[i]!, offset + span.text.length + 20), why: 'footnote marker' });
      }
      offset += span.text.length;
    }
  });

  for (let i = 0; i + 1 < starts.length; i++) {
    passages.push({ start: Math.max(starts[i]!, ends[i]! - 15), end: Math.min(ends[i + 1]!, starts[i + 1]! + 15), why: 'paragraph break' });
  }

  for (const match of text.matchAll(/\S*[^\x00-\x7F]\S*/g)) {
    passages.push({ start: match.index, end: match.index + match[0].length, why: `non-ASCII word ${match[0]}` });
  }

  return passages.filter((p) => p.end > p.start);
}
