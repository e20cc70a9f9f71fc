import search from 'approx-string-match';
import type { FuzzyBudget } from './budget';
import { type FoldedText, foldedOffset, originalRange } from '../text/folded';
import { normalizeForMatching, normalizeSnippet } from '../text/typography';
import { indexWithin, occurrencesWithin } from './occurrences';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { editDistance, similarity } from './similarity';

/// The longest quote anchoring searches for: a few pages of text. A longer
/// one is found only where its stored position still holds it verbatim.
/// Importers should refuse such a quote with its path (see quoteTooLong).
export const maxQuoteLength = 20_000;

/// Why a quote cannot be anchored in a text of `textLength` characters,
/// in words for the researcher, or `null` when it can be searched for.
export function quoteTooLong(quote: string, textLength: number): string | null {
  if (quote.length > maxQuoteLength)
    return `the quoted text is ${quote.length.toLocaleString('en-GB')} characters long; a passage may quote at most ${maxQuoteLength.toLocaleString('en-GB')}`;
  if (quote.length > textLength)
    return `the quoted text (${quote.length.toLocaleString('en-GB')} characters) is longer than the whole document (${textLength.toLocaleString('en-GB')})`;
  return null;
}

/// Where a passage was found, and by which step of the chain.
export interface Anchor {
  start: number;
  end: number;
  /// `position`: the stored offsets still hold the quote. `quote`: the quote
  /// was found verbatim elsewhere. `normalized`: found once quotes, dashes,
  /// soft hyphens, OCR boxes and line wrapping are folded away. `fuzzy`:
  /// found with a few differing characters (a corrected typo).
  method: 'position' | 'quote' | 'normalized' | 'fuzzy';
}

export type AnchorStatus = 'exact' | 'fuzzy' | 'orphaned';

/// What a researcher is told of an anchor: found as it was, found changed,
/// or not found.
export function anchorStatus(anchor: Anchor | null): AnchorStatus {
  if (!anchor) return 'orphaned';
  return anchor.method === 'position' || anchor.method === 'quote' ? 'exact' : 'fuzzy';
}

/// A text prepared for anchoring many passages: its normalized form is
/// computed once, on first need.
export class AnchorText {
  private folded: FoldedText | null = null;
  private rawGrams: Set<number> | null = null;
  private foldedGrams: Set<number> | null = null;
  constructor(readonly text: string) {}
  get normalized(): FoldedText {
    this.folded ??= normalizeForMatching(this.text);
    return this.folded;
  }
  /// Every run of three characters of the text, as numbers (see `gram`).
  get trigrams(): Set<number> {
    this.rawGrams ??= gramsOf(this.text);
    return this.rawGrams;
  }
  /// Every run of three characters of the normalized text.
  get foldedTrigrams(): Set<number> {
    this.foldedGrams ??= gramsOf(this.normalized.text);
    return this.foldedGrams;
  }
}

const gramLength = 3;

// Three UTF-16 units as one small integer, so a set of them is looked up
// without making strings: exact for units below 1,024 (Latin, Greek,
// Cyrillic), and otherwise folded together. Runs that fold together only
// make a check below answer "may occur" more often, never wrongly "no".
function gram(s: string, i: number): number {
  return ((s.charCodeAt(i) << 20) ^ (s.charCodeAt(i + 1) << 10) ^ s.charCodeAt(i + 2)) & 0x3fff_ffff;
}

function gramsOf(s: string): Set<number> {
  const grams = new Set<number>();
  for (let i = 0; i + gramLength <= s.length; i++) grams.add(gram(s, i));
  return grams;
}

// The last snippets folded: one passage is anchored in document after
// document (a foreign annotation is tried in every one), with the same quote.
const folds = new Map<string, string>();
function fold(snippet: string): string {
  let folded = folds.get(snippet);
  if (folded === undefined) {
    if (folds.size >= 16) folds.clear();
    folds.set(snippet, (folded = normalizeSnippet(snippet)));
  }
  return folded;
}

/// Whether every run of three characters of `needle` occurs in a text whose
/// runs are `grams`: when one does not, neither does `needle`.
function mayOccur(grams: Set<number>, needle: string): boolean {
  for (let i = 0; i + gramLength <= needle.length; i++) if (!grams.has(gram(needle, i))) return false;
  return true;
}

/// Whether a normalized quote can have an approximate match in the text at
/// all. A match with at most k edits leaves at least m + 1 - (k + 1)·q of
/// the quote's m - q + 1 runs of q characters untouched (each edit spoils at
/// most q of them), and those runs occur in the text: when fewer of them
/// occur anywhere in it, no match exists, and the costly search is skipped
/// without changing any result.
export function mayMatchApproximately(text: AnchorText, foldedQuote: string): boolean {
  const maxErrors = Math.floor(foldedQuote.length * maxErrorRate);
  const needed = foldedQuote.length + 1 - (maxErrors + 1) * gramLength;
  if (needed <= 0) return true;
  const grams = text.foldedTrigrams;
  let present = 0;
  let absent = 0;
  const total = foldedQuote.length - gramLength + 1;
  for (let i = 0; i < total; i++) {
    if (grams.has(gram(foldedQuote, i))) {
      if (++present >= needed) return true;
    } else if (++absent > total - needed) return false;
  }
  return present >= needed;
}

// Scoring weights, after Hypothesis's match-quote.ts. The quote itself
// counts most; its context tells apart repeated or similar passages; the
// stored position only breaks near-ties, because after a revision it is the
// least reliable of the three.
const quoteWeight = 50;
const prefixWeight = 20;
const suffixWeight = 20;
const positionWeight = 2;

// Precision over recall: a missing anchor is shown to the researcher as an
// orphan to re-attach, while a wrong one silently puts their note on someone
// else's words. So a match must clear all of these bars.
//
// A quote at least this long identifies its passage by itself; shorter
// quotes ("Hoxha", "the bloc") must also keep at least half their context.
const selfIdentifyingLength = 32;
const minContextSimilarity = 0.5;
// At most this share of a quote may differ in a fuzzy match (typos fixed,
// a word re-spelled), and its weighted score must reach `minFuzzyScore`.
const maxErrorRate = 0.2;
const minFuzzyScore = 0.75;
// Searching for quote and context together allows this share of the
// context to differ on top: a revision touching a passage's surroundings
// leaves most of them.
const maxContextErrorRate = 0.25;
// Revisions move text little, so with a stored position the search goes
// out in rings: first close to it, where an exact, folded or fuzzy match is
// taken; then a wider window, where only a clear best place is taken; then
// the whole text, where only a place that is the only one is taken. This
// keeps a passage whose own words changed from jumping to a verbatim copy a
// few pages away (boilerplate, a repeated citation, a document pasted
// twice), and keeps the search fast in megabyte documents.
// The close ring, either side of the stored position, for verbatim and
// folded matches; the smaller rings for approximate matches, the near one
// searched first. Approximate search costs time in proportion to the text
// searched, and a passage that is nowhere (deleted in the revision) pays
// for every ring: on the benchmark's revision, rings of 1,024 found the
// same anchors as rings of 4,096, in a sixth less time.
export const closeReach = 4096;
const fuzzyReach = 1024;
const nearReach = 256;
// The window: 5% of the text either side, and never less than this.
const minWindow = 10_000;
const windowShare = 0.05;
// Fuzzy search beyond the close ring only in a window up to this long: it
// costs time in proportion to the text searched.
const maxWideFuzzy = 64_000;
// A frame of context taken as proof of place: each side at least this long
// and standing verbatim within `frameSlack` characters of where the
// corrected position puts it.
const minFrame = 8;
const frameSlack = 16;
// A verbatim quote this close to the corrected position, with at least half
// its context, is the passage in place.
const inPlace = 16;
// Beyond the close ring, a place is clear when every other occurrence's
// context similarity is at least this much lower.
const clearMargin = 0.1;
// Beyond this many verbatim occurrences, only those nearest the stored
// position are scored: a quote repeated thousands of times says little.
const maxScoredOccurrences = 1000;

/// Finds a passage in a text by the fallback chain:
/// 1. the position selector, used only if the text there is the quote;
/// 2. close to the stored position: the exact quote whose context is
///    unchanged; else the same with typography and white space folded (see
///    shared/text/typography.ts); else the best approximate match (Myers' bit-parallel
///    algorithm, which also sees the exact and folded occurrences), scored
///    on quote, prefix, suffix and position with the weights above;
/// 3. in a wider window: the exact, then folded, quote, only where one place
///    is clearly best by its context, then a fuzzy match if the window is
///    small enough to search;
/// 4. anywhere in the text, but only an occurrence that is the only one
///    (exact, then folded): a passage moved far is found, while a passage
///    deleted from one of several copies is not placed on another.
/// Without a stored position, steps 2–3 search the whole text at once;
/// the approximate search of the whole text is then made only where the
/// text holds enough of the quote to possibly match (mayMatchApproximately)
/// and, given a `budget`, only while the budget lasts (see budget.ts).
/// Returns `null` rather than a doubtful place.
export function anchorPassage(target: AnchorText | string, quote: TextQuoteSelector, position?: TextPositionSelector, budget?: FuzzyBudget): Anchor | null {
  const source = typeof target === 'string' ? new AnchorText(target) : target;
  const text = source.text;
  const exact = quote.exact;
  if (!exact) return null;
  if (position && position.start >= 0 && position.end <= text.length && position.start < position.end && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  // A quote longer than the text cannot be in it, and searching for a very
  // long one costs time in proportion to both lengths (a 20 MB quote took
  // 37 s): neither is searched for.
  if (exact.length > text.length || exact.length > maxQuoteLength) return null;
  const hint = position && Number.isFinite(position.start) ? Math.min(Math.max(0, position.start), text.length) : undefined;

  const folded = source.normalized;
  const foldedQuote = fold(exact);
  if (!foldedQuote.trim()) return anchorVerbatim(text, quote, hint);
  const foldedPrefix = fold(quote.prefix);
  const foldedSuffix = fold(quote.suffix);
  const foldedHint = hint === undefined ? undefined : foldedOffset(folded, hint);
  const ring = (length: number, at: number | undefined, reach: number, size: number): [number, number] =>
    at === undefined ? [0, length] : [Math.max(0, at - reach), Math.min(length, at + size + reach)];
  const windowReach = (length: number) => Math.max(minWindow, Math.floor(length * windowShare));

  const snap = (match: { start: number; end: number }) =>
    snapToWords(folded.text, match, foldedQuote, isWordEdge(foldedPrefix, foldedQuote, 'start'), isWordEdge(foldedQuote, foldedSuffix, 'end'), {
      start: isInsideWord(foldedPrefix, foldedQuote),
      end: isInsideWord(foldedQuote, foldedSuffix),
    });
  const fromFoldedMatch = (match: { start: number; end: number }, method: 'normalized' | 'fuzzy'): Anchor | null => {
    const anchor = fromFolded(folded, snap(match), method);
    // A fuzzy or folded match that is the quote verbatim is an exact find.
    return anchor && text.slice(anchor.start, anchor.end) === exact ? { ...anchor, method: 'quote' } : anchor;
  };
  const fuzzyIn = (range: [number, number], requireContext: boolean) => {
    const match = fuzzyMatch(folded.text, foldedQuote, foldedPrefix, foldedSuffix, foldedHint, range, requireContext);
    return match ? fromFoldedMatch(match, 'fuzzy') : null;
  };

  if (hint === undefined || foldedHint === undefined) {
    // No position: the best place in the whole text. Each step is skipped
    // where the text lacks a run of three characters of what it seeks (a
    // set lookup per run instead of reading the whole text), which changes
    // no result and makes a passage from another source cheap to rule out.
    const verbatim = mayOccur(source.trigrams, exact) ? scoreOccurrences(text, exact, quote.prefix, quote.suffix, undefined) : null;
    if (verbatim) return { start: verbatim.at, end: verbatim.at + exact.length, method: 'quote' };
    const normalizedAt = mayOccur(source.foldedTrigrams, foldedQuote)
      ? scoreOccurrences(folded.text, foldedQuote, foldedPrefix, foldedSuffix, undefined)
      : null;
    if (normalizedAt) return fromFoldedMatch({ start: normalizedAt.at, end: normalizedAt.at + foldedQuote.length }, 'normalized');
    if (foldedQuote.length * maxErrorRate < 1 || !mayMatchApproximately(source, foldedQuote)) return null;
    if (budget && !budget.take(folded.text.length)) return null;
    return fuzzyIn([0, folded.text.length], false);
  }

  // 2. Close to the stored position. Most revised passages changed in one
  // place only: when the stored context still frames the corrected position
  // and what it frames is a near-copy of the quote, that is the passage, and
  // no search is needed.
  const framed = framedByContext(text, quote, hint);
  if (framed) return framed;
  const verbatim = scoreOccurrences(text, exact, quote.prefix, quote.suffix, hint, ring(text.length, hint, closeReach, exact.length));
  if (verbatim && verbatim.context === 1) return { start: verbatim.at, end: verbatim.at + exact.length, method: 'quote' };
  const closeFolded = ring(folded.text.length, foldedHint, closeReach, foldedQuote.length);
  const normalizedAt = scoreOccurrences(folded.text, foldedQuote, foldedPrefix, foldedSuffix, foldedHint, closeFolded);
  if (normalizedAt && normalizedAt.context === 1) return fromFoldedMatch({ start: normalizedAt.at, end: normalizedAt.at + foldedQuote.length }, 'normalized');
  // The quote stands verbatim right where it was, with most of its context.
  if (verbatim && Math.abs(verbatim.at - hint) <= inPlace && verbatim.context >= minContextSimilarity) {
    return { start: verbatim.at, end: verbatim.at + exact.length, method: 'quote' };
  }
  // The context changed, or the quote did. Searching for quote and context
  // together weighs both, so a changed passage in place beats a verbatim
  // copy nearby whose context differs (a quote-only search reports only
  // the matches with the fewest errors, and would take the copy).
  // Approximate search costs time in proportion to the text searched, and
  // a corrected stored position is usually within a few characters: look
  // right there first.
  const fuzzyRing = ring(folded.text.length, foldedHint, fuzzyReach, foldedQuote.length);
  for (const reach of [nearReach, fuzzyReach]) {
    const inContext = contextMatch(
      folded.text,
      foldedQuote,
      foldedPrefix,
      foldedSuffix,
      foldedHint,
      ring(folded.text.length, foldedHint, reach, foldedQuote.length),
    );
    const anchor = inContext && fromFoldedMatch(inContext, 'fuzzy');
    if (anchor) return anchor;
  }
  const close = fuzzyIn(fuzzyRing, true);
  if (close) return close;
  if (verbatim) return { start: verbatim.at, end: verbatim.at + exact.length, method: 'quote' };
  if (normalizedAt) return fromFoldedMatch({ start: normalizedAt.at, end: normalizedAt.at + foldedQuote.length }, 'normalized');

  // 3. The wider window: only a clear best place.
  const wide = scoreOccurrences(text, exact, quote.prefix, quote.suffix, hint, ring(text.length, hint, windowReach(text.length), exact.length));
  if (wide && isClear(wide)) return { start: wide.at, end: wide.at + exact.length, method: 'quote' };
  const wideFolded = ring(folded.text.length, foldedHint, windowReach(folded.text.length), foldedQuote.length);
  const wideNormalized = scoreOccurrences(folded.text, foldedQuote, foldedPrefix, foldedSuffix, foldedHint, wideFolded);
  if (wideNormalized && isClear(wideNormalized))
    return fromFoldedMatch({ start: wideNormalized.at, end: wideNormalized.at + foldedQuote.length }, 'normalized');
  if (wideFolded[1] - wideFolded[0] <= maxWideFuzzy) {
    const fuzzy = fuzzyIn(wideFolded, true);
    if (fuzzy) return fuzzy;
  }

  // 4. Far from where it was: only a passage that occurs once. A quote not
  // even in the folded text is nowhere (the common case: it was deleted).
  if (folded.text.indexOf(foldedQuote) < 0) return null;
  const farExact = onlyOccurrence(text, exact);
  if (farExact !== null && scoreOccurrences(text, exact, quote.prefix, quote.suffix, hint, [farExact, farExact + exact.length]) !== null) {
    return { start: farExact, end: farExact + exact.length, method: 'quote' };
  }
  const farFolded = onlyOccurrence(folded.text, foldedQuote);
  if (
    farFolded !== null &&
    scoreOccurrences(folded.text, foldedQuote, foldedPrefix, foldedSuffix, foldedHint, [farFolded, farFolded + foldedQuote.length]) !== null
  ) {
    return fromFoldedMatch({ start: farFolded, end: farFolded + foldedQuote.length }, 'normalized');
  }
  return null;
}

/// The passage between the stored prefix, ending at or near `hint`, and the
/// stored suffix, when both stand unchanged there and what lies between
/// them is a near-copy of the quote (a typo corrected, a word inserted);
/// `null` otherwise.
function framedByContext(text: string, quote: TextQuoteSelector, hint: number): Anchor | null {
  const { exact, prefix, suffix } = quote;
  if (prefix.length < minFrame || suffix.length < minFrame) return null;
  const maxErrors = Math.floor(exact.length * maxErrorRate);
  const before = indexWithin(text, prefix, [hint - prefix.length - frameSlack, hint + frameSlack]);
  if (before < 0) return null;
  const start = before + prefix.length;
  const end = indexWithin(text, suffix, [Math.max(start + 1, start + exact.length - maxErrors), start + exact.length + maxErrors + suffix.length]);
  if (end < 0) return null;
  const found = text.slice(start, end);
  if (found === exact) return { start, end, method: 'quote' };
  return maxErrors > 0 && editDistance(found, exact) <= maxErrors ? { start, end, method: 'fuzzy' } : null;
}

/// The chain for a quote that folding erases (nothing but OCR boxes or
/// white space): only its verbatim occurrences, by the same rings.
function anchorVerbatim(text: string, quote: TextQuoteSelector, hint: number | undefined): Anchor | null {
  const { exact, prefix, suffix } = quote;
  const found = (at: number): Anchor => ({ start: at, end: at + exact.length, method: 'quote' });
  if (hint === undefined) {
    const best = scoreOccurrences(text, exact, prefix, suffix, undefined);
    return best && found(best.at);
  }
  const close = scoreOccurrences(text, exact, prefix, suffix, hint, [Math.max(0, hint - closeReach), Math.min(text.length, hint + exact.length + closeReach)]);
  if (close) return found(close.at);
  const reach = Math.max(minWindow, Math.floor(text.length * windowShare));
  const wide = scoreOccurrences(text, exact, prefix, suffix, hint, [Math.max(0, hint - reach), Math.min(text.length, hint + exact.length + reach)]);
  if (wide && isClear(wide)) return found(wide.at);
  const far = onlyOccurrence(text, exact);
  return far !== null && scoreOccurrences(text, exact, prefix, suffix, hint, [far, far + exact.length]) ? found(far) : null;
}

/// Whether a place found beyond the close ring can be trusted: its context
/// is at least half the stored one, and no other occurrence comes near it.
function isClear(found: { context: number; runnerUp: number }): boolean {
  return found.context >= minContextSimilarity && found.runnerUp <= found.context - clearMargin;
}

/// The start of `needle` in `text` when it occurs there exactly once.
function onlyOccurrence(text: string, needle: string): number | null {
  const first = text.indexOf(needle);
  if (first < 0 || text.indexOf(needle, first + 1) >= 0) return null;
  return first;
}

/// The occurrence of `exact` in `text` whose surroundings best match
/// `prefix` and `suffix` (nearness to `hint` breaking ties), with the
/// context similarity of the place chosen and the best among the other
/// occurrences (-1 for none); `null` when it does not occur, or when a short
/// quote's best context is too unlike the stored one to trust.
function scoreOccurrences(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint?: number,
  range: [number, number] = [0, text.length],
): { at: number; context: number; runnerUp: number } | null {
  const starts = occurrencesWithin(text, exact, range);
  if (starts.length === 0) return null;
  if (starts.length > maxScoredOccurrences && hint !== undefined) {
    starts.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint));
    starts.length = maxScoredOccurrences;
  }
  let best: number | null = null;
  let bestScore = -Infinity;
  let bestContext = 0;
  const contexts: number[] = [];
  for (const at of starts) {
    const context = contextSimilarity(text, at, at + exact.length, prefix, suffix);
    contexts.push(context);
    const score = (prefixWeight + suffixWeight) * context + positionWeight * nearness(at, hint, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = at;
      bestContext = context;
    }
  }
  let runnerUp = -1;
  starts.forEach((at, i) => {
    if (at !== best) runnerUp = Math.max(runnerUp, contexts[i]!);
  });
  const hasContext = prefix.length + suffix.length > 0;
  if (exact.length < selfIdentifyingLength && hasContext && bestContext < minContextSimilarity) return null;
  if (exact.length < selfIdentifyingLength && !hasContext && starts.length > 1) return null;
  return best === null ? null : { at: best, context: bestContext, runnerUp };
}

/// The best approximate match of `quote` in `range` of `text`, or `null`
/// when none clears the bars above.
///
/// `requireContext`: every match must keep at least half its context, as
/// short quotes always must.
export function fuzzyMatch(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint?: number,
  range: [number, number] = [0, text.length],
  requireContext = false,
): { start: number; end: number } | null {
  const maxErrors = Math.floor(quote.length * maxErrorRate);
  if (maxErrors < 1) return null;
  for (const [from, to] of [range]) {
    let best: { start: number; end: number; score: number } | null = null;
    for (const match of search(text.slice(from, to), quote, maxErrors)) {
      const start = from + match.start;
      const end = from + match.end;
      const quoteScore = 1 - match.errors / quote.length;
      const before = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 1;
      const after = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : 1;
      const context = (before * prefix.length + after * suffix.length) / Math.max(1, prefix.length + suffix.length);
      if ((requireContext || quote.length < selfIdentifyingLength) && context < minContextSimilarity) continue;
      const score =
        (quoteWeight * quoteScore + prefixWeight * before + suffixWeight * after + positionWeight * nearness(start, hint, text.length)) /
        (quoteWeight + prefixWeight + suffixWeight + positionWeight);
      if (score >= minFuzzyScore && (!best || score > best.score)) best = { start, end, score };
    }
    if (best) return { start: best.start, end: best.end };
  }
  return null;
}

/// The best approximate match of `quote` inside the best approximate match
/// of `prefix + quote + suffix` in `range`, or `null` when the context
/// changed too much to search by it or no match clears the bars above.
function contextMatch(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  range: [number, number],
): { start: number; end: number } | null {
  if (!prefix && !suffix) return null;
  const maxErrors = Math.floor(quote.length * maxErrorRate + (prefix.length + suffix.length) * maxContextErrorRate);
  const [from, to] = range;
  let region: { start: number; end: number } | null = null;
  for (const match of search(text.slice(from, to), prefix + quote + suffix, maxErrors)) {
    // All reported matches have the fewest errors found: take the nearest.
    const start = from + match.start;
    if (!region || (hint !== undefined && Math.abs(start - hint) < Math.abs(region.start - hint))) region = { start, end: from + match.end };
  }
  if (!region) return null;
  return fuzzyMatch(text, quote, prefix, suffix, hint, [region.start, region.end], true);
}

const wordChar = /[\p{L}\p{N}]/u;
// How far a match's edge may move to reach a word boundary: up to 4
// characters, and less for short quotes, so that snapping never turns a
// near-copy into other words.
const maxSnapDistance = 4;

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

/// Moves an edge of a match that falls inside a word, or that should be a
/// word boundary because the quote's own edge was one, to the nearest word
/// boundary: an alignment is free to start mid-word ("lthough" for a
/// corrected "Inhough", "st of all" once OCR boxes are dropped), a reader
/// is not.
///
/// `inWord`: the quote's own edge was inside a word (a selection of "no-Soviet"
/// out of "Sino-Soviet"): that edge stays inside a word.
function snapToWords(
  text: string,
  match: { start: number; end: number },
  quote: string,
  startsWord: boolean,
  endsWord: boolean,
  inWord: { start: boolean; end: boolean },
): { start: number; end: number } {
  const isStart = (i: number) => i >= 0 && i < text.length && wordChar.test(text[i]!) && (i === 0 || !wordChar.test(text[i - 1]!));
  const isEnd = (i: number) => i > 0 && i <= text.length && wordChar.test(text[i - 1]!) && (i === text.length || !wordChar.test(text[i]!));
  const snapDistance = Math.min(maxSnapDistance, Math.floor(quote.length / 8));
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
  const head = quote.slice(0, 16);
  const tail = quote.slice(-16);
  const midWord = (i: number) => i > 0 && i < text.length && wordChar.test(text[i - 1]!) && wordChar.test(text[i]!);
  const start =
    startsWord || (midWord(match.start) && !inWord.start)
      ? nearest(match.start, isStart, (i) => editDistance(head, text.slice(i, i + head.length)))
      : match.start;
  const end =
    endsWord || (midWord(match.end) && !inWord.end)
      ? nearest(match.end, isEnd, (i) => editDistance(tail, text.slice(Math.max(0, i - tail.length), i)))
      : match.end;
  return start < end ? { start, end } : match;
}

/// How well the text around `[start, end)` matches the stored context,
/// weighted by the context's length; 1 when there is no context.
function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  // Verbatim context is the common case: skip the edit distance then.
  const b = before === prefix ? 1 : similarity(prefix, before);
  const a = after === suffix ? 1 : similarity(suffix, after);
  return (b * prefix.length + a * suffix.length) / total;
}

function nearness(at: number, hint: number | undefined, length: number): number {
  return hint === undefined ? 0 : 1 - Math.min(1, Math.abs(at - hint) / Math.max(1, length));
}

function fromFolded(folded: FoldedText, { start, end }: { start: number; end: number }, method: Anchor['method']): Anchor | null {
  // Leave out white space the match took along at its edges.
  while (start < end && folded.text[start] === ' ') start++;
  while (end > start && folded.text[end - 1] === ' ') end--;
  if (start >= end) return null;
  return { ...originalRange(folded, start, end), method };
}
