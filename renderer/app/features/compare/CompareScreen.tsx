import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { type Annotation, inTextOrder } from '../../../../shared/annotation/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import { linksBetween } from '../../../../shared/links/between';
import { linkPhrase } from '../../../../shared/links/describe';
import type { Reader } from '../../../editor/reader';
import { useDocument } from '../../../data/hooks';
import { useServices } from '../../context';
import { highlightsOf } from '../reader/highlights-of';
import { excerpt } from '../../ui/excerpt';
import { ReaderView } from '../reader/ReaderView';
import type { AnnotationPlace } from '../../screens';
import { ScreenHeader } from '../../ui/ScreenHeader';

const noop = () => {};

/// Two documents side by side, each at one end of a link, with the links
/// between them to step through: the British brief's claim on the left, the
/// article passage that supports it on the right, then the next pair.
export function CompareScreen({ left, right, onBack }: { left: AnnotationPlace; right: AnnotationPlace; onBack: () => void }) {
  const services = useServices();
  const { annotations } = services;
  // Both texts, read as the screen opens: `undefined` while they are read.
  const leftDocument = useDocument(left.documentId);
  const rightDocument = useDocument(right.documentId);
  const leftAnnotations = useLiveQuery(() => annotations.ofDocument(left.documentId), [annotations, left.documentId]);
  const rightAnnotations = useLiveQuery(() => annotations.ofDocument(right.documentId), [annotations, right.documentId]);
  const links = useLiveQuery(() => annotations.linksOfDocument(left.documentId), [annotations, left.documentId]);
  const relationTypes = useLiveQuery(() => services.relationTypes.list(), [services]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);

  const between = useMemo(() => {
    if (!leftAnnotations || !rightAnnotations || !links) return null;
    const byId = new Map<string, Annotation>([...leftAnnotations, ...rightAnnotations].map((a) => [a.id, a]));
    return linksBetween(left.documentId, right.documentId, links, byId);
  }, [leftAnnotations, rightAnnotations, links, left.documentId, right.documentId]);

  // The pair shown: the link asked for first, then wherever the researcher steps.
  const [index, setIndex] = useState<number | null>(null);
  useEffect(() => {
    if (!between || index !== null) return;
    const asked = between.findIndex((b) => b.a.id === left.annotationId && b.b.id === right.annotationId);
    setIndex(Math.max(0, asked));
  }, [between, index, left.annotationId, right.annotationId]);
  const current = between && index !== null ? between[Math.min(index, between.length - 1)] : undefined;

  // In state, so the effect below runs again for a reader mounted again
  // (React's StrictMode mounts each twice in development).
  const [leftReader, setLeftReader] = useState<Reader | null>(null);
  const [rightReader, setRightReader] = useState<Reader | null>(null);
  const leftHighlights = useMemo(() => highlightsOf(inTextOrder(leftAnnotations ?? []), tagTypes ?? []), [leftAnnotations, tagTypes]);
  const rightHighlights = useMemo(() => highlightsOf(inTextOrder(rightAnnotations ?? []), tagTypes ?? []), [rightAnnotations, tagTypes]);
  const ready = leftAnnotations !== undefined && rightAnnotations !== undefined && tagTypes !== undefined;

  // Each side scrolls to its passage and marks it.
  useEffect(() => {
    if (!current || !ready) return;
    for (const [reader, annotation] of [
      [leftReader, current.a],
      [rightReader, current.b],
    ] as const) {
      if (!reader) continue;
      reader.scrollTo(annotation.position.start);
      reader.highlight({ type: 'select', id: annotation.id });
    }
  }, [current, ready, leftReader, rightReader]);

  if (leftDocument === undefined || rightDocument === undefined) return <main className="screen compare-screen" />;
  if (!leftDocument || !rightDocument) {
    return (
      <main className="screen compare-screen">
        <p role="alert">One of these documents is no longer in the library.</p>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </main>
    );
  }

  const side = (document: typeof leftDocument, highlights: typeof leftHighlights, onReader: (reader: Reader | null) => void, testId: string) => (
    <section className="compare-side" data-testid={testId}>
      <header className="compare-head">
        <button
          type="button"
          className="text-button compare-title"
          title="Open this document in the reader"
          onClick={() => services.go({ kind: 'reader', documentId: document.id, annotationId: (testId === 'compare-left' ? current?.a : current?.b)?.id })}
        >
          {document.meta.title}
        </button>
        <div className="bar-sub">{[document.meta.date ? formatDateSpan(document.meta.date) : null, document.meta.kind].filter(Boolean).join(' · ')}</div>
      </header>
      <div className="compare-text">
        {ready ? (
          <ReaderView document={document} highlights={highlights} onReader={onReader} callbacks={{ onSelection: noop, onHighlightClick: noop }} />
        ) : (
          <p className="reader-loading">Opening…</p>
        )}
      </div>
    </section>
  );

  const phrase = current && relationTypes ? linkPhrase(current.link, current.a.id, relationTypes) : '';
  return (
    <main className="screen compare-screen" data-testid="compare">
      <ScreenHeader
        back={{ to: 'Back', onClick: onBack }}
        titleStyle="statement"
        titleTestId="compare-statement"
        title={
          current ? (
            <>
              “{excerpt(current.a.quote.exact, 70)}” <strong className="link-phrase">{phrase}</strong> “{excerpt(current.b.quote.exact, 70)}”
            </>
          ) : (
            between && <span>No links join these two documents any more.</span>
          )
        }
        sub={current?.link.note}
        actions={
          between &&
          between.length > 0 &&
          index !== null && (
            <span className="compare-steps">
              <button type="button" data-testid="compare-previous" disabled={index <= 0} onClick={() => setIndex((i) => Math.max(0, (i ?? 0) - 1))}>
                ← Previous link
              </button>
              <span data-testid="compare-position">
                {Math.min(index, between.length - 1) + 1} of {between.length}
              </span>
              <button
                type="button"
                data-testid="compare-next"
                disabled={index >= between.length - 1}
                onClick={() => setIndex((i) => Math.min(between.length - 1, (i ?? 0) + 1))}
              >
                Next link →
              </button>
            </span>
          )
        }
      />
      <div className="compare-body">
        {side(leftDocument, leftHighlights, setLeftReader, 'compare-left')}
        {side(rightDocument, rightHighlights, setRightReader, 'compare-right')}
      </div>
    </main>
  );
}
