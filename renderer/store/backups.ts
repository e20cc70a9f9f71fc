import type { Annotation } from '../../shared/annotation/model';
import type { LibraryDocument } from '../../shared/corpus/document';
import { textFingerprint } from '../../shared/document/fingerprint';
import { annotationOf, parseNativeFile } from '../../shared/format/native';
import { type RestoreDiff, restoreDiff } from '../../shared/format/restore';
import type { BackupInfo } from '../../shared/ipc/contract';
import { ImportError } from '../../shared/format/errors';
import type { BackupHost } from '../host/host';
import * as rows from './annotation-rows';
import { type DocumentEditRow, type DocumentRow, type PalimpsestDb, onTableWrite } from './db';
import { storageProblem } from './errors';
import { exportAnnotations } from './transfer';
import { messageOf } from '../../shared/errors';

/// Writes a backup of the whole library a little while after it changes
/// (changes come in bursts: a note typed, a batch imported), and at once
/// when asked to flush (the app closing). An unchanged library is not
/// backed up again.
export class BackupScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFingerprint: string | null = null;
  private running: Promise<BackupInfo | null> = Promise.resolve(null);

  constructor(
    private readonly db: PalimpsestDb,
    private readonly documents: ReadonlyMap<string, LibraryDocument>,
    private readonly host: BackupHost,
    private readonly onError: (message: string) => void,
    private readonly delay = 4000,
    /// Builds the backup's content unless it is the one last written: in
    /// the app, the import worker (a library of 100,000 annotations takes
    /// about a second to write out); here by default.
    private readonly build: BackupBuilder = (since) => buildBackup(db, documents, since),
  ) {}

  /// Watches the library's annotations, tag types, links, relation types,
  /// actors, sets and imported documents: every write schedules a backup.
  watch(): () => void {
    const touch = () => this.touch();
    const watched = [this.db.tagTypes, this.db.links, this.db.relationTypes, this.db.actors, this.db.sets, this.db.documents, this.db.documentEdits];
    const stops = [rows.onChange(this.db, touch), ...watched.map((table) => onTableWrite(table, touch))];
    return () => stops.forEach((stop) => stop());
  }

  /// Notes a change; the backup follows after `delay` of quiet.
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /// Writes a backup now if the library changed since the last one.
  flush(): Promise<BackupInfo | null> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.running.then(() => this.write()).catch(() => null);
    return this.running;
  }

  private async write(): Promise<BackupInfo | null> {
    try {
      const built = await this.build(this.lastFingerprint);
      if (!built) return null;
      const { content, count, fingerprint, missingDocuments } = built;
      const now = new Date();
      const info = await this.host.write(stamped(content, now), count, now);
      this.lastFingerprint = fingerprint;
      if (missingDocuments.length > 0) {
        const listed =
          missingDocuments
            .slice(0, 5)
            .map((id) => `“${id}”`)
            .join(', ') + (missingDocuments.length > 5 ? ` and ${missingDocuments.length - 5} more` : '');
        this.onError(
          `The backup was written, and it keeps annotations of documents that are no longer in the library (${listed}): restoring it brings them back as they are.`,
        );
      }
      return info;
    } catch (error) {
      this.onError(`The automatic backup failed: ${messageOf(error)}`);
      return null;
    }
  }
}

/// A whole-library backup's content, its annotation count and fingerprint;
/// `null` when its fingerprint is `since` (nothing changed).
export type BackupBuilder = (since: string | null) => Promise<BuiltBackup | null>;

export interface BuiltBackup {
  content: string;
  count: number;
  fingerprint: string;
  /// The ids of documents the library's annotations name but that are not
  /// in it: the backup keeps those annotations (see buildNativeFile).
  missingDocuments: string[];
}

// The export time a backup is built with, so that equal content means an
// unchanged library; the time it is written replaces it.
const unstamped = new Date(0).toISOString();

/// A built backup's content with the time it is written.
export function stamped(content: string, now: Date): string {
  return content.replace(`"exported": "${unstamped}"`, `"exported": "${now.toISOString()}"`);
}

/// A backup of the whole library as a file to save outside the app (a
/// browser may clear its own storage, backups with the library): its
/// content, annotation count and a file name with the date.
export async function backupFile(
  db: PalimpsestDb,
  documents: ReadonlyMap<string, LibraryDocument>,
  now = new Date(),
): Promise<{ content: string; count: number; name: string }> {
  const built = (await buildBackup(db, documents, null))!;
  return { content: stamped(built.content, now), count: built.count, name: `palimpsest-backup-${now.toISOString().slice(0, 16).replace(':', '-')}.json` };
}

/// Builds a backup of the whole library as a native file, unless it is the
/// one whose fingerprint is `since`.
export async function buildBackup(db: PalimpsestDb, documents: ReadonlyMap<string, LibraryDocument>, since: string | null): Promise<BuiltBackup | null> {
  // An annotation whose document is gone (a store left inconsistent) is
  // backed up all the same: a backup that failed every time would lose all.
  const { content, count, missing } = await exportAnnotations(db, documents, { kind: 'all' }, 'native', new Date(unstamped), 'keep');
  const fingerprint = textFingerprint(content as string);
  return fingerprint === since ? null : { content: content as string, count, fingerprint, missingDocuments: missing };
}

/// A backup read and compared with the library, waiting for confirmation.
export interface RestorePreview {
  backup: BackupInfo;
  /// The file it was read from, for a backup file the researcher chose.
  fileName?: string;
  annotations: Annotation[];
  diff: RestoreDiff;
  json: string;
}

export async function previewRestore(db: PalimpsestDb, host: BackupHost, backup: BackupInfo): Promise<RestorePreview> {
  const json = await host.read(backup.id);
  const file = parseNativeFile(json);
  const annotations = file.annotations.map(annotationOf);
  return { backup, annotations, diff: restoreDiff(await rows.all(db), annotations), json };
}

/// A backup file the researcher chose, read and compared with the library.
/// Throws ImportError for a file that is not valid, or is not a backup of a
/// whole library (an export of one document would replace every other
/// document's annotations with nothing).
export async function previewRestoreFile(db: PalimpsestDb, fileName: string, json: string): Promise<RestorePreview> {
  const file = parseNativeFile(json);
  if (file.scope.kind !== 'all' || !file.library) {
    throw new ImportError(
      file.scope.kind !== 'all' ? '$.scope' : '$.library',
      `${fileName} is an export of ${file.scope.kind === 'all' ? 'annotations without the rest of the library' : 'one document'}, not a backup of the whole library; bring it in with Import annotations… instead`,
    );
  }
  const annotations = file.annotations.map(annotationOf);
  const backup: BackupInfo = { id: `file:${fileName}`, created: file.exported, annotations: annotations.length, bytes: new Blob([json]).size };
  return { backup, fileName, annotations, diff: restoreDiff(await rows.all(db), annotations), json };
}

/// Replaces the library's annotations, tag types and (in a backup that holds
/// them) links, relation types, actors and sets with a backup's, in one
/// transaction, after backing up the library as it is (so a restore can be
/// undone by restoring that).
export async function restoreBackup(db: PalimpsestDb, scheduler: BackupScheduler, preview: RestorePreview): Promise<void> {
  await scheduler.flush();
  const file = parseNativeFile(preview.json);
  try {
    await db.transaction(
      'rw',
      [...rows.tables(db), db.tagTypes, db.links, db.relationTypes, db.actors, db.sets, db.documents, db.documentEdits, db.revisions],
      async () => {
        await rows.clear(db);
        await db.tagTypes.clear();
        await db.tagTypes.bulkAdd(file.tagTypes);
        await rows.put(db, preview.annotations);
        const documentOf = new Map(preview.annotations.map((a) => [a.id, a.documentId]));
        if (file.library) {
          await Promise.all([db.links.clear(), db.relationTypes.clear(), db.actors.clear(), db.sets.clear()]);
          await db.relationTypes.bulkAdd(file.library.relationTypes);
          await db.links.bulkAdd(
            file.library.links.map((link) => ({ ...link, fromDocument: documentOf.get(link.from)!, toDocument: documentOf.get(link.to)! })),
          );
          await db.actors.bulkAdd(file.library.actors);
          await db.sets.bulkAdd(file.library.sets);
          // Documents come back with the annotations on them; a backup from
          // before documents were kept leaves the library's documents alone.
          if (file.library.documents) {
            await Promise.all([db.documents.clear(), db.documentEdits.clear()]);
            await db.documents.bulkAdd(file.library.documents as unknown as DocumentRow[]);
            await db.documentEdits.bulkAdd((file.library.documentEdits ?? []) as unknown as DocumentEditRow[]);
          }
          // The texts the annotations' positions count in: a backup from
          // before revisions were kept leaves the library's alone.
          if (file.library.revisions) {
            await db.revisions.clear();
            await db.revisions.bulkAdd(file.library.revisions);
          }
        } else {
          // A backup from before links were kept: the links whose passages it
          // does not hold would point nowhere.
          await db.links.filter((link) => !documentOf.has(link.from) || !documentOf.has(link.to)).delete();
        }
      },
    );
  } catch (error) {
    throw new Error(storageProblem(error));
  }
}
