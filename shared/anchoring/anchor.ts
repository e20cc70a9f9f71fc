import type { FuzzyBudget } from './budget';
import { type FoldedText, foldedOffset, originalRange } from '../text/folded';
import { normalizeForMatching, normalizeSnippet } from '../text/typography';
import { matchExact, matchFramed, onlyOccurrence } from './exact';
import { type Match, matchFuzzy, matchInContext } from './fuzzy';
import { isClear, maxErrorRate, minContextSimilarity, type Quote, type Scored } from './scoring';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { snapToWords } from './snap';
import { gramsOf, mayMatchApproximately, mayOccur } from './trigrams';

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
// A verbatim quote this close to the corrected position, with at least half
// its context, is the passage in place.
const inPlace = 16;

/// Finds a passage in a text by the fallback chain:
/// 1. the position selector, used only if the text there is the quote;
/// 2. close to the stored position: the stored context still framing a
///    near-copy of the quote (matchFramed); the exact quote whose context is
///    unchanged (matchExact); else the same with typography and white space
///    folded (see shared/text/typography.ts); else the best approximate
///    match (matchInContext, matchFuzzy), scored on quote, prefix, suffix
///    and position with the weights of scoring.ts;
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
///
/// `target`: an `AnchorText` when anchoring more than one passage in a text;
/// a plain string is normalized and indexed anew on every call, which for
/// a long text costs more than the search itself.
export function anchorPassage(target: AnchorText | string, quote: TextQuoteSelector, position?: TextPositionSelector, budget?: FuzzyBudget): Anchor | null {
  const source = typeof target === 'string' ? new AnchorText(target) : target;
  const { text } = source;
  const { exact } = quote;
  if (!exact) return null;
  if (position && position.start >= 0 && position.end <= text.length && position.start < position.end && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  // A quote longer than the text cannot be in it, and searching for a very
  // long one costs time in proportion to both lengths (a 20 MB quote took
  // 37 s): neither is searched for.
  if (exact.length > text.length || exact.length > maxQuoteLength) return null;
  const hint = position && Number.isFinite(position.start) ? Math.min(Math.max(0, position.start), text.length) : undefined;
  const folded = { exact: fold(exact), prefix: fold(quote.prefix), suffix: fold(quote.suffix) };
  if (!folded.exact.trim()) return anchorVerbatim(text, quote, hint);
  const passage = new Passage(source, quote, folded);
  return hint === undefined ? anchorAnywhere(passage, budget) : anchorNear(passage, hint);
}

/// One quote being anchored in one text: the quote as stored and folded,
/// and the anchors its matches in either text make.
class Passage {
  readonly text: string;
  readonly folded: FoldedText;
  constructor(
    readonly source: AnchorText,
    readonly quote: Quote,
    readonly foldedQuote: Quote,
  ) {
    this.text = source.text;
    this.folded = source.normalized;
  }
  /// The anchor of a verbatim occurrence of the quote.
  verbatim(at: number): Anchor {
    return { start: at, end: at + this.quote.exact.length, method: 'quote' };
  }
  /// The anchor of a verbatim occurrence of the folded quote.
  normalized(at: number): Anchor | null {
    return this.fromFolded({ start: at, end: at + this.foldedQuote.exact.length }, 'normalized');
  }
  /// The anchor of a match in the folded text, snapped to words; a match
  /// that is the quote verbatim is an exact find.
  fromFolded(match: Match, method: 'normalized' | 'fuzzy'): Anchor | null {
    const anchor = fromFolded(this.folded, snapToWords(this.folded.text, match, this.foldedQuote), method);
    return anchor && this.text.slice(anchor.start, anchor.end) === this.quote.exact ? { ...anchor, method: 'quote' } : anchor;
  }
  /// The anchor of the best approximate match in `range` of the folded text.
  fuzzy(range: [number, number], hint: number | undefined, requireContext: boolean): Anchor | null {
    const match = matchFuzzy(this.folded.text, this.foldedQuote, hint, range, requireContext);
    return match ? this.fromFolded(match, 'fuzzy') : null;
  }
}

/// The range reaching `reach` characters either side of a passage of
/// `size` characters at `at`, within a text of `length`.
function ring(length: number, at: number, reach: number, size: number): [number, number] {
  return [Math.max(0, at - reach), Math.min(length, at + size + reach)];
}

/// How far either side the wider window reaches in a text of `length`.
function windowReach(length: number): number {
  return Math.max(minWindow, Math.floor(length * windowShare));
}

/// No position: the best place in the whole text. Each step is skipped
/// where the text lacks a run of three characters of what it seeks (a set
/// lookup per run instead of reading the whole text), which changes no
/// result and makes a passage from another source cheap to rule out.
function anchorAnywhere(p: Passage, budget: FuzzyBudget | undefined): Anchor | null {
  const verbatim = mayOccur(p.source.trigrams, p.quote.exact) ? matchExact(p.text, p.quote) : null;
  if (verbatim) return p.verbatim(verbatim.at);
  const normalized = mayOccur(p.source.foldedTrigrams, p.foldedQuote.exact) ? matchExact(p.folded.text, p.foldedQuote) : null;
  if (normalized) return p.normalized(normalized.at);
  const foldedQuote = p.foldedQuote.exact;
  if (foldedQuote.length * maxErrorRate < 1 || !mayMatchApproximately(p.source.foldedTrigrams, foldedQuote)) return null;
  if (budget && !budget.take(p.folded.text.length)) return null;
  return p.fuzzy([0, p.folded.text.length], undefined, false);
}

/// With a stored position `hint`: steps 2 to 4 of the chain.
function anchorNear(p: Passage, hint: number): Anchor | null {
  const foldedHint = foldedOffset(p.folded, hint);
  return anchorClose(p, hint, foldedHint) ?? anchorInWindow(p, hint, foldedHint) ?? anchorFar(p, hint, foldedHint);
}

/// 2. Close to the stored position. Most revised passages changed in one
/// place only: when the stored context still frames the corrected position
/// and what it frames is a near-copy of the quote, that is the passage, and
/// no search is needed.
function anchorClose(p: Passage, hint: number, foldedHint: number): Anchor | null {
  const framed = matchFramed(p.text, p.quote, hint);
  if (framed) return { start: framed.start, end: framed.end, method: framed.exact ? 'quote' : 'fuzzy' };
  const { text, folded, quote, foldedQuote } = p;
  const verbatim = matchExact(text, quote, hint, ring(text.length, hint, closeReach, quote.exact.length));
  if (verbatim && verbatim.context === 1) return p.verbatim(verbatim.at);
  const closeFolded = ring(folded.text.length, foldedHint, closeReach, foldedQuote.exact.length);
  const normalized = matchExact(folded.text, foldedQuote, foldedHint, closeFolded);
  if (normalized && normalized.context === 1) return p.normalized(normalized.at);
  // The quote stands verbatim right where it was, with most of its context.
  if (verbatim && Math.abs(verbatim.at - hint) <= inPlace && verbatim.context >= minContextSimilarity) return p.verbatim(verbatim.at);
  // The context changed, or the quote did: search for both together.
  // Approximate search costs time in proportion to the text searched, and
  // a corrected stored position is usually within a few characters: look
  // right there first.
  for (const reach of [nearReach, fuzzyReach]) {
    const inContext = matchInContext(folded.text, foldedQuote, foldedHint, ring(folded.text.length, foldedHint, reach, foldedQuote.exact.length));
    const anchor = inContext && p.fromFolded(inContext, 'fuzzy');
    if (anchor) return anchor;
  }
  const close = p.fuzzy(ring(folded.text.length, foldedHint, fuzzyReach, foldedQuote.exact.length), foldedHint, true);
  if (close) return close;
  if (verbatim) return p.verbatim(verbatim.at);
  return normalized && p.normalized(normalized.at);
}

/// 3. The wider window: only a clear best place.
function anchorInWindow(p: Passage, hint: number, foldedHint: number): Anchor | null {
  const { text, folded, quote, foldedQuote } = p;
  const wide = matchExact(text, quote, hint, ring(text.length, hint, windowReach(text.length), quote.exact.length));
  if (wide && isClear(wide)) return p.verbatim(wide.at);
  const wideFolded = ring(folded.text.length, foldedHint, windowReach(folded.text.length), foldedQuote.exact.length);
  const wideNormalized = matchExact(folded.text, foldedQuote, foldedHint, wideFolded);
  if (wideNormalized && isClear(wideNormalized)) return p.normalized(wideNormalized.at);
  return wideFolded[1] - wideFolded[0] <= maxWideFuzzy ? p.fuzzy(wideFolded, foldedHint, true) : null;
}

/// 4. Far from where it was: only a passage that occurs once. A quote not
/// even in the folded text is nowhere (the common case: it was deleted).
function anchorFar(p: Passage, hint: number, foldedHint: number): Anchor | null {
  const { text, folded, quote, foldedQuote } = p;
  if (folded.text.indexOf(foldedQuote.exact) < 0) return null;
  const farExact = onlyOccurrence(text, quote.exact);
  if (farExact !== null && matchExact(text, quote, hint, [farExact, farExact + quote.exact.length]) !== null) return p.verbatim(farExact);
  const farFolded = onlyOccurrence(folded.text, foldedQuote.exact);
  if (farFolded !== null && matchExact(folded.text, foldedQuote, foldedHint, [farFolded, farFolded + foldedQuote.exact.length]) !== null) {
    return p.normalized(farFolded);
  }
  return null;
}

/// The chain for a quote that folding erases (nothing but OCR boxes or
/// white space): only its verbatim occurrences, by the same rings.
function anchorVerbatim(text: string, quote: Quote, hint: number | undefined): Anchor | null {
  const found = (place: Scored | null): Anchor | null => place && { start: place.at, end: place.at + quote.exact.length, method: 'quote' };
  if (hint === undefined) return found(matchExact(text, quote));
  const close = matchExact(text, quote, hint, ring(text.length, hint, closeReach, quote.exact.length));
  if (close) return found(close);
  const wide = matchExact(text, quote, hint, ring(text.length, hint, windowReach(text.length), quote.exact.length));
  if (wide && isClear(wide)) return found(wide);
  const far = onlyOccurrence(text, quote.exact);
  return far !== null ? found(matchExact(text, quote, hint, [far, far + quote.exact.length])) : null;
}

function fromFolded(folded: FoldedText, { start, end }: Match, method: Anchor['method']): Anchor | null {
  // Leave out white space the match took along at its edges.
  while (start < end && folded.text[start] === ' ') start++;
  while (end > start && folded.text[end - 1] === ' ') end--;
  if (start >= end) return null;
  return { ...originalRange(folded, start, end), method };
}
