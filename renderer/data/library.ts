import type { BackupInfo } from '../../shared/ipc/contract';
import type { NativeFile } from '../../shared/format/native';
import type { BackupHost, ChosenFile } from '../host/host';
import { type BackupScheduler, type RestorePreview, backupFile, backupFileName, previewRestore, previewRestoreFile, restoreBackup } from '../store/backups';
import type { PalimpsestDb } from '../store/db';
import { type ExportFormat, type ExportPieces, exportPieces } from '../store/transfer';
import type { Calls } from '../../shared/rpc/port';
import { type BackupsApi, builtFile, readInWorker } from '../work/backups';
import type { RestoreSummary } from '../work/backups-restore';
import type { DocumentsRepository } from './documents';

/// The formats an export is written in, and what a restore would change.
export type { ExportFormat, ExportPieces, RestorePreview };

/// A backup read and compared with the library, waiting for confirmation:
/// what the Backups dialog shows. Read in the backup worker, it is only
/// these figures on the page (`readId` names what the worker holds);
/// without a worker, the preview read on the page.
export type RestoreChoice = RestoreSummary & ({ readId: string } | { preview: RestorePreview });

function choiceOf(preview: RestorePreview): RestoreChoice {
  const { backup, fileName, annotations, diff, others, unchanged } = preview;
  return { backup, ...(fileName ? { fileName } : {}), count: annotations.length, diff, others, unchanged, preview };
}

/// Whole-library work: exports, backup files and restoring. Each reads the
/// documents it touches, by need (the documents repository's `source`),
/// and keeps none of them. Given the backup worker (`worker`), exports and
/// backup files are built there, off the page, which asks for their
/// pieces as it writes them.
export class LibraryRepository {
  constructor(
    private readonly db: PalimpsestDb,
    private readonly documents: DocumentsRepository,
    private readonly worker?: Calls<BackupsApi>,
  ) {}

  /// All annotations, or one document's, as a file in a format, in pieces
  /// read from the library as they are written (store/transfer.ts
  /// `exportPieces`).
  async exportPieces(scope: NativeFile['scope'], format: ExportFormat): Promise<ExportPieces> {
    if (!this.worker) return exportPieces(this.db, this.documents.source(), scope, format);
    const { buildId, count, leftOut, ties } = await this.worker.export({ scope, format, backup: false, now: new Date().toISOString() });
    return { count, leftOut, ties, ...builtFile(this.worker, buildId) };
  }

  /// The name a backup file saved at `now` is offered under.
  backupFileName(now: Date): string {
    return backupFileName(now);
  }

  /// A backup of the whole library as a file to save outside the app.
  /// `read` tells how many of its annotations the pieces so far hold.
  async backupFile(now: Date): Promise<{ count: number; pieces: AsyncIterable<string>; read: () => number }> {
    if (!this.worker) return backupFile(this.db, this.documents.source(), now);
    const { buildId, count } = await this.worker.export({ scope: { kind: 'all' }, format: 'native', backup: true, now: now.toISOString() });
    return { count, ...builtFile<string>(this.worker, buildId) };
  }

  /// What restoring a kept backup would change. Read in the backup worker
  /// when there is one: the page reads the backup's bytes from `host` and
  /// sends them on, and never holds its annotations.
  async previewRestore(host: BackupHost, backup: BackupInfo, onRead?: (bytes: number) => void): Promise<RestoreChoice> {
    if (!this.worker) return choiceOf(await previewRestore(this.db, host, backup, onRead));
    const { readId, summary } = await readInWorker(this.worker, { kind: 'kept', backup }, (id) => host.readChunks(id), onRead);
    return { ...summary, readId };
  }

  /// What restoring a backup file would change, read as previewRestore is.
  async previewRestoreFile(file: ChosenFile, onRead?: (bytes: number) => void): Promise<RestoreChoice> {
    if (!this.worker) return choiceOf(await previewRestoreFile(this.db, file, onRead));
    const { readId, summary } = await readInWorker(this.worker, { kind: 'file', name: file.name, bytes: file.bytes }, () => file.chunks(), onRead);
    return { ...summary, readId };
  }

  /// Restores a previewed backup, all of it or nothing, after backing up
  /// the library as it is (so a restore can be undone by restoring that).
  async restore(scheduler: BackupScheduler, choice: RestoreChoice, onProgress?: (done: number, total: number) => void): Promise<void> {
    if ('preview' in choice) return restoreBackup(this.db, scheduler, choice.preview, onProgress);
    await scheduler.flush();
    await this.worker!.restoreWrite({ readId: choice.readId }, onProgress ? { onProgress } : {});
    // The library is no longer what the last backups were built against.
    scheduler.startOver();
  }

  /// Lets a previewed restore go (the researcher cancelled it).
  cancelRestore(choice: RestoreChoice): void {
    if ('readId' in choice) void this.worker?.restoreDrop({ readId: choice.readId }).catch(() => null);
  }
}
