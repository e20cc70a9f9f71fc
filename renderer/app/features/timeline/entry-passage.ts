import type { LibraryDocument } from '../../../../shared/corpus/document';
import type { Passage } from '../../screens';

/// Where a search listing's entry `index` is in the listing's text: its
/// title, found after the entries before it (the listing gives them in its
/// own order, and two may share a title). `null` when the text no longer
/// holds it (a revision changed it).
export function entryPassage(listing: LibraryDocument, index: number): Passage | null {
  const text = listing.text.text;
  let from = 0;
  for (const [i, entry] of listing.meta.entries.entries()) {
    const at = text.indexOf(entry.title, from);
    if (at < 0) return null;
    if (i === index) return { documentId: listing.id, start: at, end: at + entry.title.length };
    from = at + entry.title.length;
  }
  return null;
}
