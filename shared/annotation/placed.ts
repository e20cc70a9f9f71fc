import type { Annotation } from './model';

/// Whether an annotation's stored place in `text` holds its quote. Every
/// write re-describes a passage from the text it lands on, so this holds
/// for each annotation on the text it was written for; it fails for one
/// written for another version of the text: a revision's orphan (which
/// keeps its old selectors), or one that reached this text without the
/// review entry saying so (a restore into another library, an import).
/// Such an annotation is not drawn: its offsets point at other words.
export function placedOn(text: string, annotation: Pick<Annotation, 'quote' | 'position'>): boolean {
  const { start, end } = annotation.position;
  return start >= 0 && end <= text.length && text.slice(start, end) === annotation.quote.exact;
}

/// An entry of the review list a revision leaves: the row the store keeps
/// (`ReviewRow`) and a backup carries (`reviewSchema`).
export interface Review {
  annotationId: string;
  documentId: string;
  revision: number;
  status: 'moved' | 'fuzzy' | 'orphaned';
  oldQuote: string;
  /// The text it is on now; `null` for an orphan.
  newText: string | null;
}

/// What the reader does with a document's annotations on its current text:
/// those to draw, and the review list to show. An annotation not placed on
/// the text is listed as not found (to re-attach), with its stored review
/// when there is one, else with one made from its quote; an "orphaned"
/// entry whose annotation is placed again (a later revision, or a restore
/// of the text it was made for, found its words) is no longer listed.
export function readerPlaces<R extends Review>(
  text: string,
  annotations: readonly Annotation[],
  reviews: readonly R[],
): { drawn: Annotation[]; reviews: (R | Review)[] } {
  const drawn: Annotation[] = [];
  const unplaced = new Map<string, Annotation>();
  for (const annotation of annotations) {
    if (placedOn(text, annotation)) drawn.push(annotation);
    else unplaced.set(annotation.id, annotation);
  }
  const listed: (R | Review)[] = [];
  for (const review of reviews) {
    if (review.status === 'orphaned' && !unplaced.has(review.annotationId)) continue;
    listed.push(unplaced.has(review.annotationId) ? { ...review, status: 'orphaned', newText: null } : review);
    unplaced.delete(review.annotationId);
  }
  for (const annotation of unplaced.values()) {
    listed.push({
      annotationId: annotation.id,
      documentId: annotation.documentId,
      revision: 0,
      status: 'orphaned',
      oldQuote: annotation.quote.exact,
      newText: null,
    });
  }
  return { drawn, reviews: listed };
}
