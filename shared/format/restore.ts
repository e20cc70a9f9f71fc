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

/// The kinds of record a restore writes besides the annotations.
export type RecordKind = 'document' | 'revision' | 'description' | 'link' | 'actor' | 'set' | 'tag type' | 'relation type';

/// What a restore does to the records of one kind: how many come back,
/// go back to the backup's version, or (made since) are removed.
export interface KindChange {
  kind: RecordKind;
  restored: number;
  reverted: number;
  removed: number;
}

/// Compares the library's records of one kind with a backup's, paired by
/// `key`, whatever the order of each record's fields.
export function recordsDiff<T>(kind: RecordKind, current: readonly T[], backup: readonly T[], key: (record: T) => string | number): KindChange {
  const now = new Map(current.map((record) => [key(record), canonical(record)]));
  const change: KindChange = { kind, restored: 0, reverted: 0, removed: 0 };
  const inBackup = new Set<string | number>();
  for (const record of backup) {
    const id = key(record);
    inBackup.add(id);
    const mine = now.get(id);
    if (mine === undefined) change.restored++;
    else if (mine !== canonical(record)) change.reverted++;
  }
  for (const id of now.keys()) if (!inBackup.has(id)) change.removed++;
  return change;
}

/// Whether `change` changes nothing.
export function changesNothing(change: KindChange): boolean {
  return change.restored === 0 && change.reverted === 0 && change.removed === 0;
}

// A value as JSON with every object's fields in one order.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
