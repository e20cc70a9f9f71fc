import type { BackupInfo } from '../../shared/ipc/contract';
import type { NativeFile } from '../../shared/format/native';
import type { BackupHost, ChosenFile } from '../host/host';
import { type BackupScheduler, type RestorePreview, backupFile, backupFileName, previewRestore, previewRestoreFile, restoreBackup } from '../store/backups';
import type { PalimpsestDb } from '../store/db';
import { type ExportFormat, type ExportPieces, exportPieces } from '../store/transfer';
import type { Calls } from '../../shared/rpc/port';
import { type BackupsApi, builtPieces } from '../work/backups';
import type { DocumentsRepository } from './documents';

/// The formats an export is written in, and what a restore would change.
export type { ExportFormat, RestorePreview };

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
    const { buildId, count } = await this.worker.export({ scope, format, backup: false, now: new Date().toISOString() });
    return { count, pieces: builtPieces(this.worker, buildId) };
  }

  /// The name a backup file saved at `now` is offered under.
  backupFileName(now: Date): string {
    return backupFileName(now);
  }

  /// A backup of the whole library as a file to save outside the app.
  async backupFile(now: Date): Promise<{ count: number; pieces: AsyncIterable<string> }> {
    if (!this.worker) return backupFile(this.db, this.documents.source(), now);
    const { buildId, count } = await this.worker.export({ scope: { kind: 'all' }, format: 'native', backup: true, now: now.toISOString() });
    return { count, pieces: builtPieces<string>(this.worker, buildId) };
  }

  /// What restoring a kept backup would change.
  previewRestore(host: BackupHost, backup: BackupInfo, onRead?: (bytes: number) => void): Promise<RestorePreview> {
    return previewRestore(this.db, host, backup, onRead);
  }

  /// What restoring a backup file would change.
  previewRestoreFile(file: ChosenFile, onRead?: (bytes: number) => void): Promise<RestorePreview> {
    return previewRestoreFile(this.db, file, onRead);
  }

  /// Restores a previewed backup, all of it or nothing.
  restore(scheduler: BackupScheduler, preview: RestorePreview, onProgress?: (done: number, total: number) => void): Promise<void> {
    return restoreBackup(this.db, scheduler, preview, onProgress);
  }
}
