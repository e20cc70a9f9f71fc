import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import { actorPassages } from '../../../../shared/actors/passages';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { LibraryDocument } from '../../../../shared/corpus/document';
import { useDocuments, useOpenedDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { ScreenHeader } from '../../ui/ScreenHeader';

// Characters of the document shown either side of a passage: a sentence or
// so, enough to read the passage where it stands.
const contextLength = 160;

/// One actor across the corpus: every passage tagged with any of their
/// names, in the order of the documents' dates, each quoted in its context.
export function ActorScreen({ actorId, onBack }: { actorId: string; onBack: () => void }) {
  const services = useServices();
  const documents = useDocuments();
  const actors = useLiveQuery(() => services.actors.list(), [services]);
  const annotations = useLiveQuery(() => services.actors.passagesOf(actorId), [services, actorId]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);
  const actor = actors?.find((a) => a.id === actorId);

  const passages = useMemo(
    () => (actors && annotations ? actorPassages(actorId, annotations, documents, new ActorIndex(actors)) : null),
    [actorId, actors, annotations, documents],
  );
  const documentIds = useMemo(() => [...new Set(passages?.map((p) => p.annotation.documentId))], [passages]);
  const documentCount = documentIds.length;
  // The texts around the passages: read for this page, let go when it closes.
  const texts = useOpenedDocuments(documentIds);
  const tagNames = new Map((tagTypes ?? []).map((t) => [t.id, t]));

  return (
    <main className="screen actor-screen" data-testid="actor-page">
      <ScreenHeader
        back={{ to: 'Back', onClick: onBack }}
        titleStyle="page"
        title={actor?.name ?? (actors ? 'This actor is no longer in the library' : '…')}
        titleTestId="actor-page-name"
        sub={
          actor && (
            <>
              {actor.aliases.length > 0 && <>also {actor.aliases.join(' · ')} — </>}
              {passages
                ? `${passages.length} passage${passages.length === 1 ? '' : 's'} in ${documentCount} document${documentCount === 1 ? '' : 's'}`
                : 'reading…'}
            </>
          )
        }
        actions={
          <button type="button" onClick={() => services.go({ kind: 'actors' })}>
            All actors…
          </button>
        }
      />
      <ol className="actor-passages">
        {passages?.map(({ annotation, date }) => {
          const document = documents.get(annotation.documentId);
          return (
            <li key={annotation.id} className="actor-passage" data-testid="actor-passage" data-document={annotation.documentId}>
              <div className="actor-passage-source">
                <span className="actor-passage-date" data-testid="actor-passage-date">
                  {date ? formatDateSpan(date) : 'undated'}
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => services.go({ kind: 'reader', documentId: annotation.documentId, annotationId: annotation.id })}
                >
                  {document?.meta.title ?? annotation.documentId}
                </button>
              </div>
              <button
                type="button"
                className="text-button actor-passage-text"
                title="Open the passage in its document"
                data-testid="actor-passage-open"
                onClick={() => services.go({ kind: 'reader', documentId: annotation.documentId, annotationId: annotation.id })}
              >
                <InContext
                  document={texts.get(annotation.documentId) ?? undefined}
                  start={annotation.position.start}
                  end={annotation.position.end}
                  fallback={annotation.quote}
                />
              </button>
              <div className="actor-passage-meta">
                <span className="hint">tagged “{annotation.actor}”</span>
                {annotation.tags.map((id) => {
                  const tag = tagNames.get(id);
                  return tag ? (
                    <span key={id} className="chip" style={{ '--tag': tag.color } as React.CSSProperties}>
                      {tag.name}
                    </span>
                  ) : null;
                })}
                {annotation.note && <span className="actor-passage-note">{annotation.note}</span>}
              </div>
            </li>
          );
        })}
        {passages && passages.length === 0 && <li className="hint">No passage is tagged with any name of this actor yet.</li>}
      </ol>
    </main>
  );
}

/// A passage with the text around it, the passage itself marked.
function InContext({
  document,
  start,
  end,
  fallback,
}: {
  document: LibraryDocument | undefined;
  start: number;
  end: number;
  fallback: { exact: string; prefix: string; suffix: string };
}) {
  const text = document?.text.text;
  // Annotations waiting for re-attachment after a revision point into an
  // older text: their stored context is what is known of them.
  const current = text !== undefined && text.slice(start, end) === fallback.exact;
  const before = current ? text.slice(Math.max(0, start - contextLength), start) : fallback.prefix;
  const after = current ? text.slice(end, end + contextLength) : fallback.suffix;
  return (
    <>
      <span className="context">
        {current && start > contextLength ? '…' : ''}
        {trimStart(before)}
      </span>
      <mark>{fallback.exact}</mark>
      <span className="context">
        {trimEnd(after)}
        {current && end + contextLength < text.length ? '…' : ''}
      </span>
    </>
  );
}

// Context is cut at a word boundary, and block breaks read as spaces.
function trimStart(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const space = flat.indexOf(' ');
  return space > 0 && flat.length >= contextLength - 1 ? flat.slice(space + 1) : flat;
}

function trimEnd(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const space = flat.lastIndexOf(' ');
  return space > 0 && flat.length >= contextLength - 1 ? flat.slice(0, space) : flat;
}
