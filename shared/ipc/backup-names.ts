/// How backup files are named: by their time and annotation count, so
/// listing them needs no reading (palimpsest-backup-2026-11-22T14-31-00-000Z-42.json);
/// an increment also by the full backup it builds on
/// (palimpsest-backup-2026-11-22T15-02-10-000Z-43.on-2026-11-22T14-31-00-000Z-42.json),
/// so that rotation keeps that one as long as the increment.
/// A name is checked against this pattern before any file is touched.

/// A backup's file name, and nothing else.
export const backupNamePattern =
  /^palimpsest-backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(\d{1,16})(?:\.on-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-\d{1,16}))?\.json$/;

/// The time a backup was made, as `Date.toISOString()` writes it.
export const backupTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/// The file name of a backup made at `created` (an ISO time) holding
/// `annotations` annotations; with `base`, an increment on the full backup
/// of that file name.
export function backupFileName(created: string, annotations: number, base?: string): string {
  if (!backupTimePattern.test(created)) throw new RangeError(`“${created}” is not an ISO time such as 2026-11-22T14:31:00.000Z.`);
  if (!Number.isSafeInteger(annotations) || annotations < 0) throw new RangeError(`${annotations} is not a count of annotations.`);
  let on = '';
  if (base !== undefined) {
    const match = backupNamePattern.exec(base);
    if (!match || match[3] !== undefined) throw new RangeError(`“${base}” is not the name of a full backup, which an increment builds on.`);
    on = `.on-${match[1]}-${match[2]}`;
  }
  const name = `palimpsest-backup-${created.replace(/[:.]/g, '-')}-${annotations}${on}.json`;
  if (!backupNamePattern.test(name)) throw new RangeError(`${name} is not a backup’s file name.`);
  return name;
}

/// The full backup the backup named `name` is an increment on, or
/// undefined for a full backup (or a name that is not a backup's).
export function baseOfBackup(name: string): string | undefined {
  const match = backupNamePattern.exec(name);
  return match?.[3] === undefined ? undefined : `palimpsest-backup-${match[3]}.json`;
}

/// Which of `all` (newest first) rotation keeps: the newest `count` of
/// those not in `pinned`, the full backups those are increments on, and
/// `pinned` itself. A kept increment never loses its base.
export function backupsToKeep(all: readonly { id: string; base?: string }[], count: number, pinned: ReadonlySet<string> = new Set()): Set<string> {
  const kept = new Set(pinned);
  for (const backup of all.filter((b) => !pinned.has(b.id)).slice(0, count)) {
    kept.add(backup.id);
    if (backup.base !== undefined) kept.add(backup.base);
  }
  return kept;
}
