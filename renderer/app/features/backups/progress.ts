/// What the backups dialog shows of a restore under way: a step and how
/// far it is, or `null` where its end cannot be told.
export interface Progress {
  what: string;
  percent: number | null;
}

/// What a restore does once its backup is read, until its preview shows:
/// the whole file checked against the format, and compared with the
/// library (26 s at a million annotations, with nothing more to read).
export const checking = 'Checking the backup and comparing it with the library';

/// Reports `done` of `total` as a whole percent of `what`, drawing only
/// when the percent changes (a backup of a gigabyte comes in thousands of
/// chunks); with `then`, reaching the total shows `then`, without a
/// percent, rather than a bar that stays full.
export function byPercent(
  what: string,
  total: number,
  set: (update: (old: Progress | null) => Progress | null) => void,
  then?: string,
): (done: number) => void {
  return (done) => {
    const next: Progress =
      then !== undefined && total > 0 && done >= total
        ? { what: then, percent: null }
        : { what, percent: total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0 };
    set((old) => (old && old.what === next.what && old.percent === next.percent ? old : next));
  };
}
