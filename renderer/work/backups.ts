import { z } from 'zod';
import { method } from '../../shared/rpc/api';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import type { Manifest } from '../../shared/format/backup-increment';
import { type BackupSince, type WrittenBackup, writeBackup } from '../store/backups';
import { backupStore } from '../store/backup-store';
import { BackupDb } from '../store/db';
import type { BackupHost } from '../host/host';
import type { ImportContext } from './import-context';

// A manifest crosses to the worker as a Map (postMessage copies Maps): per
// unit key, its stamp.
const manifest = z.map(z.string(), z.string()) satisfies z.ZodType<Manifest>;

/// What the next backup is built against (BackupSince): the full backup
/// increments apply to, the manifest of the last point, and how many
/// increments were written on that base.
const backupSince = z.strictObject({
  // A host's id: a file name in Electron, a time in the browser's database.
  base: z.strictObject({ id: z.string().min(1).max(200), manifest, bytes: z.number().int().nonnegative() }).nullable(),
  last: manifest,
  increments: z.number().int().nonnegative(),
}) satisfies z.ZodType<BackupSince>;

/// The backup worker's API: the library's backup built and written off the
/// page's thread (a full backup of 100,000 annotations takes about a second
/// to write out, and the page once spent as long again taking it in, sizing
/// it and storing it), in a worker of its own so a long import never holds
/// it up. The page receives only what was written.
export const backupsApi = {
  /// Builds the backup at `now` and writes it to the browser's backup
  /// database: full without `since`; with it, the increment on
  /// `since.base` (or a full one again when increments have grown), or
  /// nothing and `null` when nothing changed since `since.last` (see
  /// buildBackup).
  write: method<WrittenBackup | null>()(z.strictObject({ since: backupSince.nullable(), now: z.string().datetime() })),
};
export type BackupsApi = typeof backupsApi;

/// The handlers over `context`, writing through `store` (by default the
/// browser's backup database, opened at the first backup).
export function backupsHandlers(context: ImportContext, store?: Pick<BackupHost, 'write'>): Handlers<BackupsApi> {
  let opened = store;
  return {
    write: async ({ since, now }) => {
      opened ??= backupStore(new BackupDb());
      return writeBackup(context.db, await context.documents(), since, opened, new Date(now));
    },
  };
}

/// The backup worker's server over `context`.
export function backupsServer(context: ImportContext): Server {
  return createServer(backupsApi, backupsHandlers(context), 'backup worker');
}
