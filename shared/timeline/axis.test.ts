import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOn, timeAxis } from './axis';
import { dateToYears } from './time';

const labels = (min: number, max: number) => timeAxis(min, max).ticks.map((t) => t.label);

describe('timeAxis', () => {
  it('spans the seed corpus, from the listing’s 1956 to the 2019 article, in decades', () => {
    const axis = timeAxis(dateToYears({ year: 1956, month: 12, day: 26 }), 2020);
    expect([axis.start, axis.end]).toEqual([1956, 2020]);
    expect(labels(axis.start, axis.end)).toEqual(['1960', '1970', '1980', '1990', '2000', '2010', '2020']);
  });

  it('ticks every year over a decade, every second year over two', () => {
    expect(labels(1956, 1964.5)).toEqual(['1956', '1957', '1958', '1959', '1960', '1961', '1962', '1963', '1964', '1965']);
    expect(labels(1956, 1977)).toEqual(['1956', '1958', '1960', '1962', '1964', '1966', '1968', '1970', '1972', '1974', '1976']);
  });

  it('ticks the months of a single year, with the year at each end', () => {
    const axis = timeAxis(dateToYears({ year: 1962, month: 1, day: 19 }), dateToYears({ year: 1962, month: 4, day: 2 }, 'end'));
    expect([axis.start, axis.end]).toEqual([1962, 1963]);
    expect(axis.ticks.map((t) => t.label)).toEqual(['1962', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', '1963']);
    const april = axis.ticks.find((t) => t.label === 'Apr')!;
    expect(april.kind).toBe('month');
    expect(april.position).toBeCloseTo(90 / 365, 12);
  });

  it('ticks quarters over up to three years, and no months beyond', () => {
    expect(labels(1960, 1962)).toEqual(['1960', 'Apr', 'Jul', 'Oct', '1961', 'Apr', 'Jul', 'Oct', '1962']);
    expect(timeAxis(1960, 1964).ticks.every((t) => t.kind === 'year')).toBe(true);
  });

  it('widens a moment on a year’s boundary to the whole year', () => {
    expect(timeAxis(1962, 1962)).toMatchObject({ start: 1962, end: 1963 });
  });

  it('refuses a range that is not one', () => {
    expect(() => timeAxis(1963, 1962)).toThrow('The range 1963–1962 is not a range of years.');
    expect(() => timeAxis(Number.NaN, 1962)).toThrow(RangeError);
  });

  it('covers the data with whole years, its ticks in order on the axis and never more year ticks than asked', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1500, max: 2100, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        (min, length, most) => {
          const axis = timeAxis(min, min + length, most);
          expect(Number.isInteger(axis.start) && Number.isInteger(axis.end)).toBe(true);
          expect(axis.start).toBeLessThanOrEqual(min);
          expect(axis.end).toBeGreaterThanOrEqual(min + length);
          expect(axis.end - axis.start).toBeLessThanOrEqual(Math.ceil(length) + 1);
          expect(axis.ticks.filter((t) => t.kind === 'year').length).toBeLessThanOrEqual(most);
          expect(axis.ticks.filter((t) => t.kind === 'year').length).toBeGreaterThanOrEqual(1);
          for (const [i, tick] of axis.ticks.entries()) {
            expect(tick.position).toBeGreaterThanOrEqual(0);
            expect(tick.position).toBeLessThanOrEqual(1);
            expect(tick.position).toBeCloseTo(positionOn(axis, tick.value), 12);
            if (i > 0) expect(tick.value).toBeGreaterThan(axis.ticks[i - 1]!.value);
          }
        },
      ),
    );
  });
});
