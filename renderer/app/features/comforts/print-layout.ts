import { type Block, type Mark, spanText } from '../../../../shared/document/model';
import type { DocText } from '../../../../shared/document/text';

/// A stretch of a block's text, as the print view draws it: with the
/// block's inline marks, the annotations over it (by their number), and
/// the numbers of the annotations that end right after it.
export interface PrintPiece {
  text: string;
  marks: readonly Mark[];
  /// Numbers (1-based, in text order) of the annotations covering it,
  /// innermost last.
  covered: readonly number[];
  /// Numbers of the annotations ending here, as note references.
  ends: readonly number[];
}

/// Every block of a document cut into pieces at its marks and at the
/// edges of `annotations` (in text order: annotation n is `ordered[n-1]`).
/// The whole text, not a window of it: the print view shows all of it.
export function printPieces(blocks: readonly Block[], text: DocText, ordered: readonly { position: { start: number; end: number } }[]): PrintPiece[][] {
  // Edges of all annotations, sorted, so each block reads only its own.
  const starts = ordered.map((a, i) => ({ at: a.position.start, n: i + 1 })).sort((a, b) => a.at - b.at);
  const ends = ordered.map((a, i) => ({ at: a.position.end, n: i + 1 })).sort((a, b) => a.at - b.at || b.n - a.n);
  const active: number[] = [];
  let s = 0;
  let e = 0;
  return blocks.map((block, index) => {
    const blockStart = text.starts[index]!;
    const blockEnd = text.ends[index]!;
    const pieces: PrintPiece[] = [];
    // Cuts inside this block: span edges and annotation edges.
    const cuts = new Set<number>([blockStart, blockEnd]);
    let offset = blockStart;
    for (const span of block.spans) {
      offset += span.text.length;
      cuts.add(offset);
    }
    for (let i = s; i < starts.length && starts[i]!.at < blockEnd; i++) if (starts[i]!.at > blockStart) cuts.add(starts[i]!.at);
    for (let i = e; i < ends.length && ends[i]!.at < blockEnd; i++) if (ends[i]!.at > blockStart) cuts.add(ends[i]!.at);
    const sorted = [...cuts].sort((a, b) => a - b);
    let spanIndex = 0;
    let spanStart = blockStart;
    for (let c = 0; c < sorted.length; c++) {
      const at = sorted[c]!;
      // Annotations ending at `at` close before those starting there open.
      const ending: number[] = [];
      while (e < ends.length && ends[e]!.at <= at) {
        const n = ends[e]!.n;
        const k = active.indexOf(n);
        if (k >= 0) active.splice(k, 1);
        // An annotation ending in the gap between blocks is referenced at
        // the end of the block it ends in.
        ending.push(n);
        e++;
      }
      if (ending.length > 0) {
        const last = pieces[pieces.length - 1];
        if (last) pieces[pieces.length - 1] = { ...last, ends: [...last.ends, ...ending.sort((a, b) => a - b)] };
        else if (index > 0) pieces.push({ text: '', marks: [], covered: [], ends: ending.sort((a, b) => a - b) });
      }
      while (s < starts.length && starts[s]!.at <= at) {
        // An empty annotation ends where it starts: nothing to cover.
        if (ordered[starts[s]!.n - 1]!.position.end > at) active.push(starts[s]!.n);
        s++;
      }
      const next = sorted[c + 1];
      if (next === undefined) break;
      while (spanIndex < block.spans.length && spanStart + block.spans[spanIndex]!.text.length <= at) {
        spanStart += block.spans[spanIndex]!.text.length;
        spanIndex++;
      }
      const span = block.spans[spanIndex];
      if (!span) continue;
      pieces.push({ text: spanText(span).slice(at - spanStart, next - spanStart), marks: span.marks, covered: [...active], ends: [] });
    }
    return pieces;
  });
}
