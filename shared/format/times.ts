import { z } from 'zod';

/// Dates and times as files give them. Every time that enters the library
/// passes here, so a library never holds one its own exports cannot read
/// back: a full ISO 8601 date-time with a zone is kept as written; one
/// without a zone (`2023-01-28T12:00:00`) or without a time (`2023-01-28`),
/// as other tools write them, is read as UTC and stored as a full instant;
/// anything else (`yesterday`) is refused.

const zoned = z.iso.datetime({ offset: true });
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const zoneless = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/// What a time in a file becomes: the time to store, and whether it was
/// read as UTC for want of a zone. `null` for a value that is not a time.
export function normaliseTime(value: string): { time: string; zoneless: boolean } | null {
  if (zoned.safeParse(value).success) return Number.isNaN(Date.parse(value)) ? null : { time: value, zoneless: false };
  const day = dateOnly.exec(value);
  if (day) return instant(+day[1]!, +day[2]!, +day[3]!, 0, 0, 0, 0);
  const time = zoneless.exec(value);
  if (time) return instant(+time[1]!, +time[2]!, +time[3]!, +time[4]!, +time[5]!, +(time[6] ?? 0), +(time[7] ?? '0').padEnd(3, '0').slice(0, 3));
  return null;
}

function instant(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): { time: string; zoneless: true } | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 30 February over into March: such a day is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { time: date.toISOString(), zoneless: true };
}

/// The message for a value that is not a time.
export function notATime(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value) : `a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value}`;
  return `expected an ISO 8601 date and time such as "2026-11-22T14:31:00Z" (or a date "2026-11-22", read as UTC), not ${shown}`;
}

/// A time field of a file: validated and normalised as `normaliseTime` says.
export const timeSchema = z.unknown().transform((value, ctx): string => {
  const read = typeof value === 'string' ? normaliseTime(value) : null;
  if (!read) {
    ctx.addIssue({ code: 'custom', message: notATime(value) });
    return z.NEVER;
  }
  return read.time;
});

/// How many of the time fields (`created`, `modified`, `exported`, `added`)
/// in a parsed file are times without a zone or a time of day, which
/// reading it stores as UTC instants: the preview says how many.
export function countZonelessTimes(value: unknown): number {
  let count = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === 'string') {
          if (timeKeys.has(key) && normaliseTime(child)?.zoneless) count++;
        } else visit(child);
      }
    }
  };
  visit(value);
  return count;
}

const timeKeys = new Set(['created', 'modified', 'exported', 'added']);
