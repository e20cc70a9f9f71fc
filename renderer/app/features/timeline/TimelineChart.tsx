import { useMemo, useRef } from 'react';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { TimelineItem, TimelineLayout } from '../../../../shared/timeline/layout';
import { extentOf } from '../../../../shared/timeline/time';
import { type Placed, placeItems } from './placement';
import { type TimeScale, timeScale } from './scale';
import { useWidth } from './use-width';

// Pixels: the room each side of the axis, the axis' own height, a lane's
// height (a mark, two lines of title, a line of date and count), a label's
// width, and the least chart width before it scrolls sideways.
const pad = 28;
const axisHeight = 34;
const laneHeight = 76;
const labelWidth = 236;
const leastWidth = 880;

/// The documents and the listing's entries on a time axis, each in its lane
/// with its title, date and count of matching annotations.
export function TimelineChart({
  layout,
  kinds,
  selected,
  onOpen,
  onShowPassages,
}: {
  layout: TimelineLayout;
  /// Each document's kind ("archival document"), by id.
  kinds: ReadonlyMap<string, string>;
  /// The document whose passages are shown below.
  selected: string | null;
  /// Opens a document, or a listing's entry in the listing.
  onOpen: (item: TimelineItem) => void;
  onShowPassages: (documentId: string) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const width = Math.max(leastWidth, useWidth(frame) - 2 * pad);
  const scale = useMemo(
    () =>
      timeScale(
        layout.items.map((item) => extentOf(item.date)),
        { width },
      ),
    [layout, width],
  );
  const { placed, laneCount } = useMemo(
    () => (scale ? placeItems(layout.items, (item) => extentOf(item.date), scale, labelWidth) : { placed: [], laneCount: 0 }),
    [layout, scale],
  );
  const height = axisHeight + 10 + laneCount * laneHeight;

  return (
    <div className="tl-frame" ref={frame}>
      {scale && (
        <div className="tl-canvas" style={{ width: scale.width + 2 * pad, height }}>
          <Axis scale={scale} height={height} />
          {placed.map((p) => (
            <Item
              key={p.item.key}
              placed={p}
              kind={kinds.get(p.item.documentId) ?? ''}
              selected={selected === p.item.documentId && p.item.entry === null}
              onOpen={onOpen}
              onShowPassages={onShowPassages}
            />
          ))}
        </div>
      )}
      {scale && (
        <p className="tl-key" style={{ marginLeft: pad }}>
          <span className="tl-key-document">document of the library</span>
          {placed.some((p) => p.item.entry !== null) && <span className="tl-key-entry">listed in the archive search (opens the listing at its entry)</span>}
          {placed.some((p) => p.item.shape === 'span') && <span className="tl-key-span">a month, a year or a range of dates</span>}
          {scale.breaks.length > 0 && <span className="tl-key-break">years without documents, left out</span>}
        </p>
      )}
    </div>
  );
}

function Axis({ scale, height }: { scale: TimeScale; height: number }) {
  return (
    <>
      <div className="tl-axis-line" style={{ left: pad, width: scale.width, top: axisHeight }} />
      {scale.segments.map((segment, i) => {
        // Month ticks are labelled only where a month has room for its name.
        const monthRoom = segment.width / ((segment.end - segment.start) * 12);
        const breakBefore = i > 0;
        const breakAfter = i < scale.segments.length - 1;
        return segment.ticks.map((tick) => {
          const x = pad + segment.left + tick.position * segment.width;
          // Beside a break, the year the break starts at says nothing (the
          // break's title does), and the next segment's first year is set
          // after the break's edge rather than over it.
          if (tick.kind === 'year' && breakAfter && tick.value === segment.end) return null;
          return tick.kind === 'year' ? (
            <div
              key={`${segment.start}-${tick.value}`}
              className={breakBefore && tick.value === segment.start ? 'tl-year tl-year-after-break' : 'tl-year'}
              style={{ left: x, height: height - 6 }}
            >
              <span>{tick.label}</span>
            </div>
          ) : (
            <div key={`${segment.start}-${tick.value}`} className="tl-month" style={{ left: x }}>
              {monthRoom >= 30 && <span>{tick.label}</span>}
            </div>
          );
        });
      })}
      {scale.breaks.map((b) => (
        <div
          key={b.from}
          className="tl-break"
          style={{ left: pad + b.left, width: b.width, height: height - 6 }}
          title={`No dated documents from ${b.from} to ${b.to - 1}: these years are left out of the axis.`}
        >
          <span>{b.to - b.from} yrs</span>
        </div>
      ))}
    </>
  );
}

function Item({
  placed,
  kind,
  selected,
  onOpen,
  onShowPassages,
}: {
  placed: Placed<TimelineItem>;
  kind: string;
  selected: boolean;
  onOpen: (item: TimelineItem) => void;
  onShowPassages: (documentId: string) => void;
}) {
  const { item, x0, x1, labelLeft, flipped, lane } = placed;
  const entry = item.entry !== null;
  const count = item.annotationCount ?? 0;
  const classes = [
    'tl-item',
    entry ? 'tl-entry' : kind === 'search listing' ? 'tl-listing' : 'tl-document',
    flipped ? 'tl-flipped' : '',
    selected ? 'tl-selected' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="timeline-item"
      data-document={item.documentId}
      data-entry={item.entry ?? undefined}
      style={{ left: pad + labelLeft, top: axisHeight + 10 + lane * laneHeight, width: labelWidth }}
    >
      <span
        className={item.shape === 'point' ? 'tl-mark tl-point' : 'tl-mark tl-span'}
        style={{ left: x0 - labelLeft, width: item.shape === 'point' ? undefined : Math.max(6, x1 - x0) }}
      />
      <button
        type="button"
        className="tl-title"
        data-testid="timeline-title"
        title={entry ? `${item.title}\nListed in the archive search; opens the listing at this entry.` : `${item.title}\nOpen this ${kind || 'document'}.`}
        onClick={() => onOpen(item)}
      >
        {item.title}
      </button>
      <div className="tl-meta">
        <span className="tl-date">{formatDateSpan(item.date)}</span>
        {entry ? (
          <span className="tl-listed">listed</span>
        ) : count > 0 ? (
          <button
            type="button"
            className="tl-count"
            data-testid="timeline-count"
            title="List these passages below"
            onClick={() => onShowPassages(item.documentId)}
          >
            {count === 1 ? '1 annotation' : `${count.toLocaleString('en')} annotations`}
          </button>
        ) : (
          <span className="tl-none">no annotations</span>
        )}
      </div>
    </div>
  );
}
