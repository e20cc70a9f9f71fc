import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PartialDate, dateSortKey, parseDateSpan } from '../corpus/dates';
import { dateToYears, extentOf } from './time';

describe('dateToYears', () => {
  it('puts a date at its first moment, or its last with "end", at its own precision', () => {
    expect(dateToYears({ year: 1962 })).toBe(1962);
    expect(dateToYears({ year: 1962 }, 'end')).toBe(1963);
    expect(dateToYears({ year: 1962, month: 4 })).toBeCloseTo(1962 + 90 / 365, 12);
    expect(dateToYears({ year: 1962, month: 4 }, 'end')).toBeCloseTo(1962 + 120 / 365, 12);
    expect(dateToYears({ year: 1962, month: 12 }, 'end')).toBe(1963);
    expect(dateToYears({ year: 1962, month: 1, day: 19 })).toBeCloseTo(1962 + 18 / 365, 12);
    expect(dateToYears({ year: 1962, month: 1, day: 19 }, 'end')).toBeCloseTo(1962 + 19 / 365, 12);
    expect(dateToYears({ year: 1964, month: 12, day: 31 }, 'end')).toBe(1965);
  });

  it('counts 29 February in leap years only', () => {
    expect(dateToYears({ year: 1960, month: 3, day: 1 })).toBeCloseTo(1960 + 60 / 366, 12);
    expect(dateToYears({ year: 1961, month: 3, day: 1 })).toBeCloseTo(1961 + 59 / 365, 12);
    expect(dateToYears({ year: 1900, month: 3, day: 1 })).toBeCloseTo(1900 + 59 / 365, 12);
    expect(dateToYears({ year: 2000, month: 3, day: 1 })).toBeCloseTo(2000 + 60 / 366, 12);
  });

  it('reads a misprinted day past the month’s end as its last day, and refuses impossible dates', () => {
    expect(dateToYears({ year: 1962, month: 4, day: 31 })).toBe(dateToYears({ year: 1962, month: 4, day: 30 }));
    expect(() => dateToYears({ year: 1962, month: 13 })).toThrow(RangeError);
    expect(() => dateToYears({ year: 1962, month: 4, day: 0 })).toThrow('The day 0 of 1962-4 is not a day from 1 to 31.');
    expect(() => dateToYears({ year: 1962.5 })).toThrow(RangeError);
    expect(() => dateToYears({ year: 1962, day: 3 })).toThrow(RangeError);
  });

  const partialDate = fc
    .record({
      year: fc.integer({ min: 1500, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      precision: fc.constantFrom(0, 1, 2),
    })
    .map(({ year, month, day, precision }): PartialDate => (precision === 0 ? { year } : precision === 1 ? { year, month } : { year, month, day }));

  it('keeps the order in which dates sort, and every date lasts', () => {
    fc.assert(
      fc.property(partialDate, partialDate, (a, b) => {
        expect(dateToYears(a, 'end')).toBeGreaterThan(dateToYears(a, 'start'));
        if (dateSortKey(a) < dateSortKey(b)) expect(dateToYears(a)).toBeLessThanOrEqual(dateToYears(b));
      }),
    );
  });

  it('puts a more precise date inside the less precise one it falls in', () => {
    fc.assert(
      fc.property(partialDate, (date) => {
        const { year, month } = date;
        const coarser: PartialDate[] = [{ year }, ...(date.day !== undefined && month !== undefined ? [{ year, month }] : [])];
        for (const outer of coarser) {
          expect(dateToYears(date)).toBeGreaterThanOrEqual(dateToYears(outer));
          expect(dateToYears(date, 'end')).toBeLessThanOrEqual(dateToYears(outer, 'end'));
        }
      }),
    );
  });
});

describe('extentOf', () => {
  const extent = (text: string) => extentOf(parseDateSpan(text)!);

  it('draws "1960–1961" over both years', () => {
    expect(extent('1960–1961')).toEqual({ start: 1960, end: 1962, shape: 'span' });
  });

  it('draws a day as a point, a month or a year over its whole length', () => {
    expect(extent('January 19, 1962')).toEqual({
      start: dateToYears({ year: 1962, month: 1, day: 19 }),
      end: dateToYears({ year: 1962, month: 1, day: 19 }),
      shape: 'point',
    });
    expect(extent('April 1957')).toEqual({ start: dateToYears({ year: 1957, month: 4 }), end: dateToYears({ year: 1957, month: 5 }), shape: 'span' });
    expect(extent('2019')).toEqual({ start: 2019, end: 2020, shape: 'span' });
  });

  it('draws a span between days to the end of its last day, and one written backwards as forwards', () => {
    const listing = extentOf({ start: { year: 1956, month: 12, day: 26 }, end: { year: 1964, month: 6, day: 26 } });
    expect(listing.shape).toBe('span');
    expect(listing.start).toBeCloseTo(1956 + 360 / 366, 12);
    expect(listing.end).toBeCloseTo(1964 + 178 / 366, 12);
    expect(extent('1962–1960')).toEqual(extent('1960–1962'));
  });
});
