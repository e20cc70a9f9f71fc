import type { Annotation } from '../../shared/annotation/model';
import type { ReviewRow } from '../store/db';

const labels: Record<ReviewRow['status'], string> = { moved: 'Moved', fuzzy: 'Text changed', orphaned: 'Not found' };

/// The annotations a revision moved, changed or orphaned, with the old quote
/// beside the text they are on now. Orphans can be re-attached to the
/// passage selected in the reader.
export function ReviewList({
  reviews,
  annotations,
  canReattach,
  onDismiss,
  onReattach,
  onReveal,
}: {
  reviews: readonly ReviewRow[];
  annotations: ReadonlyMap<string, Annotation>;
  canReattach: boolean;
  onDismiss: (review: ReviewRow) => void;
  onReattach: (annotation: Annotation) => void;
  onReveal: (annotation: Annotation) => void;
}) {
  const live = reviews.filter((r) => annotations.has(r.annotationId));
  if (live.length === 0) return null;
  return (
    <section className="review" data-testid="review-list" aria-label="Review after revision">
      <h3 className="panel-title">
        To review after the revision <span className="count">{live.length}</span>
      </h3>
      <ol className="entries">
        {live.map((review) => {
          const annotation = annotations.get(review.annotationId)!;
          return (
            <li key={review.annotationId} className={`entry review-${review.status}`} data-testid="review-entry" data-status={review.status}>
              <div className="review-status">{labels[review.status]}</div>
              <div className="review-old">
                <span>was</span> <q>{review.oldQuote}</q>
              </div>
              {review.newText !== null ? (
                <button type="button" className="review-new entry-quote" onClick={() => onReveal(annotation)}>
                  {review.newText}
                </button>
              ) : (
                <p className="hint">Select the passage it belongs to in the text, then re-attach it.</p>
              )}
              <div className="entry-foot">
                {review.status === 'orphaned' && (
                  <button type="button" data-testid="reattach" disabled={!canReattach} onClick={() => onReattach(annotation)}>
                    Re-attach to selection
                  </button>
                )}
                {review.status !== 'orphaned' && (
                  <button type="button" data-testid="review-ok" onClick={() => onDismiss(review)}>
                    Looks right
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
