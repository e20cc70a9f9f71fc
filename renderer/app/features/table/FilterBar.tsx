import type { FilterOption, TableData } from './use-table-data';
import { type TableFilter, isFiltering, noFilter } from './use-table-view';

/// The table's filters: a list each for tag type, actor, document, set and
/// relation (and, in a shared project, author), and words. Each choice says
/// how many annotations it has.
export function FilterBar({ filter, options, onChange }: { filter: TableFilter; options: TableData['options']; onChange: (filter: TableFilter) => void }) {
  const set = (field: keyof TableFilter) => (value: string) => onChange({ ...filter, [field]: value });
  return (
    <div className="t-filters" role="search" aria-label="Filter the annotations">
      <input
        type="search"
        className="t-search"
        data-testid="table-search"
        placeholder="Quotes, notes, actors, titles…"
        title={'Every word must occur; accents and case are ignored; "a phrase" in quotation marks as written'}
        aria-label="Filter by words"
        value={filter.text}
        onChange={(event) => set('text')(event.target.value)}
      />
      <FilterSelect label="Tag" all="Any tag" testId="table-filter-tag" value={filter.tagTypeId} options={options.tagTypes} onChange={set('tagTypeId')} />
      <FilterSelect label="Actor" all="Any actor" testId="table-filter-actor" value={filter.actorId} options={options.actors} onChange={set('actorId')} />
      <FilterSelect
        label="Document"
        all="Any document"
        testId="table-filter-document"
        value={filter.documentId}
        options={options.documents}
        onChange={set('documentId')}
        wide
      />
      <FilterSelect label="Set" all="Any set" testId="table-filter-set" value={filter.setId} options={options.sets} onChange={set('setId')} />
      <FilterSelect
        label="Relation"
        all="Any relation"
        testId="table-filter-relation"
        value={filter.relationType}
        options={options.relations}
        onChange={set('relationType')}
      />
      {(options.authors.length > 0 || filter.authorId) && (
        <FilterSelect label="Author" all="Anyone" testId="table-filter-author" value={filter.authorId} options={options.authors} onChange={set('authorId')} />
      )}
      <button type="button" className="t-clear" data-testid="table-clear-filters" disabled={!isFiltering(filter)} onClick={() => onChange(noFilter)}>
        Clear filters
      </button>
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  all: string;
  testId: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  wide?: boolean;
}) {
  // A choice that has gone (a set deleted meanwhile) is kept in the list
  // while chosen, so the list says what is filtering.
  const missing = props.value !== '' && !props.options.some((o) => o.id === props.value);
  return (
    <label className={`t-filter${props.value ? ' t-filter-on' : ''}`}>
      <span className="t-filter-label">{props.label}</span>
      <select
        data-testid={props.testId}
        className={props.wide ? 't-select-wide' : undefined}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.all}</option>
        {missing && <option value={props.value}>(gone)</option>}
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label} ({option.count.toLocaleString('en')})
          </option>
        ))}
      </select>
    </label>
  );
}
