import { z } from 'zod';
import { method } from '../../shared/rpc/api';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import type { Manifest } from '../../shared/format/backup-increment';
import { type BackupSince, type WrittenBackup, backupFile, buildBackup, writeBackup } from '../store/backups';
import { type LeftOutTies, exportPieces } from '../store/transfer';
import { backupStore } from '../store/backup-store';
import { BackupDb } from '../store/db';
import type { BackupHost } from '../host/host';
import type { BackupInfo } from '../../shared/ipc/contract';
import type { Calls } from '../../shared/rpc/port';
import type { ImportContext } from './import-context';
import { RestoreRead, type RestoreSummary, type RestoreWant } from './backups-restore';

// A manifest crosses to the worker as a Map (postMessage copies Maps): per
// unit key, its stamp.
const manifest = z.map(z.string(), z.string()) satisfies z.ZodType<Manifest>;

// What a kept backup is listed as (BackupInfo).
const backupInfo = z.strictObject({
  id: z.string().min(1).max(200),
  created: z.string().min(1).max(100),
  annotations: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  base: z.string().min(1).max(200).optional(),
}) satisfies z.ZodType<BackupInfo>;

// The largest chunk of a backup sent to the worker at once (hosts read 4 MB
// or less at a time).
const maxChunkBytes = 64 * 1024 * 1024;

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
  /// Builds the backup at `now` for a host the worker cannot write to (the
  /// desktop app's files, written by main through the page): `null` when
  /// nothing changed since `since.last`; else what it is, and the id its
  /// text is then asked for by, a piece at a time (`piece`).
  build: method<BuildingBackup | null>()(z.strictObject({ since: backupSince.nullable(), now: z.string().datetime() })),
  /// An export of annotations (all, or one document's) in a format, or a
  /// backup file of the whole library (`backup`), built off the page: how
  /// many annotations it holds, and the id its pieces are asked for by.
  export: method<{ buildId: string; count: number; leftOut: number; ties: LeftOutTies }>()(
    z.strictObject({
      scope: z.union([z.strictObject({ kind: z.literal('all') }), z.strictObject({ kind: z.literal('document'), documentId: z.string().min(1).max(200) })]),
      format: z.enum(['native', 'w3c', 'csv', 'qdpx']),
      backup: z.boolean(),
      now: z.string().datetime(),
    }),
  ),
  /// The next piece of the backup or export `buildId`, read from the
  /// library as it is asked for; `null` after the last, and the build is
  /// forgotten. An export reports, as progress, how many of its
  /// annotations the pieces so far were made from.
  piece: method<string | Uint8Array | null>()(z.strictObject({ buildId: z.string().min(1).max(100) })),
  /// Forgets the build `buildId` (its writing failed or was cancelled); an
  /// id not held is no error.
  drop: method<null>()(z.strictObject({ buildId: z.string().min(1).max(100) })),
  /// Starts reading a backup to restore, here rather than on the page: a
  /// kept one (its base too, for an increment) or a file the researcher
  /// chose. Answers the id the read goes by and what the page sends first
  /// (`restoreChunk`): the bytes of a backup from its start, read from its
  /// host; at the end, the preview's figures. Any read before is let go.
  restoreRead: method<{ readId: string; want: RestoreWant }>()(
    z.strictObject({
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('kept'), backup: backupInfo }),
        z.strictObject({ kind: z.literal('file'), name: z.string().min(1).max(1000), bytes: z.number().int().nonnegative() }),
      ]),
    }),
  ),
  /// The next chunk of the backup the worker asked for (`null`: it ended);
  /// answers what to send next. A backup that is not valid is refused here
  /// with what is wrong (an ImportError), and the read let go.
  restoreChunk: method<RestoreWant>()(
    z.strictObject({
      readId: z.string().min(1).max(100),
      chunk: z
        .instanceof(Uint8Array)
        .refine((bytes) => bytes.byteLength <= maxChunkBytes, `a chunk is at most ${maxChunkBytes} bytes`)
        .nullable(),
    }),
  ),
  /// Writes the read backup over the library in one transaction (all of it
  /// or nothing), reporting the annotations written; the page backs the
  /// library up first. The read is let go after.
  restoreWrite: method<null>()(z.strictObject({ readId: z.string().min(1).max(100) })),
  /// Lets a read go (the researcher cancelled, or the page's read failed);
  /// an id not held is no error.
  restoreDrop: method<null>()(z.strictObject({ readId: z.string().min(1).max(100) })),
};
export type BackupsApi = typeof backupsApi;

/// A backup being built in the worker, its text still to be asked for.
export interface BuildingBackup {
  buildId: string;
  count: number;
  manifest: Manifest;
  base: string | null;
  missingDocuments: string[];
}

// Builds kept at once: an export, a backup file and an automatic backup
// may be written together; past these, the oldest is one whose writer gave
// up without dropping it. Each holds at most a document's annotations.
const keptBuilds = 8;

/// The handlers over `context`, writing through `store` (by default the
/// browser's backup database, opened at the first backup).
export function backupsHandlers(context: ImportContext, store?: Pick<BackupHost, 'write'>): Handlers<BackupsApi> {
  let opened = store;
  const builds = new Map<string, { pieces: AsyncIterator<string | Uint8Array>; count: number; read?: () => number }>();
  let made = 0;
  // One restore read at a time: a new one lets the last go.
  let restore: { readId: string; read: RestoreRead } | null = null;
  const restoring = (readId: string): RestoreRead => {
    if (restore?.readId !== readId) throw new RangeError(`There is no restore ${readId} being read in this worker: it was written, dropped or replaced.`);
    return restore.read;
  };
  const keep = (file: { pieces: AsyncIterable<string | Uint8Array>; count: number; read?: () => number }): string => {
    const buildId = `build-${++made}`;
    builds.set(buildId, { pieces: file.pieces[Symbol.asyncIterator](), count: file.count, ...(file.read ? { read: file.read } : {}) });
    while (builds.size > keptBuilds) {
      const [oldest, left] = builds.entries().next().value!;
      builds.delete(oldest);
      void left.pieces.return?.();
    }
    return buildId;
  };
  return {
    write: async ({ since, now }) => {
      opened ??= backupStore(new BackupDb());
      return writeBackup(context.db, await context.documents(), since, opened, new Date(now));
    },
    build: async ({ since, now }) => {
      const built = await buildBackup(context.db, await context.documents(), since, new Date(now));
      if (!built) return null;
      return { buildId: keep(built), count: built.count, manifest: built.manifest, base: built.base, missingDocuments: built.missingDocuments };
    },
    export: async ({ scope, format, backup, now }) => {
      const documents = await context.documents();
      const file = backup ? await backupFile(context.db, documents, new Date(now)) : await exportPieces(context.db, documents, scope, format, new Date(now));
      const ties = ('ties' in file ? file.ties : undefined) ?? { links: 0, setEntries: 0 };
      return { buildId: keep(file), count: file.count, leftOut: 'leftOut' in file ? (file.leftOut ?? 0) : 0, ties };
    },
    piece: async ({ buildId }, call) => {
      const build = builds.get(buildId);
      if (!build) throw new RangeError(`There is no file ${buildId} being built in this worker: it was finished or dropped.`);
      const next = await build.pieces.next();
      if (build.read) call.progress(build.read(), build.count);
      if (!next.done) return next.value;
      builds.delete(buildId);
      return null;
    },
    drop: async ({ buildId }) => {
      await builds.get(buildId)?.pieces.return?.();
      builds.delete(buildId);
      return null;
    },
    restoreRead: async ({ source }) => {
      restore?.read.drop();
      const read = new RestoreRead(context.db, source);
      restore = { readId: `restore-${++made}`, read };
      const { readId } = restore;
      try {
        return { readId, want: await read.first() };
      } catch (error) {
        if (restore?.readId === readId) restore = null;
        throw error;
      }
    },
    restoreChunk: async ({ readId, chunk }) => {
      try {
        return await restoring(readId).feed(chunk);
      } catch (error) {
        if (restore?.readId === readId) restore = null;
        throw error;
      }
    },
    restoreWrite: async ({ readId }, call) => {
      const read = restoring(readId);
      try {
        await read.write((done, total) => call.progress(done, total));
      } finally {
        if (restore?.readId === readId) restore = null;
      }
      return null;
    },
    restoreDrop: async ({ readId }) => {
      if (restore?.readId === readId) {
        restore.read.drop();
        restore = null;
      }
      return null;
    },
  };
}

/// Writes the backup the worker `calls` builds at `now` through `host`,
/// asking the worker for its text a piece at a time as `host` writes it
/// (the desktop app: main appends each to the backup file); `null` when
/// nothing changed since `since.last`. The page holds one piece at a time.
export async function writeBuiltBackup(
  calls: Calls<BackupsApi>,
  since: BackupSince | null,
  host: Pick<BackupHost, 'write'>,
  now: Date,
): Promise<WrittenBackup | null> {
  const built = await calls.build({ since, now: now.toISOString() });
  if (!built) return null;
  const info = await host.write(builtPieces<string>(calls, built.buildId), built.count, now, built.base ?? undefined);
  return { info, manifest: built.manifest, base: built.base, missingDocuments: built.missingDocuments };
}

/// The pieces of the worker's build `buildId`, each asked for as the
/// caller reads on; a caller that stops early drops the build. `onRead` is
/// told how many annotations an export's pieces have been made from.
export async function* builtPieces<T extends string | Uint8Array>(
  calls: Calls<BackupsApi>,
  buildId: string,
  onRead?: (read: number) => void,
): AsyncGenerator<T> {
  let finished = false;
  try {
    for (;;) {
      const piece = await calls.piece({ buildId }, onRead ? { onProgress: (read) => onRead(read) } : {});
      if (piece === null) {
        finished = true;
        return;
      }
      yield piece as T;
    }
  } finally {
    if (!finished) await calls.drop({ buildId }).catch(() => null);
  }
}

/// builtPieces of an export or backup file, with `read`: how many of its
/// annotations the pieces asked for so far were made from.
export function builtFile<T extends string | Uint8Array>(calls: Calls<BackupsApi>, buildId: string): { pieces: AsyncGenerator<T>; read: () => number } {
  let read = 0;
  return { pieces: builtPieces<T>(calls, buildId, (n) => (read = n)), read: () => read };
}

/// Reads `source` in the backup worker `calls`, sending it the bytes it
/// asks for as `open(id)` reads them (a kept backup's id, or `file`), and
/// resolves to the preview's figures and the read's id, for
/// `restoreWrite`. `onRead` is told the bytes sent so far (a backup sent
/// again from its start counts from where it started). A failed read is
/// dropped in the worker and throws what was wrong.
export async function readInWorker(
  calls: Calls<BackupsApi>,
  source: Parameters<Calls<BackupsApi>['restoreRead']>[0]['source'],
  open: (id: string) => AsyncIterable<Uint8Array>,
  onRead?: (bytes: number) => void,
): Promise<{ readId: string; summary: RestoreSummary }> {
  const started = await calls.restoreRead({ source });
  const { readId } = started;
  let want = started.want;
  let chunks: AsyncIterator<Uint8Array> | null = null;
  let last: string | null = null;
  let before = 0;
  let read = 0;
  try {
    while (!('preview' in want)) {
      if ('read' in want) {
        await chunks?.return?.();
        if (want.read === last) read = before;
        else before = read;
        last = want.read;
        chunks = gathered(open(want.read))[Symbol.asyncIterator]();
      }
      const next = await chunks!.next();
      const chunk = next.done ? null : next.value;
      if (chunk) {
        read += chunk.byteLength;
        onRead?.(read);
      }
      // A chunk that is its whole buffer moves to the worker uncopied.
      const whole = chunk && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
      want = await calls.restoreChunk({ readId, chunk: chunk as Uint8Array<ArrayBuffer> | null }, whole ? { transfer: [chunk.buffer as ArrayBuffer] } : {});
    }
    return { readId, summary: want.preview };
  } catch (error) {
    await chunks?.return?.().catch(() => {});
    await calls.restoreDrop({ readId }).catch(() => null);
    throw error;
  }
}

/// How many bytes the page gathers before sending them to the worker: a
/// browser's Blob stream reads 64 KB at a time, and each chunk sent is a
/// round trip between the threads (a 113 MB backup took 1,800 of them).
export const sentBytes = 4 << 20;

// The chunks of `source` gathered into chunks of at least `size` bytes
// (the last may be shorter), each sent as it is full.
async function* gathered(source: AsyncIterable<Uint8Array>, size = sentBytes): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let held = 0;
  const take = () => {
    const out = parts.length === 1 ? parts[0]! : new Uint8Array(held);
    if (parts.length > 1) {
      let at = 0;
      for (const part of parts) {
        out.set(part, at);
        at += part.byteLength;
      }
    }
    parts = [];
    held = 0;
    return out;
  };
  for await (const chunk of source) {
    if (chunk.byteLength === 0) continue;
    parts.push(chunk);
    held += chunk.byteLength;
    if (held >= size) yield take();
  }
  if (held > 0) yield take();
}

/// The backup worker's server over `context`.
export function backupsServer(context: ImportContext): Server {
  return createServer(backupsApi, backupsHandlers(context), 'backup worker');
}
