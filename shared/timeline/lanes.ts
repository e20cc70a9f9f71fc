/// Something drawn on a timeline, from `start` to `end` (positions 0–1).
export interface Interval {
  start: number;
  end: number;
}

/// The room a timeline item takes by default, as a fraction of the axis:
/// a point's marker, and the least any short span is given, so that items
/// closer than this are put in different lanes rather than drawn on top of
/// each other.
export const defaultMinWidth = 0.01;

/// Lanes (rows) for `intervals`, so that no two in one lane overlap: each
/// takes at least `minWidth`, and one that starts where another in its lane
/// ends goes to another lane, so that they do not read as one. Greedy by
/// start (longer first on a tie, then in the given order), each to the
/// lowest free lane, which uses as few lanes as the most intervals that
/// overlap at one moment. Returns the lane of each interval, in the given
/// order, and how many lanes there are.
export function assignLanes(intervals: readonly Interval[], minWidth = defaultMinWidth): { lanes: number[]; count: number } {
  if (!Number.isFinite(minWidth) || minWidth < 0)
    throw new RangeError(`The least width of an item must be a fraction of the axis of 0 or more, not ${minWidth}.`);
  const reach = (i: Interval) => Math.max(i.end, i.start + minWidth);
  const order = intervals.map((_, i) => i);
  order.sort((a, b) => intervals[a]!.start - intervals[b]!.start || reach(intervals[b]!) - reach(intervals[a]!) || a - b);
  const lanes = new Array<number>(intervals.length);
  // Where each lane's last interval reaches.
  const ends: number[] = [];
  for (const i of order) {
    const interval = intervals[i]!;
    let lane = ends.findIndex((end) => end < interval.start);
    if (lane < 0) lane = ends.length;
    ends[lane] = reach(interval);
    lanes[i] = lane;
  }
  return { lanes, count: ends.length };
}
