import type { Match } from './fuzzy';
import type { Quote } from './scoring';
import { editDistance } from './similarity';

const wordChar = /[\p{L}\p{N}]/u;
// How far a match's edge may move to reach a word boundary: up to 4
// characters, and less for short quotes, so that snapping never turns a
// near-copy into other words.
const maxSnapDistance = 4;

/// Moves an edge of a match of `quote` in `text` that falls inside a word,
/// or that should be a word boundary because the quote's own edge was one,
/// to the nearest word boundary: an alignment is free to start mid-word
/// ("lthough" for a corrected "Inhough", "st of all" once OCR boxes are
/// dropped), a reader is not. An edge the quote itself had inside a word (a
/// selection of "no-Soviet" out of "Sino-Soviet") stays inside a word.
export function snapToWords(text: string, match: Match, quote: Quote): Match {
  const { exact, prefix, suffix } = quote;
  const startsWord = isWordEdge(prefix, exact, 'start');
  const endsWord = isWordEdge(exact, suffix, 'end');
  const isStart = (i: number) => i >= 0 && i < text.length && wordChar.test(text[i]!) && (i === 0 || !wordChar.test(text[i - 1]!));
  const isEnd = (i: number) => i > 0 && i <= text.length && wordChar.test(text[i - 1]!) && (i === text.length || !wordChar.test(text[i]!));
  const snapDistance = Math.min(maxSnapDistance, Math.floor(exact.length / 8));
  const nearest = (at: number, ok: (i: number) => boolean, score: (i: number) => number): number => {
    if (ok(at)) return at;
    let best = at;
    let bestCost = Infinity;
    for (let d = 1; d <= snapDistance; d++) {
      for (const i of [at - d, at + d]) {
        if (!ok(i)) continue;
        const cost = score(i) + d / 100;
        if (cost < bestCost) {
          bestCost = cost;
          best = i;
        }
      }
    }
    return best;
  };
  const head = exact.slice(0, 16);
  const tail = exact.slice(-16);
  const midWord = (i: number) => i > 0 && i < text.length && wordChar.test(text[i - 1]!) && wordChar.test(text[i]!);
  const start =
    startsWord || (midWord(match.start) && !isInsideWord(prefix, exact))
      ? nearest(match.start, isStart, (i) => editDistance(head, text.slice(i, i + head.length)))
      : match.start;
  const end =
    endsWord || (midWord(match.end) && !isInsideWord(exact, suffix))
      ? nearest(match.end, isEnd, (i) => editDistance(tail, text.slice(Math.max(0, i - tail.length), i)))
      : match.end;
  return start < end ? { start, end } : match;
}

/// Whether the quote begins (or ends) at a word boundary of its original text.
function isWordEdge(before: string, after: string, edge: 'start' | 'end'): boolean {
  const outside = edge === 'start' ? before.slice(-1) : after.slice(0, 1);
  const inside = edge === 'start' ? after.slice(0, 1) : before.slice(-1);
  return !wordChar.test(outside) && wordChar.test(inside);
}

/// Whether the text before and after a quote's edge are both word characters.
function isInsideWord(before: string, after: string): boolean {
  return wordChar.test(before.slice(-1)) && wordChar.test(after.slice(0, 1));
}
