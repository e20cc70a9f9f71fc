import search from 'approx-string-match';
import {
  maxContextErrorRate,
  maxErrorRate,
  minContextSimilarity,
  minFuzzyScore,
  nearness,
  positionWeight,
  prefixWeight,
  type Quote,
  quoteWeight,
  selfIdentifyingLength,
  suffixWeight,
} from './scoring';
import { similarity } from './similarity';

/// A range of a text a match covers.
export interface Match {
  start: number;
  end: number;
}

/// The best approximate match of `quote.exact` in `range` of `text` (Myers'
/// bit-parallel algorithm, approx-string-match), scored on quote, prefix,
/// suffix and nearness to `hint` with the weights of scoring.ts, or `null`
/// when none clears the bars there.
///
/// `requireContext`: every match must keep at least half its context, as
/// short quotes always must.
export function matchFuzzy(text: string, quote: Quote, hint?: number, range: [number, number] = [0, text.length], requireContext = false): Match | null {
  const { exact, prefix, suffix } = quote;
  const maxErrors = Math.floor(exact.length * maxErrorRate);
  if (maxErrors < 1) return null;
  const [from, to] = range;
  let best: (Match & { score: number }) | null = null;
  for (const match of search(text.slice(from, to), exact, maxErrors)) {
    const start = from + match.start;
    const end = from + match.end;
    const quoteScore = 1 - match.errors / exact.length;
    const before = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 1;
    const after = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : 1;
    const context = (before * prefix.length + after * suffix.length) / Math.max(1, prefix.length + suffix.length);
    if ((requireContext || exact.length < selfIdentifyingLength) && context < minContextSimilarity) continue;
    const score =
      (quoteWeight * quoteScore + prefixWeight * before + suffixWeight * after + positionWeight * nearness(start, hint, text.length)) /
      (quoteWeight + prefixWeight + suffixWeight + positionWeight);
    if (score >= minFuzzyScore && (!best || score > best.score)) best = { start, end, score };
  }
  return best && { start: best.start, end: best.end };
}

/// The best approximate match of the quote inside the best approximate
/// match of `prefix + exact + suffix` in `range`, or `null` when there is
/// no context, it changed too much to search by it, or no match clears the
/// bars. Searching for quote and context together weighs both, so a changed
/// passage in place beats a verbatim copy nearby whose context differs (a
/// quote-only search reports only the matches with the fewest errors).
export function matchInContext(text: string, quote: Quote, hint: number | undefined, range: [number, number]): Match | null {
  const { exact, prefix, suffix } = quote;
  if (!prefix && !suffix) return null;
  const maxErrors = Math.floor(exact.length * maxErrorRate + (prefix.length + suffix.length) * maxContextErrorRate);
  const [from, to] = range;
  let region: Match | null = null;
  for (const match of search(text.slice(from, to), prefix + exact + suffix, maxErrors)) {
    // All reported matches have the fewest errors found: take the nearest.
    const start = from + match.start;
    if (!region || (hint !== undefined && Math.abs(start - hint) < Math.abs(region.start - hint))) region = { start, end: from + match.end };
  }
  if (!region) return null;
  return matchFuzzy(text, quote, hint, [region.start, region.end], true);
}
