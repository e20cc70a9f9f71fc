import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { RowFilter } from '../../../../shared/table/filter';
import { RowList, type TableModel } from '../../../../shared/table/model';
import type { RowColumn, SortDirection } from '../../../../shared/table/sort';

/// What the researcher filters by: one choice per list, and words.
export interface TableFilter {
  tagTypeId: string;
  actorId: string;
  documentId: string;
  setId: string;
  relationType: string;
  authorId: string;
  text: string;
}

export const noFilter: TableFilter = { tagTypeId: '', actorId: '', documentId: '', setId: '', relationType: '', authorId: '', text: '' };

/// Whether a filter keeps fewer than every row.
export function isFiltering(filter: TableFilter): boolean {
  return (Object.keys(noFilter) as (keyof TableFilter)[]).some((key) => filter[key].trim() !== '');
}

export interface TableSort {
  column: RowColumn;
  direction: SortDirection;
}

/// The rows ordered, then filtered: ordered when the model or the sort
/// change (each column's keys ranked once per model), filtered as the
/// researcher types, at a lower priority than the typing itself, so the
/// search field never lags behind the keys. While the table is idle, the
/// rows' text is folded ahead of the first typed word.
export function useTableView(model: TableModel) {
  const [filter, setFilter] = useState<TableFilter>(noFilter);
  // Date order first: a historian reads a corpus chronologically.
  const [sort, setSort] = useState<TableSort>({ column: 'date', direction: 'ascending' });
  const deferredFilter = useDeferredValue(filter);

  const order = useMemo(() => model.order(sort.column, sort.direction), [model, sort]);
  const shown = useMemo(() => new RowList(model, model.filter(order, rowFilter(deferredFilter))), [model, order, deferredFilter]);
  useEffect(() => foldWhileIdle(model), [model]);

  return {
    filter,
    setFilter,
    sort,
    /// Sorts by a column, ascending first; the sorted column again turns the order round.
    sortBy: (column: RowColumn) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' })),
    /// The rows the filter keeps, in the sort's order (made as drawn).
    shown,
    filtering: filter !== deferredFilter,
  };
}

function rowFilter(filter: TableFilter): RowFilter {
  return {
    tagTypeIds: filter.tagTypeId ? [filter.tagTypeId] : [],
    actorId: filter.actorId || null,
    documentIds: filter.documentId ? [filter.documentId] : [],
    setId: filter.setId || null,
    relationType: filter.relationType || null,
    authorId: filter.authorId || null,
    text: filter.text,
  };
}

// Folds the model's text in slices of a few milliseconds between other
// work, so that no task is long; stops when the model is replaced.
function foldWhileIdle(model: TableModel): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const until = performance.now() + 8;
    if (!model.foldAhead(() => performance.now() < until)) timer = setTimeout(slice, 16);
  };
  timer = setTimeout(slice, 200);
  return () => clearTimeout(timer);
}
