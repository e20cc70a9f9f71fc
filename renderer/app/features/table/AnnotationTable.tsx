import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { RowList } from '../../../../shared/table/model';
import type { AnnotationRow } from '../../../../shared/table/rows';
import type { RowColumn } from '../../../../shared/table/sort';
import { listWindow, rowScrollTop } from '../../../../shared/table/window';
import { type RowNames, TableRow, rowHeight } from './TableRow';
import type { TableSort } from './use-table-view';

// Rows drawn beyond the view on each side, so a fast scroll shows rows.
const overscan = 6;
// Above this the scroll is scaled onto the rows: Chromium lays out at most
// ~33.5 million px, and a million rows are 55 million. Ten million keeps a
// scroll pixel under six px of rows at a million.
const safeHeight = 10_000_000;

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

/// The annotations as a table with a header that stays in view. Rows are of
/// one height, so only the rows on screen (and a few either side) are in
/// the DOM and only their row objects are made, found by arithmetic: a
/// million rows scroll as fast as ten, and the last is reachable by the
/// scrollbar and the keys (arrows, Page Up/Down, Home, End).
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
  /// The rows are the first screen's, the rest still being read: "all"
  /// would be those alone, so select-all waits for the rest.
  partial?: boolean;
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
  const head = useRef<HTMLTableSectionElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  // The scroll position and how much of the list is in view (below the
  // sticky header); drawn again at each scroll event, before its frame.
  const [view, setView] = useState({ top: 0, viewport: 800 });
  const count = useRef(rows.length);
  count.current = rows.length;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // In whole pixels, rounded inwards: `clientHeight` rounds a height of
    // 573.6 px up to 574, and End would leave the last row's lowest
    // fraction of a pixel out of view.
    const viewport = () => {
      const inner = el.getBoundingClientRect().height - (el.offsetHeight - el.clientHeight);
      return Math.floor(inner) - Math.ceil(head.current?.getBoundingClientRect().height ?? 0);
    };
    const read = () => setView({ top: el.scrollTop, viewport: viewport() });
    const onScroll = () => {
      // A focused box or quote whose row scrolls out would be lent to
      // another annotation (rows are kept by slot): the focus goes to the
      // list first, so a key never acts on a row the reader did not choose.
      const row = el.contains(document.activeElement) ? document.activeElement?.closest<HTMLElement>('tr[data-index]') : null;
      if (row) {
        const index = Number(row.dataset.index);
        const next = listWindow({ count: count.current, rowHeight, viewport: viewport(), safeHeight, scrollTop: el.scrollTop, overscan });
        if (index < next.first || index >= next.end) el.focus({ preventScroll: true });
      }
      flushSync(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
  }, []);
  const layout = { count: rows.length, rowHeight, viewport: view.viewport, safeHeight };
  const win = listWindow({ ...layout, scrollTop: view.top, overscan });

  // Another sort or filter shows other rows: start again from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sort and the row count are the triggers, not inputs.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [sort, rows.length]);

  // The keys move by rows, not by pixels: when the scroll is scaled a
  // pixel is several rows' worth, and Page Down would skip some.
  const onKeyDown = (event: KeyboardEvent) => {
    const el = scroller.current;
    if (!el || event.altKey || event.ctrlKey || event.metaKey || rows.length === 0) return;
    const page = Math.max(1, Math.floor(view.viewport / rowHeight) - 1);
    // The first row wholly in view, from the window drawn.
    const top = win.first + Math.max(0, Math.ceil((view.top - win.before - win.shift) / rowHeight - 1e-6));
    const to = { ArrowDown: top + 1, ArrowUp: top - 1, PageDown: top + page, PageUp: top - page, Home: 0, End: rows.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    el.scrollTo({ top: rowScrollTop(Math.min(rows.length - 1, Math.max(0, to)), layout) });
  };

  const all = rows.length > 0 && props.selectedCount === rows.length;
  useLayoutEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = props.selectedCount > 0 && !all;
  }, [props.selectedCount, all]);

  // Rows drawn before their quote and note were read are drawn again when
  // they arrive.
  const [, setTexts] = useState(0);
  useEffect(() => rows.model.onText(() => setTexts((n) => n + 1)), [rows.model]);

  const drawn: number[] = [];
  for (let index = win.first; index < win.end; index++) drawn.push(index);
  // Rows keyed by their slot in the window, not by annotation: a row that
  // leaves the view lends its DOM to the one that enters, so a fast scroll
  // changes text in place instead of building and dropping rows (half the
  // frame time at a million rows, where 300 px of scroll is 30 rows). A
  // row that stays in view keeps its slot: index mod slots does not change.
  const slots = Math.ceil(view.viewport / rowHeight) + 2 * overscan + 2;

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls by keys, so it takes focus.
    <div className="t-scroll" ref={scroller} data-testid="table" role="region" aria-label="Annotations" tabIndex={0} onKeyDown={onKeyDown}>
      <table className="t-table" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col className="t-check" />
          {shownColumns.map((c) => (
            <col key={c.column} className={c.className} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr>
            <th className="t-check">
              <input
                ref={selectAll}
                type="checkbox"
                data-testid="table-select-all"
                aria-label={all ? `Deselect all ${rows.length} annotations shown` : `Select all ${rows.length} annotations shown`}
                title={props.partial ? 'Once every annotation is read' : all ? 'Deselect all' : `Select all ${rows.length.toLocaleString('en')} shown`}
                checked={all}
                disabled={rows.length === 0 || props.partial === true}
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
        <tbody>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no control and takes no focus. */}
          {win.before > 0 && <tr className="t-spacer" aria-hidden="true" style={{ height: win.before }} />}
          {drawn.map((index) => {
            const row = rows.at(index);
            return (
              <TableRow
                key={index % slots}
                index={index}
                shift={win.shift}
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
          {win.after > 0 && <tr className="t-spacer" aria-hidden="true" style={{ height: win.after }} />}
        </tbody>
      </table>
      {rows.length === 0 && <div className="t-empty">{props.empty}</div>}
    </div>
  );
}
