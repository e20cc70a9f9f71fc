import { indexWithin, occurrencesWithin } from './occurrences';
import {
  contextSimilarity,
  maxErrorRate,
  minContextSimilarity,
  nearness,
  positionWeight,
  prefixWeight,
  type Quote,
  type Scored,
  selfIdentifyingLength,
  suffixWeight,
} from './scoring';
import { editDistance } from './similarity';

// Beyond this many verbatim occurrences, only those nearest the stored
// position are scored: a quote repeated thousands of times says little.
const maxScoredOccurrences = 1000;

/// The verbatim occurrence of `quote.exact` in `range` of `text` whose
/// surroundings best match the stored prefix and suffix (nearness to `hint`
/// breaking ties), scored with the context weights; `null` when it does not
/// occur, or when a short quote's best context is too unlike the stored one
/// to trust (or, with no context, when it occurs more than once).
export function matchExact(text: string, quote: Quote, hint?: number, range: [number, number] = [0, text.length]): Scored | null {
  const { exact, prefix, suffix } = quote;
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

/// The start of `needle` in `text` when it occurs there exactly once.
export function onlyOccurrence(text: string, needle: string): number | null {
  const first = text.indexOf(needle);
  if (first < 0 || text.indexOf(needle, first + 1) >= 0) return null;
  return first;
}

// A frame of context taken as proof of place: each side at least this long
// and standing verbatim within `frameSlack` characters of where the
// corrected position puts it.
const minFrame = 8;
const frameSlack = 16;

/// The passage between the stored prefix, ending at or near `hint`, and the
/// stored suffix, when both stand unchanged there and what lies between
/// them is a near-copy of the quote (a typo corrected, a word inserted):
/// `exact` when it is the quote verbatim; `null` otherwise.
export function matchFramed(text: string, quote: Quote, hint: number): { start: number; end: number; exact: boolean } | null {
  const { exact, prefix, suffix } = quote;
  if (prefix.length < minFrame || suffix.length < minFrame) return null;
  const maxErrors = Math.floor(exact.length * maxErrorRate);
  const before = indexWithin(text, prefix, [hint - prefix.length - frameSlack, hint + frameSlack]);
  if (before < 0) return null;
  const start = before + prefix.length;
  const end = indexWithin(text, suffix, [Math.max(start + 1, start + exact.length - maxErrors), start + exact.length + maxErrors + suffix.length]);
  if (end < 0) return null;
  const found = text.slice(start, end);
  if (found === exact) return { start, end, exact: true };
  return maxErrors > 0 && editDistance(found, exact) <= maxErrors ? { start, end, exact: false } : null;
}
