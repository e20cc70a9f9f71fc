import { useCallback, useState } from 'react';
import type { TimelineItem } from '../../../../shared/timeline/layout';
import type { Passage } from '../../screens';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { entryPassage } from './entry-passage';
import { type TimelineChoice, everything } from './filter';
import { TimelineChart } from './TimelineChart';
import { TimelineFilters } from './TimelineFilters';
import { TimelinePassages, groupId } from './TimelinePassages';
import { useTimeline } from './use-timeline';
import './timeline.css';
import { ScreenHeader } from '../../ui/ScreenHeader';

/// The documents of the library on a time axis by their dates, with the
/// search listing's entries at theirs, filtered by tag type and actor; under
/// it, the matching passages by the date of their document. A title opens
/// its document, a quote its passage.
export function TimelineScreen({ onBack }: { onBack: () => void }) {
  const services = useServices();
  const documents = useDocuments();
  const [choice, setChoice] = useState<TimelineChoice>(everything);
  const [selected, setSelected] = useState<string | null>(null);
  const data = useTimeline(choice);

  // A document's count on the chart marks it and brings its passages into
  // view, once they are drawn marked.
  const showPassages = useCallback((documentId: string) => {
    setSelected(documentId);
    requestAnimationFrame(() => document.getElementById(groupId(documentId))?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }, []);

  const open = useCallback(
    (item: TimelineItem) => {
      const go = (passage: Passage | null) =>
        services.go(passage ? { kind: 'reader', documentId: item.documentId, passage } : { kind: 'reader', documentId: item.documentId });
      if (item.entry === null) return go(null);
      const entry = item.entry;
      // An archive listing's entry is found in its text, read for the reader anyway.
      services.documents
        .open(item.documentId)
        .then((listing) => go(listing ? entryPassage(listing, entry) : null))
        .catch(() => go(null));
    },
    [services],
  );

  const kinds = new Map([...documents.values()].map((d) => [d.id, d.meta.kind]));
  const shown = data?.layout.items.filter((i) => i.entry === null).length ?? 0;
  const entries = data ? data.layout.items.length - shown : 0;
  const summary = data
    ? [
        `${shown + data.layout.undated.length} of ${documents.size} documents`,
        entries > 0 ? `${entries} listed in the archive search` : null,
        `${data.matching.length} ${data.matching.length === 1 ? 'annotation' : 'annotations'}`,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <main className="screen timeline-screen" data-testid="timeline">
      <ScreenHeader back={{ to: 'Library', onClick: onBack }} title="Timeline" sub="Documents by date, with their annotations" />
      {data && <TimelineFilters choice={choice} onChange={setChoice} tagTypes={data.tagTypes} actors={data.actors} summary={summary} />}
      <div className="tl-body">
        {!data ? (
          <p className="panel-empty">Reading the library…</p>
        ) : (
          <>
            {data.layout.axis ? (
              <TimelineChart layout={data.layout} kinds={kinds} selected={selected} onOpen={open} onShowPassages={showPassages} />
            ) : (
              <p className="panel-empty tl-nothing">
                {choice.hideEmpty ? 'No document has an annotation matching these filters.' : 'No document of the library has a date.'}
              </p>
            )}
            {data.layout.undated.length > 0 && (
              <section className="tl-undated" aria-label="Undated documents">
                <h2 className="tl-heading">Undated</h2>
                <ul>
                  {data.layout.undated.map((u) => (
                    <li key={u.documentId} data-testid="timeline-undated">
                      <button type="button" className="tl-title" onClick={() => services.go({ kind: 'reader', documentId: u.documentId })}>
                        {u.title}
                      </button>
                      {u.annotationCount > 0 ? (
                        <button type="button" className="tl-count" onClick={() => showPassages(u.documentId)}>
                          {u.annotationCount === 1 ? '1 annotation' : `${u.annotationCount} annotations`}
                        </button>
                      ) : (
                        <span className="tl-none">no annotations</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <TimelinePassages
              layout={data.layout}
              matching={data.matching}
              documents={documents}
              tagTypes={data.tagTypes}
              selected={selected}
              onOpenDocument={(documentId) => services.go({ kind: 'reader', documentId })}
              onOpenAnnotation={(a) => services.go({ kind: 'reader', documentId: a.documentId, annotationId: a.id })}
            />
          </>
        )}
      </div>
    </main>
  );
}
