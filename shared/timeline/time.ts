import type { DateSpan, PartialDate } from '../corpus/dates';

// Dates on a continuous scale, in years: 1962.0 is the first moment of
// 1 January 1962, 1962.5 about 2 July. Each year is one unit whatever its
// length, so year ticks fall on whole numbers; a day is 1/365 or 1/366 of
// its year.

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]!;
}

function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function daysBeforeMonth(year: number, month: number): number {
  let days = 0;
  for (let m = 1; m < month; m++) days += daysInMonth(year, m);
  return days;
}

/// Where `date` begins (`'start'`) or ends (`'end'`) on the scale of
/// fractional years, at its own precision: "1962" runs from 1962 to 1963,
/// "April 1962" over April, "2 April 1962" over that day. A day past its
/// month's end, as a source may misprint ("31 April 1962"), is read as the
/// month's last day; a month or day out of every calendar's range, or a
/// year that is not a whole number, throws.
export function dateToYears(date: PartialDate, edge: 'start' | 'end' = 'start'): number {
  const { year, month, day } = date;
  if (!Number.isInteger(year)) throw new RangeError(`The year ${year} is not a whole number.`);
  if (month === undefined) {
    if (day !== undefined) throw new RangeError(`The date ${year} has a day (${day}) but no month.`);
    return edge === 'start' ? year : year + 1;
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`The month ${month} of ${year} is not a month from 1 to 12.`);
  const length = daysInYear(year);
  if (day === undefined) {
    return year + daysBeforeMonth(year, edge === 'start' ? month : month + 1) / length;
  }
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`The day ${day} of ${year}-${month} is not a day from 1 to 31.`);
  const dayIndex = daysBeforeMonth(year, month) + Math.min(day, daysInMonth(year, month)) - 1;
  return year + (dayIndex + (edge === 'start' ? 0 : 1)) / length;
}

/// A date's extent on the scale, and how a timeline draws it.
export interface TimeExtent {
  start: number;
  end: number;
  /// `point`: a single day ("2 April 1962"), drawn as a marker at the day's
  /// start (`end` equals `start`). `span`: anything longer, drawn over all
  /// the time it may mean: a span ("1960–1961" runs from the start of 1960
  /// to the end of 1961), a month ("April 1957" over April) or a year.
  shape: 'point' | 'span';
}

/// Where a document's date lies on the scale. A span written backwards
/// ("1962–1960") covers the same years as written forwards.
export function extentOf(span: DateSpan): TimeExtent {
  const first = span.start;
  const last = span.end ?? span.start;
  if (!span.end && first.day !== undefined) {
    const at = dateToYears(first, 'start');
    return { start: at, end: at, shape: 'point' };
  }
  const start = Math.min(dateToYears(first, 'start'), dateToYears(last, 'start'));
  const end = Math.max(dateToYears(first, 'end'), dateToYears(last, 'end'));
  return { start, end, shape: 'span' };
}
