import type { Annotation } from '../../../../shared/annotation/model';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { excerpt } from '../../ui/excerpt';
import type { LinkView } from './link-views';

/// The links of one annotation, outgoing and incoming alike, each read from
/// this end ("supports", "supported by"): the other passage opens where it
/// is, or beside this one.
export function LinkList({ annotation, links }: { annotation: Annotation; links: readonly LinkView[] }) {
  const services = useServices();
  const documents = useDocuments();
  if (links.length === 0) return null;
  return (
    <ul className="entry-links" aria-label="Links" data-testid="entry-links">
      {links.map(({ link, phrase, relation, other, otherDocumentId }) => {
        const title = documents.get(otherDocumentId)?.meta.title ?? otherDocumentId;
        return (
          <li key={link.id} className="entry-link" data-testid="entry-link" style={{ '--relation': relation?.color ?? '#777777' } as React.CSSProperties}>
            <span className="link-phrase" data-testid="link-phrase">
              {phrase}
            </span>{' '}
            <button
              type="button"
              className="text-button link-other"
              data-testid="link-open"
              title={`Open in ${title}`}
              disabled={!other}
              onClick={() => other && services.go({ kind: 'reader', documentId: other.documentId, annotationId: other.id })}
            >
              “{other ? excerpt(other.quote.exact, 90) : '…'}” <span className="link-other-source">{title}</span>
            </button>
            {link.note && <div className="link-note">{link.note}</div>}
            <span className="link-actions">
              <button
                type="button"
                data-testid="link-side-by-side"
                title="Read both passages side by side"
                disabled={!other}
                onClick={() =>
                  other &&
                  services.go({
                    kind: 'compare',
                    left: { documentId: annotation.documentId, annotationId: annotation.id },
                    right: { documentId: other.documentId, annotationId: other.id },
                  })
                }
              >
                Side by side
              </button>
              <button
                type="button"
                className="danger-link"
                aria-label="Delete this link"
                data-testid="link-delete"
                onClick={() => void services.annotations.unlink(link.id)}
              >
                Unlink
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
