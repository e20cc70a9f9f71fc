import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval, assignLanes } from './lanes';

describe('assignLanes', () => {
  it('puts overlapping items, and points on one date, in different lanes', () => {
    // 1960–1961, then a point in 1961 inside it, a second point on the same day, and a later span.
    const items = [
      { start: 0.1, end: 0.4 },
      { start: 0.3, end: 0.3 },
      { start: 0.3, end: 0.3 },
      { start: 0.5, end: 0.6 },
    ];
    expect(assignLanes(items, 0.01)).toEqual({ lanes: [0, 1, 2, 0], count: 3 });
  });

  it('keeps touching spans apart, so that they do not read as one', () => {
    expect(
      assignLanes(
        [
          { start: 0, end: 0.5 },
          { start: 0.5, end: 1 },
        ],
        0,
      ).count,
    ).toBe(2);
  });

  it('refuses a negative least width', () => {
    expect(() => assignLanes([], -1)).toThrow(RangeError);
  });

  const interval = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }))
    .map(([s, l]): Interval => ({ start: s / 100, end: (s + l) / 100 }));

  it('never overlaps two items in one lane, and uses no more lanes than the most items at one moment', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 40 }), fc.constantFrom(0, 0.01, 0.05), (intervals, minWidth) => {
        const { lanes, count } = assignLanes(intervals, minWidth);
        const reach = (i: Interval) => Math.max(i.end, i.start + minWidth);
        const meet = (a: Interval, b: Interval) => a.start <= reach(b) && b.start <= reach(a);
        for (let i = 0; i < intervals.length; i++) {
          for (let j = i + 1; j < intervals.length; j++) {
            if (lanes[i] === lanes[j]) expect(meet(intervals[i]!, intervals[j]!)).toBe(false);
          }
        }
        // Intervals on a line meet all at once where the latest-starting of them starts.
        const most = Math.max(0, ...intervals.map((x) => intervals.filter((y) => y.start <= x.start && x.start <= reach(y)).length));
        expect(count).toBe(most);
        expect(new Set(lanes).size).toBe(count);
      }),
    );
  });
});
