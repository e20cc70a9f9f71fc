import { dateToYears } from './time';

/// A labelled mark on the time axis.
export interface Tick {
  /// On the scale of fractional years.
  value: number;
  /// From 0 (the axis' start) to 1 (its end).
  position: number;
  kind: 'year' | 'month';
  /// "1962"; "Apr" for a month.
  label: string;
}

/// The time axis of a timeline: whole years from `start` to `end`.
export interface TimeAxis {
  start: number;
  end: number;
  ticks: Tick[];
}

/// At most this many year ticks by default: about one per 80 pixels on a
/// narrow window.
export const defaultMaxYearTicks = 12;

// Steps between year ticks, each a round number of years.
const yearSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

const monthLabels = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/// The axis for data from `min` to `max` (fractional years): widened to
/// whole years (at least one), with a year tick every 1, 2, 5, 10… years,
/// the smallest step that gives at most `maxYearTicks`; on an axis of one
/// year, a tick for every month, and of up to three years, for every
/// quarter (April, July, October), since the year ticks alone would then
/// say little.
export function timeAxis(min: number, max: number, maxYearTicks = defaultMaxYearTicks): TimeAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new RangeError(`The range ${min}–${max} is not a range of years.`);
  if (!Number.isInteger(maxYearTicks) || maxYearTicks < 2) throw new RangeError(`An axis needs room for at least 2 year ticks, not ${maxYearTicks}.`);
  const start = Math.floor(min);
  const end = Math.max(Math.ceil(max), start + 1);
  const years = end - start;
  const step = yearSteps.find((s) => Math.floor(end / s) - Math.ceil(start / s) + 1 <= maxYearTicks) ?? Math.ceil(years / maxYearTicks);
  const at = (value: number) => (value - start) / years;
  const ticks: Tick[] = [];
  for (let year = Math.ceil(start / step) * step; year <= end; year += step) {
    ticks.push({ value: year, position: at(year), kind: 'year', label: String(year) });
  }
  const monthStep = years <= 1 ? 1 : years <= 3 ? 3 : 0;
  if (monthStep) {
    for (let year = start; year < end; year++) {
      for (let month = 1 + monthStep; month <= 12; month += monthStep) {
        const value = dateToYears({ year, month });
        ticks.push({ value, position: at(value), kind: 'month', label: monthLabels[month - 1]! });
      }
    }
    ticks.sort((a, b) => a.value - b.value);
  }
  return { start, end, ticks };
}

/// Where `value` (fractional years) lies on `axis`, from 0 to 1.
export function positionOn(axis: TimeAxis, value: number): number {
  return (value - axis.start) / (axis.end - axis.start);
}
