import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../../shared/annotation/model';
import type { ReviewRow } from '../../../data/reviews';

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
  show = false,
  onShown,
}: {
  reviews: readonly ReviewRow[];
  annotations: ReadonlyMap<string, Annotation>;
  canReattach: boolean;
  onDismiss: (review: ReviewRow) => void;
  onReattach: (annotation: Annotation) => void;
  onReveal: (annotation: Annotation) => void;
  /// Scroll the panel to the list and put the focus on its title, once it
  /// has entries (just after a revision is applied); then `onShown`.
  show?: boolean;
  onShown?: () => void;
}) {
  const live = reviews.filter((r) => annotations.has(r.annotationId));
  const title = useRef<HTMLHeadingElement>(null);
  const count = live.length;
  useEffect(() => {
    if (!show || count === 0 || !title.current) return;
    title.current.scrollIntoView({ block: 'start', behavior: 'auto' });
    title.current.focus({ preventScroll: true });
    onShown?.();
  }, [show, count, onShown]);
  if (live.length === 0) return null;
  return (
    <section className="review" data-testid="review-list" aria-label="Review after revision">
      <h3 className="panel-title" ref={title} tabIndex={-1}>
        To review after the revision <span className="count">{live.length}</span>
      </h3>
      <ol className="entries">
        {live.map((review) => {
          const annotation = annotations.get(review.annotationId)!;
          return (
            <li key={review.annotationId} className={`entry review-${review.status}`} data-testid="review-entry" data-status={review.status}>
              <div className="review-status">{labels[review.status]}</div>
              {/* Moved: the same words elsewhere, nothing struck out. */}
              {review.status === 'moved' && review.newText === review.oldQuote ? (
                <div className="review-old">the same words, now at another place in the text</div>
              ) : (
                <div className="review-old">
                  <span>was</span> <q>{review.oldQuote}</q>
                </div>
              )}
              {review.newText !== null ? (
                <button type="button" className="review-new text-button entry-quote" onClick={() => onReveal(annotation)}>
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
