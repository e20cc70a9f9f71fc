import { backupsToKeep } from '../../shared/ipc/backup-names';
import { backupsKept } from '../../shared/ipc/contract';
import { type BackupHost, HostError } from '../host/host';
import type { BackupDb, BackupRow } from './db';

/// The browser's backups in their own IndexedDB database, reached from the
/// page (to list and read them) and from the backup worker, which writes
/// them: a backup is stored as a Blob made of its text's pieces, each piece
/// let go once it is in the Blob, its bytes counted as they are written, so
/// neither thread ever holds it as one string or measures it again.
export function backupStore(backups: BackupDb): Pick<BackupHost, 'list' | 'write' | 'readChunks'> {
  return {
    async list() {
      const rows = await backups.backups.orderBy('created').reverse().toArray();
      return rows.map(({ id, created, annotations, bytes, base }) => ({ id, created, annotations, bytes, ...(base ? { base } : {}) }));
    },
    async write(pieces, annotations, created, base) {
      const parts: Blob[] = [];
      let bytes = 0;
      for await (const piece of pieces) {
        const part = new Blob([piece]);
        bytes += part.size;
        parts.push(part);
      }
      // An increment's id names its base, so that rotation reads ids only.
      const id = base ? `${created.toISOString()} on ${base}` : created.toISOString();
      const row: BackupRow = {
        id,
        created: created.toISOString(),
        annotations,
        bytes,
        content: new Blob(parts, { type: 'application/json' }),
        ...(base ? { base } : {}),
      };
      // One transaction: the new backup and the rotation it causes, or neither.
      await backups.transaction('rw', backups.backups, async () => {
        await backups.backups.put(row);
        const ids = (await backups.backups.orderBy('created').reverse().primaryKeys()) as string[];
        const all = ids.map((id) => ({ id, base: id.split(' on ')[1] }));
        const kept = backupsToKeep(all, backupsKept);
        await backups.backups.bulkDelete(ids.filter((id) => !kept.has(id)));
      });
      return { id, created: row.created, annotations, bytes, ...(base ? { base } : {}) };
    },
    async *readChunks(id) {
      const row = await backups.backups.get(id);
      if (!row) throw new HostError(`The backup of ${id} is no longer there.`);
      // A backup written before backups were Blobs is its text.
      const blob = typeof row.content === 'string' ? new Blob([row.content]) : row.content;
      yield* blobChunks(blob);
    },
  };
}

/// The bytes of `blob` in the chunks its stream reads (Blob.stream()), the
/// reader released when the caller stops early.
export async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
