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

/// Whether `diff` changes no annotation.
export function changesNoAnnotation(diff: RestoreDiff): boolean {
  return diff.restored === 0 && diff.reverted === 0 && diff.removed === 0;
}

/// Whether two lists of records hold the same records, in any order and
/// whatever the order of each record's fields (a record read from the
/// store and the same one parsed from a backup list them differently).
/// `key` names a record, to pair them.
export function sameRecords<T>(a: readonly T[], b: readonly T[], key: (record: T) => string | number): boolean {
  if (a.length !== b.length) return false;
  const byKey = new Map(a.map((record) => [key(record), canonical(record)]));
  return b.every((record) => byKey.get(key(record)) === canonical(record));
}

// A value as JSON with every object's fields in one order.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
