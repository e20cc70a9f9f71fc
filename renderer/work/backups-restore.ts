import type { NativeFile } from '../../shared/format/native';
import type { KindChange, RestoreDiff } from '../../shared/format/restore';
import type { BackupInfo } from '../../shared/ipc/contract';
import { type RestorePreview, backupFileOf, chosenBackup, pointFrom, previewOf, writeRestore } from '../store/backups';
import type { PalimpsestDb } from '../store/db';

/// A restore read, checked and written in the backup worker: the page reads
/// the backup's bytes from its host (the browser's backup database, a
/// chosen file, or main's files in the desktop app, which only the page
/// reaches) and sends them a chunk at a time; the worker parses them as
/// they come, keeps what the restore will write, and hands the page only
/// the preview's figures. The page never holds the parsed backup: at a
/// million annotations that is over a gigabyte of objects.

/// What the worker asks of the page next: the bytes of backup `read` (a
/// kept backup's id, or `file` for the chosen file) from its start, the
/// next chunk of the one being sent (`more`), or nothing more: the preview.
export type RestoreWant = { read: string } | { more: true } | { preview: RestoreSummary };

/// What the page shows of a restore read in the worker.
export interface RestoreSummary {
  backup: BackupInfo;
  fileName?: string;
  /// The annotations the restored library holds.
  count: number;
  diff: RestoreDiff;
  /// What it does to the rest of the library, kind by kind.
  others: KindChange[];
  /// Whether restoring it would leave the library as it is.
  unchanged: boolean;
}

/// What is restored: a kept backup (with its base, for an increment), or a
/// backup file the researcher chose, of `bytes` bytes.
export type RestoreSource = { kind: 'kept'; backup: BackupInfo } | { kind: 'file'; name: string; bytes: number };

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A reply nobody waits for (the page dropped the read) is no unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/// One restore in the worker, from its first chunk to its write.
export class RestoreRead {
  // The reply to the page's call now waiting: settled when the parser
  // wants the next chunk, another backup, or has finished.
  private reply = deferred<RestoreWant>();
  // The chunk the parser waits for; null once it stops reading.
  private chunk: Deferred<Uint8Array | null> | null = null;
  private preview: RestorePreview | null = null;
  private dropped = false;

  /// Starts reading `source`; resolves to what the page sends first.
  constructor(
    private readonly db: PalimpsestDb,
    source: RestoreSource,
  ) {
    void this.read(source).then(
      (preview) => {
        this.preview = preview;
        const { backup, fileName, annotations, diff, others, unchanged } = preview;
        this.reply.resolve({ preview: { backup, ...(fileName ? { fileName } : {}), count: annotations.length, diff, others, unchanged } });
      },
      (error: unknown) => this.reply.reject(error),
    );
  }

  /// What the page sends first.
  first(): Promise<RestoreWant> {
    return this.reply.promise;
  }

  /// Takes the next chunk of the backup being sent (`null`: it ended);
  /// resolves to what the page sends next.
  feed(chunk: Uint8Array | null): Promise<RestoreWant> {
    const waiting = this.chunk;
    if (!waiting) throw new RangeError('A chunk was sent to a restore that asked for none: send chunks only when the worker answers `read` or `more`.');
    this.chunk = null;
    this.reply = deferred();
    waiting.resolve(chunk);
    return this.reply.promise;
  }

  /// Writes the previewed backup over the library, in one transaction.
  async write(onProgress: (done: number, total: number) => void): Promise<void> {
    const preview = this.preview;
    if (!preview) throw new RangeError('A restore was written before its backup was read: wait for its preview.');
    await writeRestore(this.db, preview.file, preview.annotations, onProgress);
  }

  /// Stops reading: the parser sees its source fail, and what it read is let go.
  drop(): void {
    this.dropped = true;
    this.chunk?.reject(new Error('The restore was cancelled.'));
    this.chunk = null;
    this.preview = null;
  }

  private async read(source: RestoreSource): Promise<RestorePreview> {
    if (source.kind === 'file') {
      const file: NativeFile = await backupFileOf(source.name, () => this.chunks('file'));
      return previewOf(this.db, chosenBackup(source.name, file, source.bytes), file, source.name);
    }
    return previewOf(this.db, source.backup, await pointFrom((id) => this.chunks(id), source.backup.id));
  }

  // The chunks of backup `id` as the page sends them, asked for one at a
  // time: the first ask tells the page to start it (again).
  private async *chunks(id: string): AsyncGenerator<Uint8Array> {
    for (let first = true; ; first = false) {
      if (this.dropped) throw new Error('The restore was cancelled.');
      const next = deferred<Uint8Array | null>();
      this.chunk = next;
      this.reply.resolve(first ? { read: id } : { more: true });
      const chunk = await next.promise;
      if (chunk === null) return;
      yield chunk;
    }
  }
}
