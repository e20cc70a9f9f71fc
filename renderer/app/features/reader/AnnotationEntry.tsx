import { type Ref, memo, useEffect, useRef, useState } from 'react';
import type { Actor } from '../../../../shared/actors/model';
import type { Annotation, TagType } from '../../../../shared/annotation/model';
import type { AnnotationSet } from '../../../../shared/sets/model';
import { useServices } from '../../context';
import { excerpt } from '../../ui/excerpt';
import { CopyCitationButton } from '../library/CopyCitationButton';
import { LinkList } from '../links/LinkList';
import type { LinkView } from '../links/link-views';
import { useLinking } from '../links/linking';
import { messageOf } from '../../../../shared/errors';
import { formatMoment } from '../../../../shared/corpus/times';
import { Authorship } from '../sync/Authorship';
import { ChipChoice } from './ChipChoice';
import { useNoteDraft } from './use-note-draft';

/// One annotation in the panel: its quote, tags, actor and note, each
/// editable where it stands. Placed by the panel's virtual list at `top`;
/// memoised, so a change to one annotation redraws only its entry.
export const AnnotationEntry = memo(function AnnotationEntry({
  ref,
  index,
  top,
  annotation,
  tagTypes,
  selected,
  focusActor,
  actorEntity,
  sets,
  links,
  onActorFocused,
  onReveal,
}: {
  /// The virtual list's measuring callback.
  ref: Ref<HTMLLIElement>;
  index: number;
  top: number;
  annotation: Annotation;
  tagTypes: readonly TagType[];
  selected: boolean;
  focusActor: boolean;
  /// The actor its tagged name resolves to, if any.
  actorEntity: Actor | null;
  /// The library's sets, to show which hold it and to add it to others.
  sets: readonly AnnotationSet[];
  /// Its links to other passages, read from this end.
  links: readonly LinkView[];
  onActorFocused: () => void;
  onReveal: (annotation: Annotation) => void;
}) {
  const services = useServices();
  const linking = useLinking();
  const store = services.annotations;
  const byId = new Map(tagTypes.map((t) => [t.id, t]));
  const tags = annotation.tags.map((id) => byId.get(id)).filter((t): t is TagType => !!t);
  const namesActor = tags.some((t) => t.namesActor) || annotation.actor !== null;
  const { field: noteField, note, setNote } = useNoteDraft(annotation.note);
  const [actor, setActor] = useState(annotation.actor ?? '');
  const actorInput = useRef<HTMLInputElement>(null);
  // The note field grows with its text (CSS field-sizing), so a long note
  // is read whole: measuring it here instead forced a layout of the whole
  // page for every entry drawn, seconds beside a densely annotated text.

  // Follow changes made elsewhere (undo, import); the note merges them
  // into what is being typed (use-note-draft.ts).
  useEffect(() => setActor(annotation.actor ?? ''), [annotation.actor]);
  useEffect(() => {
    if (focusActor) {
      actorInput.current?.focus();
      onActorFocused();
    }
  }, [focusActor, onActorFocused]);

  const save = (edit: Parameters<typeof store.update>[1]) =>
    store.update(annotation, edit).catch((error: unknown) => services.notify({ kind: 'error', text: `The change was not saved: ${messageOf(error)}` }));

  const commitNote = () => {
    if (note !== annotation.note) void save({ note });
  };
  const commitActor = () => {
    const value = actor.trim() || null;
    if (value !== annotation.actor) void save({ actor: value });
  };
  const unused = tagTypes.filter((t) => !annotation.tags.includes(t.id));

  return (
    <li
      ref={ref}
      data-index={index}
      className={`entry${selected ? ' entry-selected' : ''}`}
      data-testid="annotation-entry"
      data-annotation-entry={annotation.id}
      style={{ '--tag': tags[0]?.color ?? '#999999', transform: `translateY(${top}px)` } as React.CSSProperties}
    >
      <button type="button" className="text-button entry-quote" data-testid="entry-quote" onClick={() => onReveal(annotation)} title="Show in the text">
        {excerpt(annotation.quote.exact, 280)}
      </button>
      <div className="entry-tags">
        <ChipChoice
          held={tags}
          others={unused}
          noun="tag"
          chipClass="chip"
          chipTestId="entry-tag"
          addLabel="Add a tag"
          addTestId="add-tag"
          removeLabel={(tag) => `Remove tag ${tag.name}`}
          onRemove={(tag) => void save({ tags: annotation.tags.filter((t) => t !== tag.id) })}
          onAdd={(id) => void save({ tags: [...annotation.tags, id] })}
        />
      </div>
      {namesActor && (
        <label className="field">
          <span>Actor</span>
          <input
            ref={actorInput}
            list="actors-list"
            value={actor}
            placeholder="Who? (e.g. Khrushchev)"
            data-testid="entry-actor"
            onChange={(event) => setActor(event.target.value)}
            onBlur={commitActor}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
          />
        </label>
      )}
      {actorEntity && (
        <button
          type="button"
          className="entry-actor-entity"
          data-testid="entry-actor-entity"
          title="Every passage naming this actor, across the corpus"
          onClick={() => services.go({ kind: 'actor', actorId: actorEntity.id })}
        >
          → {actorEntity.name}
        </button>
      )}
      <label className="field">
        <span>Note</span>
        <textarea
          ref={noteField}
          value={note}
          rows={1}
          placeholder="Add a note…"
          data-testid="entry-note"
          onChange={(event) => setNote(event.target.value)}
          onBlur={commitNote}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.blur();
          }}
        />
      </label>
      {sets.length > 0 && <SetChips annotation={annotation} sets={sets} />}
      <LinkList annotation={annotation} links={links} />
      <Authorship annotation={annotation} />
      <div className="entry-foot">
        <span className="entry-time" title={`Created ${annotation.created}`}>
          {formatMoment(annotation.modified)}
        </span>
        <CopyCitationButton annotation={annotation} />
        <button
          type="button"
          className="entry-link-start"
          data-testid="entry-link-start"
          title="Link this passage to another, in any document"
          onClick={() => linking.start(annotation)}
        >
          Link…
        </button>
        <button type="button" className="danger-link" data-testid="entry-delete" onClick={() => void store.delete(annotation)}>
          Delete
        </button>
      </div>
    </li>
  );
});

/// The sets holding an annotation, and a menu to add it to another.
function SetChips({ annotation, sets }: { annotation: Annotation; sets: readonly AnnotationSet[] }) {
  const services = useServices();
  const holding = sets.filter((set) => set.annotationIds.includes(annotation.id));
  const others = sets.filter((set) => !holding.includes(set));
  const fail = (error: unknown) => services.notify({ kind: 'error', text: `The set was not changed: ${messageOf(error)}` });
  return (
    <div className="entry-sets" data-testid="entry-sets">
      <ChipChoice
        held={holding}
        others={others}
        noun="set"
        chipClass="chip set-chip"
        chipTestId="entry-set"
        addLabel="Add to a set"
        addTestId="add-to-set"
        removeLabel={(set) => `Take out of the set ${set.name}`}
        onRemove={(set) => void services.sets.remove(set.id, [annotation.id]).catch(fail)}
        onAdd={(id) => void services.sets.add(id, [annotation.id]).catch(fail)}
      />
    </div>
  );
}
