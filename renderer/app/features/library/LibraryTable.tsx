import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { listWindow, rowScrollTop } from '../../../../shared/table/window';
import type { DocumentList } from '../../../data/document-list';
import type { LibrarySort, SortKey } from './library-order';
import { LibraryRow, type RowActions, rowHeight } from './LibraryRow';

// Rows drawn beyond the view on each side, so a fast scroll shows rows.
const overscan = 4;
// Above this the scroll is scaled onto the rows (shared/table/window.ts):
// Chromium lays out at most ~33.5 million px. At 80 px a row that is
// 125,000 documents, far beyond an archive's; the windowing is the table's.
const safeHeight = 10_000_000;

/// The library's documents as a table drawn a screenful at a time: rows
/// are of one height, so the rows in view (and a few either side) are
/// found by arithmetic (`listWindow`, as the annotation table does) and
/// only theirs are made and parsed. The page (`scroller`, the library's
/// `main`) scrolls as before, its header, views and guide above the
/// table. From a row, the arrows, Page Up/Down, Home and End move to
/// another row's title, drawing it first; Enter opens it.
export function LibraryTable({
  scroller,
  list,
  order,
  counts,
  sort,
  onSort,
  shelf,
  actions,
}: {
  /// The element that scrolls: the library's `main`.
  scroller: HTMLElement | null;
  list: DocumentList;
  /// The indexes of `list` shown, in order.
  order: readonly number[];
  counts: ReadonlyMap<string, number> | undefined;
  sort: LibrarySort;
  onSort: (key: SortKey) => void;
  /// Names the shelf shown: another shelf starts from its first row.
  shelf: string;
  actions: RowActions;
}) {
  const head = useRef<HTMLTableSectionElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the list's top is in the page's scroll, how far the page is
  // scrolled, and how much of the page shows rows (below the sticky header).
  const [view, setView] = useState({ top: 0, viewport: 900 });
  const count = useRef(order.length);
  count.current = order.length;

  // The list's own scroll position and viewport, from the page's.
  const measure = useCallback(() => {
    const el = scroller;
    const tbody = body.current;
    if (!el || !tbody) return null;
    const headHeight = head.current?.offsetHeight ?? 0;
    const bodyTop = tbody.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
    return { headHeight, bodyTop, top: el.scrollTop + headHeight - bodyTop, viewport: el.clientHeight - headHeight };
  }, [scroller]);
  const read = useCallback(() => {
    const m = measure();
    if (m) setView((v) => (v.top === m.top && v.viewport === m.viewport ? v : { top: m.top, viewport: m.viewport }));
  }, [measure]);

  useLayoutEffect(() => {
    const el = scroller;
    if (!el) return;
    const onScroll = () => {
      // A focused title whose row scrolls out would be dropped with it: the
      // focus goes to the page first, so the keys still scroll it.
      const row = el.contains(document.activeElement) ? document.activeElement?.closest<HTMLElement>('tr.doc-row') : null;
      const m = measure();
      if (row && m) {
        const index = Number(row.dataset.index);
        const next = listWindow({ count: count.current, rowHeight, viewport: m.viewport, safeHeight, scrollTop: m.top, overscan });
        if (index < next.first || index >= next.end) el.focus({ preventScroll: true });
      }
      flushSync(read);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
  }, [scroller, measure, read]);
  // What stands above the table (the guide, a notice) can change its
  // place: measured again after each render, drawn again only if it moved.
  useLayoutEffect(read);

  const layout = { count: order.length, rowHeight, viewport: view.viewport, safeHeight };
  const win = listWindow({ ...layout, scrollTop: view.top, overscan });

  // Another sort or collection shows other rows: from the first of them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sort and the shelf are the triggers, not inputs.
  useEffect(() => {
    const el = scroller;
    const m = measure();
    if (el && m && m.top > 0) el.scrollTop = m.bodyTop - m.headHeight;
  }, [sort, shelf]);

  // Moves the focus to row `to`'s title, scrolling the page as little as
  // shows it whole (to the very top for the first row), drawing it first.
  const focusRow = (to: number) => {
    const el = scroller;
    const m = measure();
    if (!el || !m || order.length === 0) return;
    const index = Math.min(order.length - 1, Math.max(0, to));
    // The page's bottom padding is room for the sync status over its
    // corner: a row scrolled to is shown above it.
    const viewport = m.viewport - (Number.parseFloat(getComputedStyle(el).paddingBottom) || 0);
    let top = m.top;
    if (order.length * rowHeight > safeHeight) top = rowScrollTop(index, { ...layout, viewport });
    else if (index * rowHeight < m.top) top = index * rowHeight;
    else if ((index + 1) * rowHeight > m.top + viewport) top = (index + 1) * rowHeight - viewport;
    el.scrollTop = index === 0 ? 0 : top + m.bodyTop - m.headHeight;
    flushSync(read);
    body.current?.querySelector<HTMLElement>(`tr[data-index="${index}"] [data-testid="doc-title"]`)?.focus({ preventScroll: true });
  };

  // The keys move by rows: from any control of a row to another row's title.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr.doc-row');
    if (!row || target.closest('input, select, textarea')) return;
    const at = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(view.viewport / rowHeight) - 1);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: order.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusRow(to);
  };

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" data-testid={`sort-${key}`} onClick={() => onSort(key)}>
        {label}
        <span className="sort-mark">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  const drawn: number[] = [];
  for (let k = win.first; k < win.end; k++) drawn.push(k);
  return (
    <table className="library-table" aria-rowcount={order.length + 1} data-testid="library-table" onKeyDown={onKeyDown}>
      <colgroup>
        <col className="col-title" />
        <col className="col-date" />
        <col className="col-source" />
        <col className="col-collection" />
        <col className="col-language" />
        <col className="col-count" />
        <col className="col-actions" />
      </colgroup>
      <thead ref={head}>
        <tr>
          {header('title', 'Title')}
          {header('date', 'Date')}
          <th title="Source / archive">Source / archive</th>
          <th>Collection</th>
          <th title="Original language">Original language</th>
          {header('count', 'Annotations')}
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no control and takes no focus. */}
        {win.before > 0 && <tr className="doc-spacer" aria-hidden="true" style={{ height: win.before }} />}
        {drawn.map((k) => {
          const i = order[k]!;
          const id = list.id(i);
          return <LibraryRow key={id} index={k} shift={win.shift} document={list.summary(i)} count={counts?.get(id) ?? 0} actions={actions} />;
        })}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no control and takes no focus. */}
        {win.after > 0 && <tr className="doc-spacer" aria-hidden="true" style={{ height: win.after }} />}
      </tbody>
    </table>
  );
}
