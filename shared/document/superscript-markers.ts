import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import { type Block, blockSeparator } from './model';

/// A document's canonical text as it was before footnote markers were
/// written as superscript digits: the spans' text as the source has it.
/// Only the migration of annotations made on that text reads it.
export function textBeforeSuperscripts(blocks: readonly Block[]): string {
  return blocks.map((block) => block.spans.map((span) => span.text).join('')).join(blockSeparator);
}

/// A quote made on the text `before` (bare-digit markers), rewritten for the
/// same document's text `after` (superscript markers). The two texts have
/// the same length and differ only in markers, so the position still holds:
/// each part of the quote (exact, prefix, suffix) that the old text held at
/// its place is read again from the new text there. A quote the old text
/// did not hold at its position (an annotation since left behind by a
/// revision) is returned as it is, for anchoring to place.
export function quoteWithSuperscripts(quote: TextQuoteSelector, position: TextPositionSelector, before: string, after: string): TextQuoteSelector {
  if (before.length !== after.length)
    throw new RangeError('The texts before and after superscript markers must have the same length: writing a marker as a superscript digit moves no offset.');
  const { start, end } = position;
  if (start < 0 || end > before.length || start > end || before.slice(start, end) !== quote.exact) return quote;
  const prefixStart = start - quote.prefix.length;
  const suffixEnd = end + quote.suffix.length;
  const next: TextQuoteSelector = {
    ...quote,
    exact: after.slice(start, end),
    prefix: prefixStart >= 0 && before.slice(prefixStart, start) === quote.prefix ? after.slice(prefixStart, start) : quote.prefix,
    suffix: suffixEnd <= before.length && before.slice(end, suffixEnd) === quote.suffix ? after.slice(end, suffixEnd) : quote.suffix,
  };
  return next.exact === quote.exact && next.prefix === quote.prefix && next.suffix === quote.suffix ? quote : next;
}
