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
import { Authorship } from '../sync/Authorship';
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
      <button type="button" className="entry-quote" data-testid="entry-quote" onClick={() => onReveal(annotation)} title="Show in the text">
        {excerpt(annotation.quote.exact, 280)}
      </button>
      <div className="entry-tags">
        {tags.map((tag) => (
          <span key={tag.id} className="chip" style={{ '--tag': tag.color } as React.CSSProperties} data-testid="entry-tag">
            {tag.name}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${tag.name}`}
              onClick={() => void save({ tags: annotation.tags.filter((t) => t !== tag.id) })}
            >
              ×
            </button>
          </span>
        ))}
        {unused.length > 0 && (
          <select
            className="add-tag"
            aria-label="Add a tag"
            data-testid="add-tag"
            value=""
            onChange={(event) => {
              if (event.target.value) void save({ tags: [...annotation.tags, event.target.value] });
            }}
          >
            <option value="">+ tag</option>
            {unused.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
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
          {new Date(annotation.modified).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
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
      {holding.map((set) => (
        <span key={set.id} className="chip set-chip" data-testid="entry-set">
          {set.name}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Take out of the set ${set.name}`}
            onClick={() => void services.sets.remove(set.id, [annotation.id]).catch(fail)}
          >
            ×
          </button>
        </span>
      ))}
      {others.length > 0 && (
        <select
          className="add-tag"
          aria-label="Add to a set"
          data-testid="add-to-set"
          value=""
          onChange={(event) => event.target.value && void services.sets.add(event.target.value, [annotation.id]).catch(fail)}
        >
          <option value="">+ set</option>
          {others.map((set) => (
            <option key={set.id} value={set.id}>
              {set.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
