import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/// Where a passage was found, and by which step of the chain.
export interface Anchor {
  start: number;
  end: number;
  /// `position`: the stored offsets still hold the quote. `quote`: the quote
  /// was found elsewhere, chosen by its context and nearness.
  method: 'position' | 'quote';
}

// Scoring weights for choosing among several places that hold the quote.
// Context decides first: each matching character of prefix or suffix is
// worth one point, so a place with its full 32-character context on both
// sides (64 points) beats any place with less.
const contextWeight = 1;
// Nearness to the stored position only breaks ties between equal contexts:
// it adds under one point however near, so it can never outvote a single
// character of context.
const nearnessWeight = 0.99;
// Beyond this many occurrences the quote says too little to place it (a
// word repeated thousands of times); the position must then decide.
const maxOccurrences = 10_000;

/// Finds a passage in `text` by the fallback chain:
/// 1. the position selector, used only if the text there is the quote;
/// 2. the exact quote, disambiguated by prefix, suffix and nearness to the
///    stored position.
/// Returns `null` rather than a doubtful place: a missing anchor is shown
/// to the researcher as such, a wrong one silently misleads.
export function anchorPassage(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor | null {
  const exact = quote.exact;
  if (!exact) return null;
  if (position && position.start >= 0 && position.end <= text.length && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const start = bestOccurrence(text, quote, position?.start);
  return start === null ? null : { start, end: start + exact.length, method: 'quote' };
}

/// The start of the occurrence of `quote.exact` whose surroundings best
/// match the quote's prefix and suffix; `null` when the quote is absent.
export function bestOccurrence(text: string, quote: TextQuoteSelector, hint?: number): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  let count = 0;
  for (let at = text.indexOf(quote.exact); at >= 0 && count < maxOccurrences; at = text.indexOf(quote.exact, at + 1)) {
    count++;
    const before = commonSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix);
    const after = commonPrefixLength(text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length), quote.suffix);
    const nearness = hint === undefined ? 0 : 1 / (1 + Math.abs(at - hint));
    const score = contextWeight * (before + after) + nearnessWeight * nearness;
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best;
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
