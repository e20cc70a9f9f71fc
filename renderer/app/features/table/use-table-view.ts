import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { RowFilter } from '../../../../shared/table/filter';
import { RowList, type TableModel } from '../../../../shared/table/model';
import type { RowColumn, SortDirection } from '../../../../shared/table/sort';
import { messageOf } from '../../../../shared/errors';
import { useServices } from '../../context';
import { readAllText } from './read-text';

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
/// search field never lags behind the keys. Words and the quote and note
/// sorts need every row's text: it is read from the chunks the first time
/// one asks (the rows shown meanwhile stay as they were, `filtering` set),
/// and then folded while the table is idle. `textVersion` changes when rows'
/// text changed under the same model. A read that fails is tried again, then
/// reported, and the rows are shown without the words or that sort.
export function useTableView(model: TableModel, textVersion = 0) {
  const services = useServices();
  const [filter, setFilter] = useState<TableFilter>(noFilter);
  // Date order first: a historian reads a corpus chronologically.
  const [sort, setSort] = useState<TableSort>({ column: 'date', direction: 'ascending' });
  const deferredFilter = useDeferredValue(filter);
  const [textRead, setTextRead] = useState(0);
  // The words and sort whose text could not be read, for this model: the
  // rows are shown without them until the researcher changes them.
  const [failure, setFailure] = useState<{ model: TableModel; asked: string } | null>(null);

  const wantsText = deferredFilter.text.trim() !== '' || sort.column === 'quote' || sort.column === 'note';
  const asked = `${deferredFilter.text.trim()}\u0000${sort.column}`;
  const failed = failure !== null && failure.model === model && failure.asked === asked;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a write (textVersion) or a read (textRead) changes what is missing.
  const missing = useMemo(() => (wantsText ? model.missingText().length > 0 : false), [model, wantsText, textVersion, textRead]);
  const latest = useRef({ asked, notify: services.notify });
  latest.current = { asked, notify: services.notify };
  // Runs again after every read (textRead): a write may have forgotten a
  // chunk's text before the table drew what was read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: textRead: still missing after a read, read again.
  useEffect(() => {
    if (!missing || failed) return;
    let live = true;
    readAllText(model, (ms) => new Promise((resolve) => setTimeout(resolve, ms))).then(
      () => live && setTextRead((n) => n + 1),
      (error: unknown) => {
        if (!live) return;
        const { asked, notify } = latest.current;
        setFailure({ model, asked });
        notify({
          kind: 'error',
          text: `The quotes and notes could not be read, so the table is not filtered by words nor sorted by quote or note: ${messageOf(error)} Change the words or the sort to try again.`,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [model, missing, failed, textRead]);

  const last = useRef<RowList | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion: a note edited may change what the words keep.
  const shown = useMemo(() => {
    if (missing && !failed && last.current) return last.current;
    const ready = !missing;
    const order = model.order(ready ? sort.column : 'date', ready ? sort.direction : 'ascending');
    return new RowList(model, model.filter(order, rowFilter(ready ? deferredFilter : { ...deferredFilter, text: '' })));
  }, [model, sort, deferredFilter, missing, failed, textVersion]);
  last.current = shown;
  useEffect(() => (missing ? undefined : foldWhileIdle(model)), [model, missing]);

  return {
    filter,
    setFilter,
    sort,
    /// Sorts by a column, ascending first; the sorted column again turns the order round.
    sortBy: (column: RowColumn) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' })),
    /// The rows the filter keeps, in the sort's order (made as drawn).
    shown,
    filtering: filter !== deferredFilter || (missing && !failed),
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
