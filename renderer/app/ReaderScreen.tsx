import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Annotation, type TagType, inTextOrder } from '../../shared/annotation/model';
import { formatDateSpan } from '../../shared/corpus/dates';
import type { Highlight } from '../editor/highlights';
import type { Reader, ReaderSelection } from '../editor/reader';
import { AnnotationPanel } from './AnnotationPanel';
import { useServices } from './context';
import { isTyping } from './keys';
import { ReaderView } from './ReaderView';
import { SelectionToolbar } from './SelectionToolbar';

/// One document open for reading: the text with its highlights, the
/// toolbar that tags a selection, and the panel of its annotations.
export function ReaderScreen({ documentId, onBack, onTagTypes }: { documentId: string; onBack: () => void; onTagTypes: () => void }) {
  const services = useServices();
  const { db, documents, annotations: store } = services;
  const document = documents.get(documentId);
  const readerRef = useRef<Reader | null>(null);
  const [selection, setSelection] = useState<ReaderSelection>({ kind: 'none' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusActorOf, setFocusActorOf] = useState<string | null>(null);

  const annotations = useLiveQuery(() => db.annotations.where('documentId').equals(documentId).toArray(), [db, documentId]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);
  const actors = useLiveQuery(async () => (await db.annotations.orderBy('actor').uniqueKeys()).map(String), [db]);

  const ordered = useMemo(() => inTextOrder(annotations ?? []), [annotations]);
  const highlights = useMemo<Highlight[]>(() => {
    const colours = new Map((tagTypes ?? []).map((t) => [t.id, t.color]));
    return ordered.map((a) => ({ id: a.id, start: a.position.start, end: a.position.end, colors: a.tags.map((t) => colours.get(t)).filter((c): c is string => !!c) }));
  }, [ordered, tagTypes]);

  // Keep the reader's "selected" highlight in step with the panel.
  useEffect(() => {
    readerRef.current?.highlight({ type: 'select', id: selectedId });
  }, [selectedId, highlights]);

  const reveal = useCallback(
    (annotation: Annotation) => {
      const reader = readerRef.current;
      if (!reader) return;
      setSelectedId(annotation.id);
      reader.scrollTo(annotation.position.start);
      reader.highlight({ type: 'flash', id: annotation.id });
      window.setTimeout(() => readerRef.current?.highlight({ type: 'flash', id: null }), 1200);
    },
    [],
  );

  const createFromSelection = useCallback(
    async (tagType: TagType) => {
      const reader = readerRef.current;
      if (!reader || !document) return;
      const current = reader.selection();
      if (current.kind === 'blank') {
        services.notify({ kind: 'error', text: 'The selection holds only spaces or line breaks: select some words to annotate.' });
        return;
      }
      if (current.kind !== 'passage') return;
      try {
        const created = await store.create(document, current.start, current.end, { tags: [tagType.id] });
        reader.collapseSelection();
        setSelection({ kind: 'none' });
        setSelectedId(created.id);
        if (tagType.namesActor) setFocusActorOf(created.id);
      } catch (error) {
        services.notify({ kind: 'error', text: `The annotation could not be saved: ${(error as Error).message}` });
      }
    },
    [document, services, store],
  );

  // Keys 1–9 tag the selected passage with the tag type in that place.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (!/^[1-9]$/.test(event.key)) return;
      const tagType = tagTypes?.[Number(event.key) - 1];
      const current = readerRef.current?.selection();
      if (!tagType || !current || current.kind === 'none') return;
      event.preventDefault();
      void createFromSelection(tagType);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tagTypes, createFromSelection]);

  const onHighlightClick = useCallback(
    (ids: string[]) => {
      // Clicking again where highlights overlap steps to the next one, so
      // every overlapping annotation can be reached from the text.
      setSelectedId((current) => {
        const at = current ? ids.indexOf(current) : -1;
        return ids[(at + 1) % ids.length] ?? null;
      });
    },
    [],
  );

  if (!document) {
    return (
      <main className="reader-screen">
        <p role="alert">This document is no longer in the library.</p>
        <button type="button" onClick={onBack}>
          Back to the library
        </button>
      </main>
    );
  }

  const meta = document.meta;
  return (
    <main className="reader-screen">
      <header className="bar">
        <button type="button" className="back" data-testid="back" onClick={onBack}>
          ← Library
        </button>
        <div className="bar-title">
          <div className="doc-heading" data-testid="doc-heading">
            {meta.title}
          </div>
          <div className="bar-sub">
            {[meta.date ? formatDateSpan(meta.date) : null, meta.kind, meta.publisher, meta.originalLanguage ? `original language: ${meta.originalLanguage}` : null]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </div>
        <span className="spacer" />
        <button type="button" onClick={() => void store.undo().catch((e: unknown) => services.notify({ kind: 'error', text: String(e) }))} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => void store.redo().catch((e: unknown) => services.notify({ kind: 'error', text: String(e) }))} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" onClick={onTagTypes}>
          Tag types…
        </button>
        <button type="button" data-testid="export-document" title="Export this document’s annotations" onClick={() => services.openExport({ kind: 'document', documentId })}>
          Export…
        </button>
      </header>
      <div className="reader-body">
        <section className="reader-column">
          {/* The archive entries carry their citation in their own text. */}
          {meta.citation && !document.text.text.includes(meta.citation) && (
            <p className="citation" data-testid="citation">
              {meta.citation}
            </p>
          )}
          <ReaderView
            document={document}
            highlights={highlights}
            readerRef={readerRef}
            callbacks={{ onSelection: setSelection, onHighlightClick }}
          />
        </section>
        <AnnotationPanel
          annotations={ordered}
          tagTypes={tagTypes ?? []}
          actors={actors ?? []}
          selectedId={selectedId}
          focusActorOf={focusActorOf}
          onActorFocused={() => setFocusActorOf(null)}
          onReveal={reveal}
        />
      </div>
      {selection.kind === 'passage' && tagTypes && <SelectionToolbar rect={selection.rect} tagTypes={tagTypes} onTag={(t) => void createFromSelection(t)} />}
    </main>
  );
}
