import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { RowList } from '../../../../shared/table/model';
import type { AnnotationRow } from '../../../../shared/table/rows';
import type { RowColumn } from '../../../../shared/table/sort';
import { type RowNames, TableRow } from './TableRow';
import type { TableSort } from './use-table-view';

// Rows differ in height (a long quote wraps to three lines); each is
// measured once drawn, and this is the guess before that.
const estimatedRowHeight = 58;

const columns: { column: RowColumn; label: string; className: string }[] = [
  { column: 'document', label: 'Document', className: 't-document' },
  { column: 'date', label: 'Date', className: 't-date' },
  { column: 'tags', label: 'Tags', className: 't-tags' },
  { column: 'actor', label: 'Actor', className: 't-actor' },
  { column: 'quote', label: 'Quote', className: 't-quote' },
  { column: 'note', label: 'Note', className: 't-note' },
  { column: 'links', label: 'Links', className: 't-links' },
  { column: 'sets', label: 'Sets', className: 't-sets' },
];
const authorColumn = { column: 'author' as const, label: 'Author', className: 't-author' };

/// The annotations as a table with a header that stays in view. Only the
/// rows on screen (and a few either side) are in the DOM, and only their
/// row objects are made: a million rows scroll as fast as ten.
export function AnnotationTable(props: {
  rows: RowList;
  names: RowNames;
  sort: TableSort;
  onSort: (column: RowColumn) => void;
  chosen: ReadonlySet<string>;
  /// How many of the rows are selected.
  selectedCount: number;
  onToggle: (id: string, range: boolean) => void;
  onToggleAll: () => void;
  onOpen: (row: AnnotationRow) => void;
  /// Shown in place of rows when there are none.
  empty: React.ReactNode;
}) {
  const { rows, sort } = props;
  // Who made each annotation is a column only once someone else could have:
  // a library never shared keeps the table it always had.
  const showAuthor = useMemo(() => rows.authored(), [rows]);
  const shownColumns = showAuthor ? [...columns, authorColumn] : columns;
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  // The same function while the rows are the same: the virtualizer lays
  // out every row again (O(rows)) whenever this function changes, and a
  // new one at each render did that on every frame of a scroll.
  const itemKey = useCallback((index: number) => rows.id(index), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: itemKey,
    overscan: 8,
    // The rows start below the sticky header.
    scrollMargin: body.current?.offsetTop ?? 0,
  });

  // Another sort or filter shows other rows: start again from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sort and the row count are the triggers, not inputs.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [sort, rows.length]);

  const all = rows.length > 0 && props.selectedCount === rows.length;
  useLayoutEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = props.selectedCount > 0 && !all;
  }, [props.selectedCount, all]);

  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const before = items.length ? items[0]!.start - margin : 0;
  const after = items.length ? virtualizer.getTotalSize() - (items.at(-1)!.end - margin) : 0;

  return (
    <div className="t-scroll" ref={scroller} data-testid="table">
      <table className="t-table" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col className="t-check" />
          {shownColumns.map((c) => (
            <col key={c.column} className={c.className} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="t-check">
              <input
                ref={selectAll}
                type="checkbox"
                data-testid="table-select-all"
                aria-label={all ? `Deselect all ${rows.length} annotations shown` : `Select all ${rows.length} annotations shown`}
                title={all ? 'Deselect all' : `Select all ${rows.length.toLocaleString('en')} shown`}
                checked={all}
                disabled={rows.length === 0}
                onChange={props.onToggleAll}
              />
            </th>
            {shownColumns.map((c) => (
              <th key={c.column} className={c.className} aria-sort={sort.column === c.column ? sort.direction : 'none'}>
                <button type="button" className="sort" data-testid={`table-sort-${c.column}`} onClick={() => props.onSort(c.column)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {sort.column === c.column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no control and takes no focus. */}
          {before > 0 && <tr className="t-spacer" aria-hidden="true" style={{ height: before }} />}
          {items.map((item) => {
            const row = rows.at(item.index);
            return (
              <TableRow
                key={item.key}
                ref={virtualizer.measureElement}
                index={item.index}
                row={row}
                selected={props.chosen.has(row.annotationId)}
                names={props.names}
                onToggle={props.onToggle}
                onOpen={props.onOpen}
                showAuthor={showAuthor}
              />
            );
          })}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no control and takes no focus. */}
          {after > 0 && <tr className="t-spacer" aria-hidden="true" style={{ height: after }} />}
        </tbody>
      </table>
      {rows.length === 0 && <div className="t-empty">{props.empty}</div>}
    </div>
  );
}
