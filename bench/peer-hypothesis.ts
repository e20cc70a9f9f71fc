import search from 'approx-string-match';
import type { TextQuoteSelector } from '../shared/anchoring/selectors';

/// The peer for anchoring: Hypothesis's quote matching as its client
/// describes it (match-quote.ts): an approximate search for the quote over
/// the whole text, allowing errors up to half its length, every match scored
/// on quote, prefix, suffix and position with weights 50, 20, 20 and 2.
/// Written here from that description, to run on the same inputs.
export function hypothesisMatch(text: string, quote: TextQuoteSelector, hint: number): { start: number; end: number } | null {
  const maxErrors = Math.min(256, Math.floor(quote.exact.length / 2));
  const matches = search(text, quote.exact, maxErrors);
  if (matches.length === 0) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.exact.length;
    const prefixScore = quote.prefix ? textMatchScore(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix) : 1;
    const suffixScore = quote.suffix ? textMatchScore(text.slice(match.end, match.end + quote.suffix.length), quote.suffix) : 1;
    const posScore = 1 - Math.abs(match.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - Math.min(...matches.map((m) => m.errors)) / str.length;
}
