import type { TextQuoteSelector } from './selectors';
import { similarity } from './similarity';

/// A quote and its context, as stored or as folded for matching.
export type Quote = Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>;

// Scoring weights, after Hypothesis's match-quote.ts. The quote itself
// counts most; its context tells apart repeated or similar passages; the
// stored position only breaks near-ties, because after a revision it is the
// least reliable of the three.
/// Weight of how much of the quote a fuzzy match keeps.
export const quoteWeight = 50;
/// Weight of how much of the stored prefix stands before a match.
export const prefixWeight = 20;
/// Weight of how much of the stored suffix stands after a match.
export const suffixWeight = 20;
/// Weight of how near a match is to the stored position.
export const positionWeight = 2;

// Precision over recall: a missing anchor is shown to the researcher as an
// orphan to re-attach, while a wrong one silently puts their note on someone
// else's words. So a match must clear all of these bars.

/// A quote at least this long identifies its passage by itself; shorter
/// quotes ("Hoxha", "the bloc") must also keep at least half their context.
export const selfIdentifyingLength = 32;
/// The least context similarity a short quote's match must keep.
export const minContextSimilarity = 0.5;
/// At most this share of a quote may differ in a fuzzy match (typos fixed,
/// a word re-spelled), and its weighted score must reach `minFuzzyScore`.
export const maxErrorRate = 0.2;
/// The least weighted score of a fuzzy match, from 0 to 1.
export const minFuzzyScore = 0.75;
/// Searching for quote and context together allows this share of the
/// context to differ on top: a revision touching a passage's surroundings
/// leaves most of them.
export const maxContextErrorRate = 0.25;
/// Beyond the close ring, a place is clear when every other occurrence's
/// context similarity is at least this much lower.
export const clearMargin = 0.1;

/// A verbatim occurrence chosen among several: where it starts, how well its
/// context matches the stored one, and the best context among the others
/// (-1 for none).
export interface Scored {
  at: number;
  context: number;
  runnerUp: number;
}

/// How well the text around `[start, end)` matches the stored context,
/// weighted by the context's length; 1 when there is no context.
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  // Verbatim context is the common case: skip the edit distance then.
  const b = before === prefix ? 1 : similarity(prefix, before);
  const a = after === suffix ? 1 : similarity(suffix, after);
  return (b * prefix.length + a * suffix.length) / total;
}

/// How near `at` is to the stored position `hint`, from 0 (a whole text
/// away, or no position) to 1 (right there).
export function nearness(at: number, hint: number | undefined, length: number): number {
  return hint === undefined ? 0 : 1 - Math.min(1, Math.abs(at - hint) / Math.max(1, length));
}

/// Whether a place found beyond the close ring can be trusted: its context
/// is at least half the stored one, and no other occurrence comes near it.
export function isClear(found: Scored): boolean {
  return found.context >= minContextSimilarity && found.runnerUp <= found.context - clearMargin;
}
