import { type ReactNode, useEffect, useRef } from 'react';
import type { Annotation, TagType } from '../../shared/annotation/model';
import { AnnotationEntry } from './AnnotationEntry';

/// The open document's annotations in the order of the text.
export function AnnotationPanel(props: {
  /// Shown above the annotations: the review list after a revision.
  review?: ReactNode;
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  actors: readonly string[];
  selectedId: string | null;
  focusActorOf: string | null;
  onActorFocused: () => void;
  onReveal: (annotation: Annotation) => void;
}) {
  const { annotations, selectedId } = props;
  const list = useRef<HTMLOListElement>(null);

  // Bring the selected entry into view when a highlight is clicked.
  useEffect(() => {
    if (!selectedId) return;
    list.current?.querySelector(`[data-annotation-entry="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <aside className="panel" aria-label="Annotations" data-testid="panel">
      {props.review}
      <h2 className="panel-title">
        Annotations <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 && (
        <p className="panel-empty">Select a passage in the text, then choose a tag in the toolbar that appears, or press 1, 2, 3… for the tag types in order.</p>
      )}
      <datalist id="actors-list">
        {props.actors.map((actor) => (
          <option key={actor} value={actor} />
        ))}
      </datalist>
      <ol className="entries" ref={list}>
        {annotations.map((annotation) => (
          <AnnotationEntry
            key={annotation.id}
            annotation={annotation}
            tagTypes={props.tagTypes}
            selected={annotation.id === selectedId}
            focusActor={annotation.id === props.focusActorOf}
            onActorFocused={props.onActorFocused}
            onReveal={props.onReveal}
          />
        ))}
      </ol>
    </aside>
  );
}
