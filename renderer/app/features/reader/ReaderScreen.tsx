import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Annotation, type TagType, inTextOrder } from '../../../../shared/annotation/model';
import type { AnnotationSet } from '../../../../shared/sets/model';
import type { Planned, RevisionSummary } from '../../../work/import-protocol';
import { ReviewList } from './ReviewList';
import type { Highlight } from '../../../editor/highlights';
import type { Reader, ReaderSelection } from '../../../editor/reader';
import { AnnotationPanel } from './AnnotationPanel';
import { useServices } from '../../context';
import { useReaderData } from './use-reader-data';
import { useTagKeys } from './use-tag-keys';
import { awaitField, holdKeysFor, releaseKeys } from './key-hold';
import { ReaderHeader } from './ReaderHeader';
import { RevisionControls } from './RevisionControls';
import { highlightsOf } from './highlights-of';
import { readerPlaces } from '../../../../shared/annotation/placed';
import { useLinking } from '../links/linking';
import { isTyping, overlayOpen } from '../../ui/keys';
import { FindBar } from './FindBar';
import { ReaderView } from './ReaderView';
import { SelectionToolbar } from './SelectionToolbar';
import type { Passage } from '../../screens';
import { menuEvent } from '../../../../shared/ipc/contract';
import './reader-tools.css';
import { PanelResizer } from '../comforts/PanelResizer';
import { useReadingPlace } from '../comforts/place';
import { messageOf } from '../../../../shared/errors';
import { chosenBytes } from '../../../host/chosen-bytes';

const noSets: readonly AnnotationSet[] = [];

/// Puts the caret in the note field of an annotation's entry. The panel
/// draws only the entries in view and scrolls to the selected one, so the
/// field may appear a few frames later: the keys typed meanwhile wait for it.
function focusNoteOf(id: string, frames = 20): void {
  const selector = `[data-annotation-entry="${CSS.escape(id)}"] [data-testid="entry-note"]`;
  const field = window.document.querySelector<HTMLTextAreaElement>(selector);
  if (field) field.focus();
  else if (frames > 0) {
    if (frames === 20) holdKeysFor(selector);
    requestAnimationFrame(() => focusNoteOf(id, frames - 1));
  } else releaseKeys();
}

/// One document open for reading: the text with its highlights, the
/// toolbar that tags a selection, and the panel of its annotations.
export function ReaderScreen({
  documentId,
  passage,
  annotationId,
  backTo,
  onBack,
  onLibrary,
  onSearch,
  onTagTypes,
  onRelationTypes,
}: {
  documentId: string;
  /// A passage to scroll to and select on arrival (a search result).
  passage?: Passage;
  /// An annotation to show on arrival (the other end of a link).
  annotationId?: string;
  /// The name of the screen the document was opened from ("Search
  /// results"), where `onBack` leads.
  backTo: string;
  /// Back to the screen the document was opened from.
  onBack: () => void;
  /// To the library, whatever the document was opened from.
  onLibrary: () => void;
  onSearch: () => void;
  onTagTypes: () => void;
  onRelationTypes: () => void;
}) {
  const services = useServices();
  const linking = useLinking();
  const { annotations: store } = services;
  // The reader mounted now: in state for the effects that act on it (they
  // run again when another is mounted, as under StrictMode), in a ref for
  // the event handlers.
  const readerRef = useRef<Reader | null>(null);
  const [reader, setReader] = useState<Reader | null>(null);
  const onReader = useCallback((mounted: Reader | null) => {
    readerRef.current = mounted;
    setReader(mounted);
  }, []);
  const [selection, setSelection] = useState<ReaderSelection>({ kind: 'none' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusActorOf, setFocusActorOf] = useState<string | null>(null);
  const [revisionPlan, setRevisionPlan] = useState<Planned<RevisionSummary> | null>(null);
  // The find bar: open, how many times it was asked for, and the words
  // selected when it was (to find at once).
  const [find, setFind] = useState<{ request: number; initial: string } | null>(null);
  // Set when a revision is applied: the panel then shows its review list.
  const [showReview, setShowReview] = useState(false);
  const reviewShown = useCallback(() => setShowReview(false), []);
  // The version shown: 'current', 'original' (as bundled or imported) or a revision's seq.
  const [version, setVersion] = useState<'current' | 'original' | number>('current');

  const {
    document: read,
    shown,
    annotations,
    tagTypes,
    sets,
    reviews,
    revisions,
    importedOriginal,
    linksOf,
    actorIndex,
    actorNames,
  } = useReaderData(documentId, version);
  const document = read ?? undefined;
  const resolveActor = useCallback((name: string | null) => actorIndex.resolve(name), [actorIndex]);
  const byId = useMemo(() => new Map((annotations ?? []).map((a) => [a.id, a])), [annotations]);

  // An annotation whose place does not hold its quote points into another
  // version of the text (an orphan): it is listed for review, not drawn.
  const places = useMemo(
    () => (read ? readerPlaces(read.text.text, annotations ?? [], reviews ?? []) : { drawn: [], reviews: [] }),
    [read, annotations, reviews],
  );
  const ordered = useMemo(() => inTextOrder(places.drawn), [places]);
  const highlights = useMemo<Highlight[]>(() => {
    if (version !== 'current') return [];
    return highlightsOf(ordered, tagTypes ?? []);
  }, [ordered, tagTypes, version]);

  // The reader is drawn once what its highlights need has been read: drawn
  // with them from the start, a densely annotated text is laid out once,
  // not first bare, then with its highlights, then again in their colours.
  const ready = !!read && annotations !== undefined && tagTypes !== undefined && reviews !== undefined;
  // The place read is kept, and reopened after a restart.
  useReadingPlace(documentId, readerRef, ready && version === 'current');

  const startRevision = useCallback(async () => {
    if (!document) return;
    try {
      const file = await services.host.openFileChunks('Import a revision of this document', [
        { name: 'Text or Markdown', extensions: ['txt', 'md', 'markdown'] },
      ]);
      if (!file) return;
      const bytes = await chosenBytes(file);
      setRevisionPlan(await services.imports.revisions.preview({ documentId: document.id, fileName: file.name, bytes }, { transfer: [bytes] }));
    } catch (error) {
      services.notify({ kind: 'error', text: `The revision was not imported: ${messageOf(error)}` });
    }
  }, [document, services]);

  const reattachToSelection = useCallback(
    async (annotation: Annotation) => {
      const reader = readerRef.current;
      const current = reader?.selection();
      if (!reader || !document || current?.kind !== 'passage') {
        services.notify({ kind: 'error', text: 'Select the passage in the text first, then re-attach.' });
        return;
      }
      try {
        // One undoable step: Ctrl+Z puts it back on the review list.
        await store.reattach(annotation, document, current.start, current.end);
      } catch (error) {
        services.notify({ kind: 'error', text: `The annotation was not re-attached: ${messageOf(error)}` });
        return;
      }
      reader.collapseSelection();
      setSelection({ kind: 'none' });
      setSelectedId(annotation.id);
      services.notify({ kind: 'info', text: 'Re-attached.' });
    },
    [store, document, services],
  );

  // A passage asked for (a search result): shown in the middle and selected,
  // so the selection toolbar offers to annotate it.
  useEffect(() => {
    if (!reader || !passage || passage.documentId !== documentId || version !== 'current') return;
    reader.scrollTo(passage.start);
    reader.focus();
    reader.select(passage.start, passage.end);
  }, [passage, documentId, reader, version]);

  // A document opened with no passage asked for: the text takes the focus,
  // so the keyboard reads and selects in it at once; but only when nothing
  // else has it (a reader mounted again after a revision must not take it
  // from the review list).
  useEffect(() => {
    const active = window.document.activeElement;
    if (reader && !passage && !annotationId && (!active || active === window.document.body)) reader.focus();
  }, [reader, passage, annotationId]);

  // Keep the reader's "selected" highlight in step with the panel.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new highlights redraw the marks, so the selection is set again on them.
  useEffect(() => {
    reader?.highlight({ type: 'select', id: selectedId });
  }, [reader, selectedId, highlights]);

  const reveal = useCallback((annotation: Annotation) => {
    const reader = readerRef.current;
    if (!reader) return;
    setSelectedId(annotation.id);
    reader.scrollTo(annotation.position.start);
    reader.highlight({ type: 'flash', id: annotation.id });
    window.setTimeout(() => readerRef.current?.highlight({ type: 'flash', id: null }), 1200);
  }, []);

  // An annotation asked for (the other end of a link): shown and flashed,
  // once the reader and the annotations are there.
  // Once per reader: a reader mounted again (StrictMode) shows it again.
  const arrived = useRef<{ reader: Reader; id: string } | null>(null);
  useEffect(() => {
    const annotation = annotationId ? byId.get(annotationId) : undefined;
    if (!annotation || !reader || (arrived.current?.reader === reader && arrived.current.id === annotationId)) return;
    arrived.current = { reader, id: annotation.id };
    reveal(annotation);
  }, [annotationId, byId, reader, reveal]);

  const createFromSelection = useCallback(
    async (tagType: TagType) => {
      const reader = readerRef.current;
      if (!reader || !document) return false;
      const current = reader.selection();
      if (current.kind === 'blank') {
        services.notify({ kind: 'error', text: 'The selection holds only spaces or line breaks: select some words to annotate.' });
        return false;
      }
      if (current.kind !== 'passage') return false;
      try {
        const created = await store.create(document, current.start, current.end, { tags: [tagType.id] });
        reader.collapseSelection();
        setSelection({ kind: 'none' });
        setSelectedId(created.id);
        if (linking.linking?.mode === 'pick') linking.choose(created);
        else if (tagType.namesActor) {
          // The keys typed since the tag key are this annotation's actor's name.
          awaitField(`[data-annotation-entry="${CSS.escape(created.id)}"] [data-testid="entry-actor"]`);
          setFocusActorOf(created.id);
          return true;
        }
      } catch (error) {
        // No field will come: the keys held for it act where the focus is, now.
        releaseKeys();
        services.notify({ kind: 'error', text: `The annotation could not be saved: ${messageOf(error)}` });
      }
      return false;
    },
    [document, services, store, linking],
  );

  useTagKeys(tagTypes, readerRef, version === 'current', createFromSelection);

  // The keys of a keyboard user's round: N writes the note of the
  // annotation just made or shown; Escape from its note or actor field goes
  // back to the text; Alt+Left goes back where the document was opened from.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === 'Escape' && target?.closest('[data-testid="entry-note"], [data-testid="entry-actor"]')) {
        target.blur();
        readerRef.current?.focus();
        return;
      }
      if (overlayOpen()) return;
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowLeft' && !isTyping(event.target)) {
        event.preventDefault();
        onBack();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || event.key.toLowerCase() !== 'n' || !selectedId) return;
      event.preventDefault();
      focusNoteOf(selectedId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedId, onBack]);

  // The toolbar follows a selection scrolled with the text, never left
  // behind over other lines; once a frame at most.
  const following = useRef(false);
  const followSelection = useCallback(() => {
    if (following.current) return;
    following.current = true;
    requestAnimationFrame(() => {
      following.current = false;
      const current = readerRef.current?.selection();
      if (current) setSelection((before) => (before.kind === 'passage' || current.kind === 'passage' ? current : before));
    });
  }, []);

  // Ctrl+F (and the menu's Find) opens the find bar, or takes the focus
  // back to it; the browser's own find cannot see the hidden sections.
  useEffect(() => {
    const open = () => {
      const words = window.getSelection()?.toString() ?? '';
      // A short selection on one line is what to find; anything else is not.
      const initial = words.length > 0 && words.length <= 80 && !words.includes('\n') ? words : '';
      setFind((f) => ({ request: (f?.request ?? 0) + 1, initial }));
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      open();
    };
    const onMenu = (event: Event) => {
      if ((event as CustomEvent).detail === 'find') open();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(menuEvent, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(menuEvent, onMenu);
    };
  }, []);

  const closeFind = useCallback((match: { start: number; end: number } | null) => {
    setFind(null);
    // The match found stays selected, ready to tag.
    const current = readerRef.current;
    if (!current) return;
    current.focus();
    if (match) current.select(match.start, match.end);
  }, []);

  const onHighlightClick = useCallback(
    (ids: string[]) => {
      // Choosing the other end of a link: the passage clicked is it.
      const picking = linking.linking?.mode === 'pick' ? linking.linking : null;
      const target = picking ? ids.map((id) => byId.get(id)).find((a) => a && a.id !== picking.from.id) : undefined;
      if (target) {
        linking.choose(target);
        return;
      }
      // Clicking again where highlights overlap steps to the next one, so
      // every overlapping annotation can be reached from the text.
      setSelectedId((current) => {
        const at = current ? ids.indexOf(current) : -1;
        return ids[(at + 1) % ids.length] ?? null;
      });
    },
    [linking, byId],
  );

  // The text is read as the document opens.
  if (read === undefined) return <main className="screen reader-screen" />;
  if (!document) {
    return (
      <main className="screen reader-screen">
        <p role="alert">This document is no longer in the library.</p>
        <button type="button" onClick={onBack}>
          Back to the library
        </button>
      </main>
    );
  }

  const meta = document.meta;
  return (
    <main className="screen reader-screen">
      <ReaderHeader
        document={document}
        annotations={ordered}
        tagTypes={tagTypes ?? []}
        revisions={revisions}
        importedOriginal={importedOriginal}
        version={version}
        onVersion={setVersion}
        backTo={backTo}
        onBack={onBack}
        onLibrary={onLibrary}
        onSearch={onSearch}
        onNewRevision={() => void startRevision()}
        onTagTypes={onTagTypes}
        onRelationTypes={onRelationTypes}
      />
      <div className="reader-body">
        <section className="reader-column" onScroll={followSelection}>
          {/* The archive entries carry their citation in their own text. */}
          {meta.citation && !document.text.text.includes(meta.citation) && (
            <p className="citation" data-testid="citation">
              {meta.citation}
            </p>
          )}
          {version !== 'current' && (
            <p className="version-banner" data-testid="version-banner">
              You are reading an earlier version of this document, for comparison. Annotations are shown on the current text.{' '}
              <button type="button" onClick={() => setVersion('current')}>
                Back to the current text
              </button>
            </p>
          )}
          {find && ready && <FindBar reader={reader} text={(shown ?? document).text.text} request={find.request} initial={find.initial} onClose={closeFind} />}
          {ready ? (
            <ReaderView document={shown ?? document} highlights={highlights} onReader={onReader} callbacks={{ onSelection: setSelection, onHighlightClick }} />
          ) : (
            <p className="reader-loading">Opening…</p>
          )}
        </section>
        <PanelResizer />
        <AnnotationPanel
          review={
            <ReviewList
              reviews={places.reviews}
              annotations={byId}
              canReattach={selection.kind === 'passage' && version === 'current'}
              onDismiss={(review) => void services.reviews.dismiss(review.annotationId)}
              onReattach={(annotation) => void reattachToSelection(annotation)}
              onReveal={reveal}
              show={showReview}
              onShown={reviewShown}
            />
          }
          annotations={ordered}
          tagTypes={tagTypes ?? []}
          actors={actorNames}
          resolveActor={resolveActor}
          sets={sets ?? noSets}
          selectedId={selectedId}
          focusActorOf={focusActorOf}
          linksOf={linksOf}
          onActorFocused={() => setFocusActorOf(null)}
          onReveal={reveal}
        />
      </div>
      {revisionPlan && (
        <RevisionControls
          plan={revisionPlan}
          onClose={() => setRevisionPlan(null)}
          onApplied={(toReview) => {
            // The review is what to look at next: no entry pulls the panel elsewhere.
            if (toReview) setSelectedId(null);
            setShowReview(toReview);
          }}
        />
      )}
      {selection.kind === 'passage' && version === 'current' && tagTypes && (
        <SelectionToolbar rect={selection.rect} tagTypes={tagTypes} onTag={(t) => void createFromSelection(t)} />
      )}
    </main>
  );
}
