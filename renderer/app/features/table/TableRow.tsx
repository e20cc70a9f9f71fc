import { type MouseEvent, memo } from 'react';
import type { TagType } from '../../../../shared/annotation/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { AnnotationRow } from '../../../../shared/table/rows';

/// Names and colours for the ids a row holds.
export interface RowNames {
  tagTypes: ReadonlyMap<string, TagType>;
  relations: ReadonlyMap<string, string>;
  sets: ReadonlyMap<string, string>;
}

/// Every row's height, px: two lines of text, their padding and a rule
/// (table.css `.t-row` holds the same). The list finds rows by it.
export const rowHeight = 55;

/// One annotation in the table, one height whatever it holds: a long quote,
/// note or title is cut to two lines with an ellipsis, and shown whole when
/// hovered and in the reader a click on the quote opens. Memoised: selecting a row, or scrolling,
/// redraws only the rows that changed.
export const TableRow = memo(function TableRow({
  index,
  shift,
  row,
  selected,
  names,
  onToggle,
  onOpen,
  showAuthor,
}: {
  index: number;
  /// Px the row is drawn above its place (0 or less), when the list's
  /// scroll is scaled.
  shift: number;
  row: AnnotationRow;
  selected: boolean;
  names: RowNames;
  onToggle: (id: string, range: boolean) => void;
  onOpen: (row: AnnotationRow) => void;
  /// Whether the library is shared: then who made each row is shown.
  showAuthor: boolean;
}) {
  const relations = row.relations.map((id) => names.relations.get(id) ?? id).join(', ');
  const differentName = row.taggedActor !== null && row.taggedActor !== row.actor;
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="table-row"
      data-annotation={row.annotationId}
      className={selected ? 't-row selected' : 't-row'}
      style={shift ? { transform: `translateY(${shift}px)` } : undefined}
      aria-selected={selected}
      aria-busy={row.pending}
    >
      <td className="t-check">
        <input
          type="checkbox"
          data-testid="table-row-select"
          aria-label={`Select “${short(row.quote)}”`}
          checked={selected}
          readOnly
          // Shift+click selects a range; it must not also select the page's text.
          onMouseDown={(event) => event.shiftKey && event.preventDefault()}
          onClick={(event: MouseEvent) => onToggle(row.annotationId, event.shiftKey)}
        />
      </td>
      <td className="t-document" title={row.documentTitle}>
        <span className="t-clamp">{row.documentTitle}</span>
      </td>
      <td className="t-date" data-testid="table-date">
        {row.documentDate ? formatDateSpan(row.documentDate) : <span className="unknown">undated</span>}
      </td>
      <td className="t-tags" title={row.tags.map((id) => names.tagTypes.get(id)?.name ?? id).join(', ') || undefined}>
        <div className="t-cell">
          {row.tags.map((id) => {
            const tagType = names.tagTypes.get(id);
            return (
              <span key={id} className="chip t-chip" data-testid="table-tag" style={{ '--tag': tagType?.color ?? '#999999' } as React.CSSProperties}>
                {tagType?.name ?? id}
              </span>
            );
          })}
        </div>
      </td>
      <td className="t-actor" data-testid="table-actor" title={row.actor ? `${row.actor}${differentName ? `, as “${row.taggedActor}”` : ''}` : undefined}>
        <div className="t-cell">
          {row.actor}
          {differentName && <span className="t-as-tagged">as “{row.taggedActor}”</span>}
        </div>
      </td>
      <td className="t-quote">
        <button
          type="button"
          className="text-button t-quote-button"
          data-testid="table-quote"
          title={`“${row.quote}”\n\nClick to open this passage in the reader.`}
          onClick={() => onOpen(row)}
        >
          <span className="t-clamp">{row.pending ? '…' : row.quote}</span>
        </button>
      </td>
      <td className="t-note" title={row.note || undefined}>
        <span className="t-clamp">{row.note}</span>
      </td>
      <td className="t-links" title={relations || undefined}>
        {row.linkCount > 0 ? row.linkCount : ''}
      </td>
      <td className="t-sets" title={row.setIds.map((id) => names.sets.get(id) ?? id).join('\n') || undefined}>
        <div className="t-cell">
          {row.setIds.map((id) => (
            <span key={id} className="t-set">
              {names.sets.get(id) ?? id}
            </span>
          ))}
        </div>
      </td>
      {showAuthor && (
        <td className="t-author" data-testid="table-author">
          <div className="t-cell">
            {row.author}
            {row.changedBy && row.changedBy !== row.author && <span className="t-as-tagged">changed by {row.changedBy}</span>}
          </div>
        </td>
      )}
    </tr>
  );
});

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
