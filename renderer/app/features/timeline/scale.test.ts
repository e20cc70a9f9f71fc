import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../shared/test-support/corpus';
import { layoutTimeline, timelineDocument } from '../../../../shared/timeline/layout';
import { extentOf } from '../../../../shared/timeline/time';
import { placeItems } from './placement';
import { timeScale, xOf } from './scale';

const layout = layoutTimeline({ documents: [...loadCorpus().values()].map(timelineDocument), annotations: [] });
const extents = layout.items.map((item) => extentOf(item.date));

describe('timeScale on the seed corpus', () => {
  const scale = timeScale(extents, { width: 1300 })!;

  it('cuts the empty years between the 1967 report and the 2019 article out of the axis', () => {
    expect(scale.segments.map((s) => [s.start, s.end])).toEqual([
      [1956, 1968],
      [2019, 2020],
    ]);
    expect(scale.breaks).toEqual([{ left: scale.segments[0]!.width, width: 44, from: 1968, to: 2019 }]);
    expect(scale.width).toBeCloseTo(1300, 9);
  });

  it('gives the lone article its least width and the documented years the rest, ticked every year', () => {
    expect(scale.segments[1]!.width).toBe(140);
    expect(scale.segments[0]!.ticks.filter((t) => t.kind === 'year').map((t) => t.label)).toEqual([
      '1956',
      '1957',
      '1958',
      '1959',
      '1960',
      '1961',
      '1962',
      '1963',
      '1964',
      '1965',
      '1966',
      '1967',
      '1968',
    ]);
    expect(scale.segments[1]!.ticks.filter((t) => t.kind === 'year').map((t) => t.label)).toEqual(['2019', '2020']);
  });

  it('draws each date to scale within its stretch, in order', () => {
    const [first] = scale.segments;
    expect(xOf(scale, 1962)).toBeCloseTo((6 / 12) * first!.width, 9);
    expect(xOf(scale, 2019)).toBeCloseTo(first!.width + 44, 9);
    expect(xOf(scale, 1990)).toBeCloseTo(first!.width + 22, 9);
    const xs = [...extents].sort((a, b) => a.start - b.start).map((e) => xOf(scale, e.start));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('keeps a continuous axis when the dates leave no long gap', () => {
    const near = timeScale(
      [
        { start: 1956.9, end: 1964.5 },
        { start: 1967.04, end: 1967.04 },
      ],
      { width: 1000 },
    )!;
    expect(near.segments.map((s) => [s.start, s.end])).toEqual([[1956, 1968]]);
    expect(near.breaks).toEqual([]);
    expect(timeScale([], { width: 1000 })).toBeNull();
  });
});

describe('placeItems', () => {
  const scale = timeScale(extents, { width: 1300 })!;
  const { placed, laneCount } = placeItems(layout.items, (item) => extentOf(item.date), scale, 230);

  it('never lets two labels in one lane touch', () => {
    for (const a of placed) {
      for (const b of placed) {
        if (a === b || a.lane !== b.lane) continue;
        const taken = (p: typeof a) => [Math.min(p.x0, p.labelLeft), Math.max(p.x1, p.labelLeft + 230)] as const;
        const [ra, rb] = [taken(a), taken(b)];
        expect(ra[1] < rb[0] || rb[1] < ra[0]).toBe(true);
      }
    }
    expect(laneCount).toBeLessThanOrEqual(8);
  });

  it('ends the label of the 2019 article at its mark, since it is too near the right edge to follow it', () => {
    const article = placed.find((p) => p.item.title.startsWith('Additional Evidence'))!;
    expect(article.flipped).toBe(true);
    expect(article.labelLeft + 230).toBeCloseTo(article.x1, 9);
    expect(placed.filter((p) => p.flipped)).toHaveLength(1);
  });
});
