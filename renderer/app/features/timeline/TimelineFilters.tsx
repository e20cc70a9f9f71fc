import type { TagType } from '../../../../shared/annotation/model';
import type { ActorChoices } from './actor-choices';
import type { TimelineChoice } from './filter';

/// The timeline's filters: a tag type, an actor, and whether documents
/// without a matching annotation are left out.
export function TimelineFilters({
  choice,
  onChange,
  tagTypes,
  actors,
  summary,
}: {
  choice: TimelineChoice;
  onChange: (choice: TimelineChoice) => void;
  tagTypes: readonly TagType[];
  actors: ActorChoices;
  /// What is shown, in words.
  summary: string;
}) {
  const filtered = choice.tagTypeId !== null || choice.actorId !== null || choice.hideEmpty;
  return (
    <div className="toolbar tl-filters" role="group" aria-label="Filter the timeline">
      <label>
        <span>Tag type</span>
        <select data-testid="timeline-filter-tag" value={choice.tagTypeId ?? ''} onChange={(e) => onChange({ ...choice, tagTypeId: e.target.value || null })}>
          <option value="">All tag types</option>
          {tagTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Actor</span>
        <select data-testid="timeline-filter-actor" value={choice.actorId ?? ''} onChange={(e) => onChange({ ...choice, actorId: e.target.value || null })}>
          <option value="">Any actor</option>
          {actors.actors.length > 0 && (
            <optgroup label="Actors">
              {actors.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label} ({a.count})
                </option>
              ))}
            </optgroup>
          )}
          {actors.names.length > 0 && (
            <optgroup label="Tagged names not yet made actors">
              {actors.names.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label} ({a.count})
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label className="tl-check">
        <input
          type="checkbox"
          data-testid="timeline-hide-empty"
          checked={choice.hideEmpty}
          onChange={(e) => onChange({ ...choice, hideEmpty: e.target.checked })}
        />
        Hide documents with no matching annotations
      </label>
      {filtered && (
        <button type="button" className="tl-clear" onClick={() => onChange({ tagTypeId: null, actorId: null, hideEmpty: false })}>
          Clear filters
        </button>
      )}
      <span className="spacer" />
      <span className="tl-summary" data-testid="timeline-summary">
        {summary}
      </span>
    </div>
  );
}
