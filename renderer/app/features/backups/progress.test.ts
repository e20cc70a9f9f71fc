import { describe, expect, it } from 'vitest';
import { type Progress, byPercent, checking } from './progress';

// The progress the dialog would show after each report.
function shown(what: string, total: number, reports: number[], then?: string): (Progress | null)[] {
  let progress: Progress | null = null;
  const seen: (Progress | null)[] = [];
  const report = byPercent(what, total, (update) => (progress = update(progress)), then);
  for (const done of reports) {
    report(done);
    seen.push(progress);
  }
  return seen;
}

describe('a restore’s progress', () => {
  it('counts whole percents of what is read', () => {
    expect(shown('Reading the backup', 1000, [0, 5, 10, 999, 1000]).map((p) => p?.percent)).toEqual([0, 0, 1, 99, 100]);
  });

  it('says what it does once all is read, rather than a bar that stays full', () => {
    const seen = shown('Reading the backup', 1000, [500, 1000], checking);
    expect(seen[0]).toEqual({ what: 'Reading the backup', percent: 50 });
    expect(seen[1]).toEqual({ what: 'Checking the backup and comparing it with the library', percent: null });
  });

  it('draws again only when the percent changes', () => {
    const seen = shown('Reading the backup', 1_000_000, [1, 2, 3]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
  });
});
