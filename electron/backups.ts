import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { backupFileName, backupsToKeep, baseOfBackup, backupNamePattern as pattern } from '../shared/ipc/backup-names';
import { type BackupInfo, backupsKept } from '../shared/ipc/contract';
import { FileProblem } from './files';
import { inside } from './paths';
import { messageOf } from '../shared/errors';

export { backupFileName };

/// The backups in `dir`, newest first.
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: BackupInfo[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [date, time] = match[1]!.split('T') as [string, string];
    const [h, m, s, ms] = time.replace('Z', '').split('-');
    const { size } = await stat(inside(dir, name));
    const base = baseOfBackup(name);
    found.push({ id: name, created: `${date}T${h}:${m}:${s}.${ms}Z`, annotations: Number(match[2]), bytes: size, ...(base ? { base } : {}) });
  }
  return found.sort((a, b) => (a.created < b.created ? 1 : -1));
}

/// Writes a backup whole (to a temporary name, then renamed, so a full disk
/// never leaves a half-written backup), then deletes all but the newest
/// `backupsKept`, and never those in `keep` (the last backup of the library
/// an earlier version kept, see origin-move.ts) nor the full backup a kept
/// increment builds on. With `base`, the backup is an increment on that one.
export async function writeBackup(
  dir: string,
  content: string,
  annotations: number,
  created: string,
  keep: ReadonlySet<string> = new Set(),
  base?: string,
): Promise<BackupInfo> {
  await mkdir(dir, { recursive: true });
  // The name is built from a checked time and count, and checked again to
  // be a backup's name inside `dir`, whatever the caller validated.
  const name = backupFileName(created, annotations, base);
  const target = inside(dir, name);
  const temporary = inside(dir, `${name}.partial`);
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblem(
      code === 'ENOSPC'
        ? 'The disk is full: the backup was not written. Your library itself is unchanged.'
        : `The backup could not be written (${code ?? messageOf(error)}).`,
    );
  }
  return rotate(dir, name, keep);
}

/// The file a backup of `annotations` made at `created` (on `base`, for an
/// increment) is written to in `dir`, its name checked as writeBackup's.
export async function backupPath(dir: string, annotations: number, created: string, base?: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return inside(dir, backupFileName(created, annotations, base));
}

/// After the backup `name` is written: deletes all but the newest
/// `backupsKept` (never those in `keep`, nor a kept increment's base) and
/// returns the new backup's info.
export async function rotate(dir: string, name: string, keep: ReadonlySet<string> = new Set()): Promise<BackupInfo> {
  const all = await listBackups(dir);
  const kept = backupsToKeep(all, backupsKept, keep);
  for (const old of all.filter((b) => !kept.has(b.id))) await unlink(inside(dir, old.id)).catch(() => {});
  return all.find((b) => b.id === name)!;
}

/// Reads one backup whole (tests and small files only: the app reads
/// backups in chunks, backupFile), refusing any id that is not a backup's
/// file name.
export async function readBackup(dir: string, id: string): Promise<string> {
  return readFile(backupFile(dir, id), 'utf8');
}

/// The path of backup `id` in `dir`, refusing any id that is not a
/// backup's file name.
export function backupFile(dir: string, id: string): string {
  if (typeof id !== 'string' || !pattern.test(id)) throw new RangeError(`“${String(id)}” is not the name of a backup.`);
  return inside(dir, id);
}
