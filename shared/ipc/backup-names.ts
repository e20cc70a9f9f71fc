/// How backup files are named: by their time and annotation count, so
/// listing them needs no reading (palimpsest-backup-2026-11-22T14-31-00-000Z-42.json).
/// A name is checked against this pattern before any file is touched.

/// A backup's file name, and nothing else.
export const backupNamePattern = /^palimpsest-backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(\d{1,16})\.json$/;

/// The time a backup was made, as `Date.toISOString()` writes it.
export const backupTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/// The file name of a backup made at `created` (an ISO time) holding
/// `annotations` annotations.
export function backupFileName(created: string, annotations: number): string {
  if (!backupTimePattern.test(created)) throw new RangeError(`“${created}” is not an ISO time such as 2026-11-22T14:31:00.000Z.`);
  if (!Number.isSafeInteger(annotations) || annotations < 0) throw new RangeError(`${annotations} is not a count of annotations.`);
  const name = `palimpsest-backup-${created.replace(/[:.]/g, '-')}-${annotations}.json`;
  if (!backupNamePattern.test(name)) throw new RangeError(`${name} is not a backup’s file name.`);
  return name;
}
