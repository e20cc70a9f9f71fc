import { z } from 'zod';
import { ImportError } from './errors';

/// Dates and times as files give them. Every time that enters the library
/// passes here, so a library never holds one its own exports cannot read
/// back: a full ISO 8601 date-time with a zone is kept as written; one
/// without a zone (`2023-01-28T12:00:00`) or without a time (`2023-01-28`),
/// as other tools write them, is read as UTC and stored as a full instant;
/// anything else (`yesterday`) is refused.

// A full date-time with a zone, as ISO 8601 and RFC 3339 write it.
const zoned = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const everyday = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const zoneless = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/// What a time in a file becomes: the time to store, and whether it was
/// read as UTC for want of a zone. `null` for a value that is not a time.
export function normaliseTime(value: string): { time: string; zoneless: boolean } | null {
  // Nearly every time is already full, and on a day any month has.
  if (everyday.test(value)) return { time: value, zoneless: false };
  const full = zoned.exec(value);
  if (full) return validParts(full) ? { time: value, zoneless: false } : null;
  const day = dateOnly.exec(value);
  if (day) return instant(+day[1]!, +day[2]!, +day[3]!, 0, 0, 0, 0);
  const time = zoneless.exec(value);
  if (time) return instant(+time[1]!, +time[2]!, +time[3]!, +time[4]!, +time[5]!, +(time[6] ?? 0), +(time[7] ?? '0').padEnd(3, '0').slice(0, 3));
  return null;
}

// Month, day, hour, minute, second and offset within their ranges (this
// runs for every time of a file of 100,000 annotations: no allocation).
function validParts(m: RegExpExecArray): boolean {
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days && +m[4]! <= 23 && +m[5]! <= 59 && +(m[6] ?? 0) <= 59 && +(m[7] ?? 0) <= 23 && +(m[8] ?? 0) <= 59;
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
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)
      : `a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value}`;
  return `expected an ISO 8601 date and time such as "2026-11-22T14:31:00Z" (or a date "2026-11-22", read as UTC), not ${shown}`;
}

/// A time field a reader checks by hand (W3C, Hypothesis): `null` when it is
/// absent, else the instant `normaliseTime` gives; `onZoneless` hears each
/// one read as UTC. Throws ImportError at `path` for a value not a time.
export function readTime(value: unknown, path: string, onZoneless: () => void): string | null {
  if (value === undefined || value === null) return null;
  const normal = typeof value === 'string' ? normaliseTime(value) : null;
  if (!normal) throw new ImportError(path, notATime(value));
  if (normal.zoneless) onZoneless();
  return normal.time;
}

// Times read as UTC by `timeSchema` since `countingZoneless` began. Schema
// checks run synchronously, so one counter serves every reader in turn.
let zonelessRead = 0;

/// A time field of a file: validated and normalised as `normaliseTime` says.
export const timeSchema = z.unknown().transform((value, ctx): string => {
  const read = typeof value === 'string' ? normaliseTime(value) : null;
  if (!read) {
    ctx.addIssue({ code: 'custom', message: notATime(value) });
    return z.NEVER;
  }
  if (read.zoneless) zonelessRead++;
  return read.time;
});

/// Runs a schema check (synchronous) and says how many of the times it read
/// had no zone or no time of day, and were stored as UTC instants: the
/// preview says how many.
export function countingZoneless<T>(check: () => T): { value: T; zoneless: number } {
  zonelessRead = 0;
  const value = check();
  return { value, zoneless: zonelessRead };
}
