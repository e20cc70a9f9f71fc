import { type Anchor, AnchorText, anchorPassage, closeReach } from './anchor';
import type { FuzzyBudget } from './budget';
import { explainedByCopy } from './old-copies';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/// Anchors many passages of one document, in text order, correcting each
/// stored position by how far the passages before it moved. A revision
/// shifts everything after an edit by the same amount, so after a few
/// passages the corrected position is usually exact, and the chain's cheap
/// first step finds most of them; the fuzzy step then searches close to
/// where a changed passage must be.
///
/// `previous` is the text the stored positions count in, when it is at hand
/// (a revision of a document in the library). A passage found away from
/// where it must be is then dropped if the old text held another copy of it
/// nearer the place found: that place is the other copy, still standing, and
/// the passage itself was deleted (see old-copies.ts).
///
/// `limits`: approximate searches of the whole text (for passages without
/// a position) stop at `budget`; the indices of the passages then left
/// unsearched, and so not placed, are added to `unsearched`.
export function anchorAll(
  target: AnchorText | string,
  items: readonly { quote: TextQuoteSelector; position?: TextPositionSelector | null }[],
  previous?: string,
  limits?: { budget: FuzzyBudget; unsearched: Set<number> },
): (Anchor | null)[] {
  const text = typeof target === 'string' ? new AnchorText(target) : target;
  const order = items.map((_, i) => i).sort((a, b) => (items[a]!.position?.start ?? 0) - (items[b]!.position?.start ?? 0));
  const anchors: (Anchor | null)[] = new Array(items.length).fill(null);
  let shift = 0;
  // A jump in the shift seen once: it is taken only when the next passage
  // confirms it, so one passage found on a copy elsewhere does not send
  // every later search to the wrong place.
  let unconfirmed: number | null = null;
  for (const i of order) {
    const { quote, position } = items[i]!;
    let anchor: Anchor | null = null;
    if (position) {
      const moved: TextPositionSelector = { type: 'TextPositionSelector', start: position.start + shift, end: position.end + shift };
      anchor = anchorPassage(text, quote, moved);
      if (
        anchor &&
        previous !== undefined &&
        anchor.start !== moved.start &&
        explainedByCopy(previous, text.text, quote.exact, position.start, anchor.start, moved.start)
      ) {
        anchor = null;
      }
      if (anchor && anchor.method !== 'fuzzy') {
        const delta = anchor.start - position.start;
        if (Math.abs(delta - shift) <= closeReach || (unconfirmed !== null && Math.abs(delta - unconfirmed) <= closeReach)) {
          shift = delta;
          unconfirmed = null;
        } else {
          unconfirmed = delta;
        }
      }
    } else if (limits) {
      const refused = limits.budget.refused;
      anchor = anchorPassage(text, quote, undefined, limits.budget);
      if (limits.budget.refused > refused) limits.unsearched.add(i);
    } else {
      anchor = anchorPassage(text, quote);
    }
    anchors[i] = anchor;
  }
  return anchors;
}
