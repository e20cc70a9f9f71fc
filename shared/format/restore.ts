import type { Annotation } from '../annotation/model';

/// What restoring a backup would do to the library, for the preview.
export interface RestoreDiff {
  /// In the backup, missing from the library now: they come back.
  restored: number;
  /// In both, but different now: they go back to the backup's version.
  reverted: number;
  /// In the library now, not in the backup (made since): they go.
  removed: number;
  /// The same in both.
  same: number;
}

/// Compares the library's annotations with a backup's.
export function restoreDiff(current: readonly Annotation[], backup: readonly Annotation[]): RestoreDiff {
  const now = new Map(current.map((a) => [a.id, a]));
  const diff: RestoreDiff = { restored: 0, reverted: 0, removed: 0, same: 0 };
  const inBackup = new Set<string>();
  for (const a of backup) {
    inBackup.add(a.id);
    const mine = now.get(a.id);
    if (!mine) diff.restored++;
    else if (JSON.stringify(mine) === JSON.stringify(a)) diff.same++;
    else diff.reverted++;
  }
  for (const a of current) if (!inBackup.has(a.id)) diff.removed++;
  return diff;
}
