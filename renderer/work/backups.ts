import { z } from 'zod';
import { method } from '../../shared/rpc/api';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import { type BuiltBackup, buildBackup } from '../store/backups';
import type { ImportContext } from './import-context';

/// The backup worker's API: the whole-library backup built off the page's
/// thread (a library of 100,000 annotations takes about a second to write
/// out), in a worker of its own so a long import never holds it up.
export const backupsApi = {
  /// Builds the backup, or `null` when its fingerprint is `since`, the
  /// backup last written.
  build: method<BuiltBackup | null>()(z.strictObject({ since: z.string().max(200).nullable() })),
};
export type BackupsApi = typeof backupsApi;

/// The handlers over `context`.
export function backupsHandlers(context: ImportContext): Handlers<BackupsApi> {
  return { build: async ({ since }) => buildBackup(context.db, await context.documents(), since) };
}

/// The backup worker's server over `context`.
export function backupsServer(context: ImportContext): Server {
  return createServer(backupsApi, backupsHandlers(context), 'backup worker');
}
