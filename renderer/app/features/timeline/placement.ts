import { assignLanes } from '../../../../shared/timeline/lanes';
import { type Extent, type TimeScale, xOf } from './scale';

/// An item placed on the chart: its mark from `x0` to `x1` (equal for a
/// point) and its label, in pixels, in its lane.
export interface Placed<T> {
  item: T;
  x0: number;
  x1: number;
  labelLeft: number;
  /// The label ends at the mark instead of starting there: the mark is too
  /// near the chart's right edge for the label to fit after it.
  flipped: boolean;
  lane: number;
}

/// Places items (each with its extent in fractional years) on the scale, in
/// lanes such that no two labels or marks in one lane touch: the lanes are
/// assigned on what each item takes on screen, its label included, not on
/// its dates alone.
export function placeItems<T>(
  items: readonly T[],
  extentOf: (item: T) => Extent,
  scale: TimeScale,
  labelWidth: number,
  gap = 12,
): { placed: Placed<T>[]; laneCount: number } {
  const placed = items.map((item): Placed<T> => {
    const { start, end } = extentOf(item);
    const x0 = xOf(scale, start);
    const x1 = Math.max(x0, xOf(scale, end));
    const flipped = x0 + labelWidth > scale.width;
    const labelLeft = flipped ? Math.max(0, x1 - labelWidth) : x0;
    return { item, x0, x1, labelLeft, flipped, lane: 0 };
  });
  const width = Math.max(1, scale.width);
  const taken = placed.map((p) => ({ start: Math.min(p.x0, p.labelLeft) / width, end: (Math.max(p.x1, p.labelLeft + labelWidth) + gap) / width }));
  const { lanes, count } = assignLanes(taken, 0);
  placed.forEach((p, i) => (p.lane = lanes[i]!));
  return { placed, laneCount: count };
}
