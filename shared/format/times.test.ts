import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../test-support/fast-check-seed';
import { normaliseTime } from './times';

describe('times as files give them', () => {
  it('keeps a full time with a zone as written, and reads one without a zone or a time of day as UTC', () => {
    expect(normaliseTime('2026-11-22T14:31:00.000Z')).toEqual({ time: '2026-11-22T14:31:00.000Z', zoneless: false });
    expect(normaliseTime('2026-10-01T09:00:00.000000+00:00')).toEqual({ time: '2026-10-01T09:00:00.000000+00:00', zoneless: false });
    expect(normaliseTime('2024-02-29T23:59:59+05:30')).toEqual({ time: '2024-02-29T23:59:59+05:30', zoneless: false });
    expect(normaliseTime('2023-01-28T12:00:00')).toEqual({ time: '2023-01-28T12:00:00.000Z', zoneless: true });
    expect(normaliseTime('2023-01-28T12:00')).toEqual({ time: '2023-01-28T12:00:00.000Z', zoneless: true });
    expect(normaliseTime('2023-01-28')).toEqual({ time: '2023-01-28T00:00:00.000Z', zoneless: true });
  });

  it('refuses what is not a day or a time', () => {
    for (const junk of [
      'yesterday',
      '',
      '2023-02-29',
      '2023-02-30T10:00:00Z',
      '2023-13-01',
      '2023-01-28T24:00:00Z',
      '2023-01-28T12:00:00+25:00',
      '28/01/2023',
      '2023-01-28 12:00:00Z',
    ]) {
      expect(normaliseTime(junk), junk).toBeNull();
    }
  });

  it('agrees with the calendar on every day of every year', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(normaliseTime(iso)).toEqual({ time: iso, zoneless: false });
        expect(normaliseTime(iso.slice(0, 10))?.time).toBe(`${iso.slice(0, 10)}T00:00:00.000Z`);
        expect(normaliseTime(iso.slice(0, 19))?.time).toBe(`${iso.slice(0, 19)}.000Z`);
      }),
    );
  });
});
