import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { TagType } from '../../../../shared/annotation/model';
import { type PreparedRow, type RowFilter, filterRows, prepareRows } from '../../../../shared/table/filter';
import type { AnnotationRow } from '../../../../shared/table/rows';
import { type RowColumn, type SortDirection, sortRows } from '../../../../shared/table/sort';

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

/// The rows sorted, then filtered: sorted when the rows or the sort change,
/// prepared for filtering then too (only changed rows are folded again),
/// and filtered as the researcher types, at a lower priority than the
/// typing itself, so the search field never lags behind the keys.
export function useTableView(rows: readonly AnnotationRow[], tagTypes: readonly TagType[]) {
  const [filter, setFilter] = useState<TableFilter>(noFilter);
  // Date order first: a historian reads a corpus chronologically.
  const [sort, setSort] = useState<TableSort>({ column: 'date', direction: 'ascending' });
  const deferredFilter = useDeferredValue(filter);

  const sorted = useMemo(() => sortRows(rows, sort.column, sort.direction, { tagTypes }), [rows, sort, tagTypes]);
  const previous = useRef<readonly PreparedRow[]>([]);
  const prepared = useMemo(() => (previous.current = prepareRows(sorted, previous.current)), [sorted]);
  const shown = useMemo(() => filterRows(prepared, rowFilter(deferredFilter)), [prepared, deferredFilter]);

  return {
    filter,
    setFilter,
    sort,
    /// Sorts by a column, ascending first; the sorted column again turns the order round.
    sortBy: (column: RowColumn) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' })),
    /// The rows the filter keeps, in the sort's order.
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
