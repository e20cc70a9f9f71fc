import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import type { Actor } from '../../../../shared/actors/model';
import type { Annotation, TagType } from '../../../../shared/annotation/model';
import type { AnnotationSet } from '../../../../shared/sets/model';
import { AnnotationEntry } from './AnnotationEntry';
import type { LinkView } from '../links/link-views';

// Entries differ in height (a long quote, a note, an actor field): each is
// measured once drawn; this is the guess before that.
const estimatedEntryHeight = 150;
const entryGap = 10;

/// The open document's annotations in the order of the text. Only the
/// entries in view (and a few either side) are in the DOM: a document with
/// 50,000 annotations opens, scrolls and updates as fast as one with fifty.
export function AnnotationPanel(props: {
  /// Shown above the annotations: the review list after a revision.
  review?: ReactNode;
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  actors: readonly string[];
  selectedId: string | null;
  focusActorOf: string | null;
  linksOf: (annotationId: string) => readonly LinkView[];
  resolveActor: (name: string | null) => Actor | null;
  sets: readonly AnnotationSet[];
  onActorFocused: () => void;
  onReveal: (annotation: Annotation) => void;
}) {
  const { annotations, selectedId, focusActorOf } = props;
  const panel = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => panel.current,
    estimateSize: () => estimatedEntryHeight,
    getItemKey: (index) => annotations[index]!.id,
    gap: entryGap,
    overscan: 4,
    // The list starts below the review list and the title.
    scrollMargin: list.current?.offsetTop ?? 0,
  });

  // Bring the selected entry into view when a highlight is clicked, and an
  // entry whose actor field is to be focused into the DOM.
  const wanted = focusActorOf ?? selectedId;
  useEffect(() => {
    if (!wanted) return;
    const index = annotations.findIndex((a) => a.id === wanted);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [wanted, annotations, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const offset = virtualizer.options.scrollMargin;
  return (
    <aside className="panel" aria-label="Annotations" data-testid="panel" ref={panel}>
      {props.review}
      <h2 className="panel-title">
        Annotations{' '}
        <span className="count" data-testid="annotation-count">
          {annotations.length.toLocaleString('en')}
        </span>
      </h2>
      {annotations.length === 0 && (
        <p className="panel-empty">
          Select a passage in the text, then choose a tag in the toolbar that appears, or press 1, 2, 3… for the tag types in order.
        </p>
      )}
      <datalist id="actors-list">
        {props.actors.map((actor) => (
          <option key={actor} value={actor} />
        ))}
      </datalist>
      <ol className="entries entries-virtual" ref={list} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const annotation = annotations[item.index]!;
          return (
            <AnnotationEntry
              key={item.key}
              ref={virtualizer.measureElement}
              index={item.index}
              top={item.start - offset}
              annotation={annotation}
              tagTypes={props.tagTypes}
              selected={annotation.id === selectedId}
              focusActor={annotation.id === focusActorOf}
              links={props.linksOf(annotation.id)}
              actorEntity={props.resolveActor(annotation.actor)}
              sets={props.sets}
              onActorFocused={props.onActorFocused}
              onReveal={props.onReveal}
            />
          );
        })}
      </ol>
    </aside>
  );
}
