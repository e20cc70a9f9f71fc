import { describe, expect, it } from 'vitest';
import { formatMoment } from './times';

describe('formatMoment', () => {
  it('writes the date as the app does and the time on a 24-hour clock', () => {
    // Local times, so the test reads the same in any time zone.
    expect(formatMoment(new Date(2019, 4, 14, 17, 50, 8))).toBe('14 May 2019, 17:50');
    expect(formatMoment(new Date(2026, 11, 4, 9, 5, 3), { seconds: true })).toBe('4 December 2026, 09:05:03');
    expect(formatMoment(new Date(1962, 0, 19, 0, 0))).toBe('19 January 1962, 00:00');
  });

  it('reads the stored ISO form', () => {
    const at = new Date(2019, 4, 14, 17, 50);
    expect(formatMoment(at.toISOString())).toBe('14 May 2019, 17:50');
  });

  it('shows a stored text that is no moment as it is', () => {
    expect(formatMoment('yesterday')).toBe('yesterday');
  });
});
