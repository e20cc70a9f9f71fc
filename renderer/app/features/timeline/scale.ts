import { type Tick, timeAxis } from '../../../../shared/timeline/axis';
import { greatest } from '../../../../shared/extremes';

// The seed corpus runs from a listing of 1956–1964 and memoranda of 1962
// and 1967 to an article of 2019: on one linear axis the first decade would
// be crowded into a sixth of the width and the fifty empty years between
// would take the rest. So long empty stretches are cut out, as a printed
// chart breaks its axis, and every stretch with documents gets its own
// whole years and ticks.

/// A stretch of time in fractional years (see shared/timeline/time.ts).
export interface Extent {
  start: number;
  end: number;
}

/// A stretch of the axis drawn to scale.
export interface ScaleSegment {
  /// Whole years.
  start: number;
  end: number;
  /// Pixels from the chart's left edge.
  left: number;
  width: number;
  ticks: Tick[];
}

/// Years left out between two segments, drawn as a narrow break.
export interface ScaleBreak {
  left: number;
  width: number;
  /// The first year left out, and the year the next segment starts.
  from: number;
  to: number;
}

export interface TimeScale {
  width: number;
  segments: ScaleSegment[];
  breaks: ScaleBreak[];
}

export interface ScaleOptions {
  /// The chart's width in pixels.
  width: number;
  /// A gap is cut out when it is at least this many years long…
  minGap?: number;
  /// …and at least this share of the whole span.
  gapShare?: number;
  breakWidth?: number;
  /// The least width of a segment, so a lone late document keeps room.
  minSegmentWidth?: number;
  /// The least room between year ticks, in pixels.
  tickSpacing?: number;
}

/// The time scale for `extents`, or `null` when there are none: segments of
/// whole years, to scale, with breaks where no extent falls for a long time.
export function timeScale(extents: readonly Extent[], options: ScaleOptions): TimeScale | null {
  if (extents.length === 0) return null;
  const { width, minGap = 8, gapShare = 0.2, breakWidth = 44, minSegmentWidth = 140, tickSpacing = 56 } = options;
  const sorted = [...extents].sort((a, b) => a.start - b.start);
  const span = greatest(sorted, (e) => e.end) - sorted[0]!.start;
  const cut = Math.max(minGap, span * gapShare);
  const clusters: Extent[] = [];
  for (const extent of sorted) {
    const last = clusters.at(-1);
    if (last && extent.start - last.end < cut) last.end = Math.max(last.end, extent.end);
    else clusters.push({ ...extent });
  }
  const years = clusters.map((c) => {
    const start = Math.floor(c.start);
    return { start, end: Math.max(Math.ceil(c.end), start + 1) };
  });
  const widths = allocate(
    years.map((y) => y.end - y.start),
    Math.max(0, width - (years.length - 1) * breakWidth),
    minSegmentWidth,
  );
  const segments: ScaleSegment[] = [];
  const breaks: ScaleBreak[] = [];
  let left = 0;
  years.forEach(({ start, end }, i) => {
    if (i > 0) {
      breaks.push({ left, width: breakWidth, from: years[i - 1]!.end, to: start });
      left += breakWidth;
    }
    const segmentWidth = widths[i]!;
    const axis = timeAxis(start, end, Math.max(2, Math.floor(segmentWidth / tickSpacing) + 1));
    segments.push({ start, end, left, width: segmentWidth, ticks: axis.ticks });
    left += segmentWidth;
  });
  return { width: left, segments, breaks };
}

/// Where `value` (fractional years) is drawn, in pixels. A value in a break
/// (none is, for the extents the scale was made for) goes to the break's
/// middle; one outside the scale, to its nearer end.
export function xOf(scale: TimeScale, value: number): number {
  const { segments, breaks } = scale;
  if (value <= segments[0]!.start) return segments[0]!.left;
  for (const [i, segment] of segments.entries()) {
    if (value <= segment.end) return segment.left + ((value - segment.start) / (segment.end - segment.start)) * segment.width;
    const next = segments[i + 1];
    if (next && value < next.start) return breaks[i]!.left + breaks[i]!.width / 2;
  }
  return scale.width;
}

// Pixels for each segment, proportional to its years, none narrower than
// `least` while the room allows it.
function allocate(years: number[], room: number, least: number): number[] {
  if (room < least * years.length) {
    const total = years.reduce((a, b) => a + b, 0);
    return years.map((y) => (room * y) / total);
  }
  const pinned = new Set<number>();
  for (;;) {
    const free = room - pinned.size * least;
    const total = years.reduce((sum, y, i) => (pinned.has(i) ? sum : sum + y), 0);
    const narrow = years.findIndex((y, i) => !pinned.has(i) && (free * y) / total < least);
    if (narrow < 0) return years.map((y, i) => (pinned.has(i) ? least : (free * y) / total));
    pinned.add(narrow);
  }
}
