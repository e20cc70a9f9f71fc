import { useMemo, useState } from 'react';
import { type Annotation, type TagType, inTextOrder } from '../../../../shared/annotation/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentSummary } from '../../../data/documents';
import type { TimelineLayout } from '../../../../shared/timeline/layout';
import { excerpt } from '../../ui/excerpt';

// Passages listed at first per document; the rest on asking, so a document
// annotated thousands of times does not draw them all.
const shownAtFirst = 40;

/// The id of a document's group in the list, to scroll to it.
export function groupId(documentId: string): string {
  return `tl-group-${documentId}`;
}

/// The matching annotations under the timeline, grouped by document in the
/// timeline's order (undated documents last), each in text order; a quote
/// opens its passage.
export function TimelinePassages({
  layout,
  matching,
  documents,
  tagTypes,
  selected,
  onOpenDocument,
  onOpenAnnotation,
}: {
  layout: TimelineLayout;
  matching: readonly Annotation[];
  documents: ReadonlyMap<string, DocumentSummary>;
  tagTypes: readonly TagType[];
  selected: string | null;
  onOpenDocument: (documentId: string) => void;
  onOpenAnnotation: (annotation: Annotation) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => {
    const byDocument = new Map<string, Annotation[]>();
    for (const annotation of matching) {
      const list = byDocument.get(annotation.documentId);
      if (list) list.push(annotation);
      else byDocument.set(annotation.documentId, [annotation]);
    }
    const order = [...layout.items.filter((i) => i.entry === null).map((i) => i.documentId), ...layout.undated.map((u) => u.documentId)];
    return order.flatMap((documentId) => {
      const list = byDocument.get(documentId);
      return list ? [{ documentId, annotations: inTextOrder(list) }] : [];
    });
  }, [layout, matching]);
  const tags = useMemo(() => new Map(tagTypes.map((t) => [t.id, t])), [tagTypes]);

  if (groups.length === 0) {
    return (
      <section className="tl-passages">
        <h2 className="tl-heading">Passages, by date of their document</h2>
        <p className="panel-empty">
          {matching.length === 0
            ? 'No annotation matches these filters. Tag passages in the reader, or choose another tag type or actor.'
            : 'No annotation of the documents shown matches.'}
        </p>
      </section>
    );
  }
  return (
    <section className="tl-passages" aria-label="Passages by date of their document">
      <h2 className="tl-heading">Passages, by date of their document</h2>
      {groups.map(({ documentId, annotations }) => {
        const document = documents.get(documentId);
        const all = expanded.has(documentId);
        return (
          <section
            key={documentId}
            id={groupId(documentId)}
            className={selected === documentId ? 'tl-group tl-group-selected' : 'tl-group'}
            data-testid="timeline-group"
            data-document={documentId}
          >
            <h3 className="tl-group-head">
              <button type="button" className="text-button tl-group-title" onClick={() => onOpenDocument(documentId)}>
                {document?.meta.title ?? documentId}
              </button>
              <span className="tl-group-meta">
                {[
                  document?.meta.date ? formatDateSpan(document.meta.date) : 'undated',
                  document?.meta.kind,
                  annotations.length === 1 ? '1 passage' : `${annotations.length} passages`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </h3>
            <ol className="tl-passage-list">
              {(all ? annotations : annotations.slice(0, shownAtFirst)).map((annotation) => (
                <li key={annotation.id}>
                  <button
                    type="button"
                    className="tl-passage"
                    data-testid="timeline-passage"
                    title="Open the document at this passage"
                    onClick={() => onOpenAnnotation(annotation)}
                  >
                    <span className="tl-passage-tags">
                      {annotation.tags.map((id) => {
                        const tag = tags.get(id);
                        return tag ? (
                          <span key={id} className="chip" style={{ '--tag': tag.color } as React.CSSProperties}>
                            {tag.name}
                          </span>
                        ) : null;
                      })}
                      {annotation.actor && <span className="tl-passage-actor">{annotation.actor}</span>}
                    </span>
                    <q className="tl-passage-quote">{excerpt(annotation.quote.exact, 320)}</q>
                    {annotation.note && <span className="tl-passage-note">{excerpt(annotation.note, 200)}</span>}
                  </button>
                </li>
              ))}
            </ol>
            {!all && annotations.length > shownAtFirst && (
              <button type="button" className="tl-more" onClick={() => setExpanded((s) => new Set(s).add(documentId))}>
                Show all {annotations.length} passages
              </button>
            )}
          </section>
        );
      })}
    </section>
  );
}
