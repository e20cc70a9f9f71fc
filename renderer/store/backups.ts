import type { Annotation } from '../../shared/annotation/model';
import { textFingerprint } from '../../shared/document/fingerprint';
import {
  type BackupIncrement,
  type Manifest,
  applyIncrement,
  changesSince,
  incrementFormat,
  incrementPieces,
  incrementVersion,
  sameManifest,
} from '../../shared/format/backup-increment';
import { type NativeFile, annotationOf, nativeAnnotation, nativeDocumentEntry, nativeFileOf } from '../../shared/format/native';
import { type KindChange, type RestoreDiff, changesNoAnnotation, changesNothing, recordsDiff, restoreDiff } from '../../shared/format/restore';
import { readBackupStream } from '../../shared/format/backup-read';
import type { BackupInfo } from '../../shared/ipc/contract';
import { ImportError } from '../../shared/format/errors';
import type { BackupHost, ChosenFile } from '../host/host';
import * as rows from './annotation-rows';
import { type DocumentEditRow, type DocumentRow, type PalimpsestDb, type ReviewRow, onTableWrite } from './db';
import { storageProblem } from './errors';
import { type Documents, sourceOf } from './document-source';
import { exportPieces } from './transfer';
import { messageOf } from '../../shared/errors';

/// Writes a backup of the whole library a little while after it changes
/// (changes come in bursts: a note typed, a batch imported), and at once
/// when asked to flush (the app closing). An unchanged library is not
/// backed up again.
export class BackupScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  // The last full backup and point written, which the next increment is
  // built against; null until the first backup of this run, a full one.
  private since: BackupSince | null = null;
  private running: Promise<BackupInfo | null> = Promise.resolve(null);

  constructor(
    private readonly db: PalimpsestDb,
    private readonly documents: Documents,
    host: BackupHost,
    private readonly onError: (message: string) => void,
    private readonly delay = 4000,
    /// Builds and writes the backup unless the library is as at the last
    /// one: in the browser app, the backup worker, which writes it to the
    /// backup database itself (a library of 100,000 annotations takes about
    /// a second to write out); here by default, through `host`.
    private readonly build: BackupWriter = (since, now) => writeBackup(db, documents, since, host, now),
  ) {}

  /// Watches the library's annotations, tag types, links, relation types,
  /// actors, sets, imported documents, their descriptions, revisions and
  /// review list: every write schedules a backup.
  watch(): () => void {
    const touch = () => this.touch();
    const watched = [
      this.db.tagTypes,
      this.db.links,
      this.db.relationTypes,
      this.db.actors,
      this.db.sets,
      this.db.documents,
      this.db.documentEdits,
      // A revision that moves no annotation is a change of its own.
      this.db.revisions,
      // An entry looked at (re-attached or dismissed) leaves the list.
      this.db.reviews,
    ];
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
      const built = await this.build(this.since, new Date());
      if (!built) return null;
      const { info, missingDocuments } = built;
      this.since =
        built.base === null || !this.since?.base
          ? { base: { id: info.id, manifest: built.manifest, bytes: info.bytes }, last: built.manifest, increments: 0 }
          : { base: this.since.base, last: built.manifest, increments: this.since.increments + 1 };
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

  /// Makes the next backup a full one: after a restore, the library is no
  /// longer what the last backups were built against.
  startOver(): void {
    this.since = null;
  }
}

/// What the next backup is built against: the full backup increments apply
/// to, with its manifest and size, and the manifest of the last point.
export interface BackupSince {
  base: { id: string; manifest: Manifest; bytes: number } | null;
  last: Manifest;
  /// How many increments were written on `base`.
  increments: number;
}

/// Builds the backup at `now` and writes it: a full backup, or with
/// `since`, maybe an increment on its base; `null` when the library is as
/// at the last point (nothing is written).
export type BackupWriter = (since: BackupSince | null, now: Date) => Promise<WrittenBackup | null>;

/// A backup written: what the host says of it, and what the next backup is
/// built against.
export interface WrittenBackup {
  info: BackupInfo;
  manifest: Manifest;
  base: string | null;
  missingDocuments: string[];
}

/// A backup's text in pieces (never one string: a full backup of 1,000
/// documents is 180 MB), its annotation count and manifest.
export interface BuiltBackup {
  pieces: AsyncIterable<string>;
  /// The characters of the text, for an increment (a full backup's are
  /// counted as it is written).
  characters?: number;
  count: number;
  /// Per part of the library, the stamp the next increment compares.
  manifest: Manifest;
  /// The id of the full backup this one is an increment on, or null for a
  /// full backup.
  base: string | null;
  /// The ids of documents the library's annotations name but that are not
  /// in it: the backup keeps those annotations (see buildNativeFile).
  missingDocuments: string[];
}

/// Builds the backup (see buildBackup) at `now` and writes it through
/// `host`, piece by piece; `null` when nothing changed since `since.last`.
export async function writeBackup(
  db: PalimpsestDb,
  documents: Documents,
  since: BackupSince | null,
  host: Pick<BackupHost, 'write'>,
  now: Date,
): Promise<WrittenBackup | null> {
  const built = await buildBackup(db, documents, since, now);
  if (!built) return null;
  const info = await host.write(built.pieces, built.count, now, built.base ?? undefined);
  return { info, manifest: built.manifest, base: built.base, missingDocuments: built.missingDocuments };
}

/// A backup of the whole library as a file to save outside the app (a
/// browser may clear its own storage, backups with the library): its
/// annotation count and its text's pieces, read from the library as they
/// are written (exportPieces), never one string.
export async function backupFile(
  db: PalimpsestDb,
  documents: Documents,
  now = new Date(),
): Promise<{ count: number; pieces: AsyncIterable<string>; read: () => number }> {
  const { count, pieces, read } = await exportPieces(db, documents, { kind: 'all' }, 'native', now, 'keep');
  return { count, pieces: pieces as AsyncIterable<string>, read: read ?? (() => 0) };
}

/// The name a backup file saved at `now` is offered under, with the date.
export function backupFileName(now: Date): string {
  return `palimpsest-backup-${now.toISOString().slice(0, 16).replace(':', '-')}.json`;
}

/// Builds a backup of the library: without `since`, a full one (a native
/// file); with it, the increment on `since.base` (only the parts changed
/// since it), or a full one again when the increments have grown (see
/// fullAgain); `null` when nothing changed since `since.last`.
export async function buildBackup(db: PalimpsestDb, documents: Documents, since: BackupSince | null, now = new Date()): Promise<BuiltBackup | null> {
  // No transaction around it all: a full backup of a large library reads
  // for seconds, and a read transaction over every table would hold the
  // page's writes back as long. The stamps are read first instead, so a
  // part written meanwhile is read newer than its stamp, and its changed
  // stamp carries it again in the next increment.
  {
    const current = await readManifest(db, documents);
    if (since && sameManifest(current.manifest, since.last)) return null;
    if (since?.base && since.increments < maxIncrements) {
      const increment = await buildIncrement(db, current, since.base.manifest, since.base.id, now);
      // Past a quarter of its base, a full backup costs little more and
      // restores from one file; a small base takes increments regardless.
      if (increment.characters! * 4 <= since.base.bytes || since.base.bytes < smallBase) return increment;
    }
    // An annotation whose document is gone (a store left inconsistent) is
    // backed up all the same: a backup that failed every time would lose
    // all. Read from the store as it is written, one document's annotations
    // at a time (exportPieces).
    const { count, pieces } = await exportPieces(db, documents, { kind: 'all' }, 'native', now, 'keep');
    return { pieces: pieces as AsyncIterable<string>, count, manifest: current.manifest, base: null, missingDocuments: current.missing };
  }
}

/// How many increments are written on one full backup before the next is
/// full again; one also follows when an increment would be a quarter of
/// its base's size.
export const maxIncrements = 24;

// A full backup under this many bytes takes increments whatever their size.
const smallBase = 1 << 16;

// What a manifest is read from: the small tables as a backup writes them,
// and the stamps of everything else, without reading an annotation or a text.
interface CurrentLibrary {
  manifest: Manifest;
  count: number;
  small: Map<string, unknown>;
  entries: Map<string, unknown>;
  citations: Map<string, string | null>;
  missing: string[];
}

async function readManifest(db: PalimpsestDb, library: Documents): Promise<CurrentLibrary> {
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const documentsAdded = new Map<string, string>();
  const [layouts, documentIds, , seqs, edits, tagTypes, relationTypes, links, actors, sets, reviews] = await Promise.all([
    db.chunkLayouts.toArray(),
    // Every stored document, whether or not its row names a time (one from
    // an older version or another machine may not): a document missing
    // here would read as deleted.
    db.documents.toCollection().primaryKeys(),
    // Each stored document's id with the time it was added, from the index
    // alone (no text): one deleted and imported again under the same id is
    // another text, and must be written again.
    db.documents.orderBy('added').eachKey((added, cursor) => {
      documentsAdded.set(String(cursor.primaryKey), String(added));
    }),
    db.revisions.toCollection().primaryKeys(),
    db.documentEdits.toArray(),
    db.tagTypes.toArray(),
    db.relationTypes.toArray(),
    db.links.toArray(),
    db.actors.toArray(),
    db.sets.toArray(),
    // The review list is short (what revisions left to look at): read whole.
    db.reviews.toArray(),
  ]);
  // What the entries and citations need of the documents with
  // annotations, read from their listing rows: no text.
  const documents = await sourceOf(library).infos(layouts.filter((layout) => layout.count > 0).map((layout) => layout.documentId));
  const manifest: Manifest = new Map();
  const small = new Map<string, unknown>([
    ['t:tagTypes', tagTypes.sort((a, b) => a.order - b.order)],
    ['l:relationTypes', relationTypes.sort((a, b) => a.order - b.order)],
    ['l:links', byId(links).map(({ fromDocument: _from, toDocument: _to, ...link }) => link)],
    ['l:actors', byId(actors)],
    ['l:sets', byId(sets)],
  ]);
  for (const [key, value] of small) manifest.set(key, textFingerprint(JSON.stringify(value)));
  const entries = new Map<string, unknown>();
  const citations = new Map<string, string | null>();
  const missing: string[] = [];
  let count = 0;
  for (const layout of layouts) {
    if (layout.count === 0) continue;
    count += layout.count;
    const document = documents.get(layout.documentId);
    if (!document) missing.push(layout.documentId);
    const entry = nativeDocumentEntry(layout.documentId, document, 'keep');
    entries.set(layout.documentId, entry);
    citations.set(layout.documentId, document?.meta.citation ?? null);
    // A citation is written into each of the document's annotations.
    manifest.set(`a:${layout.documentId}`, `${layout.stamp ?? ''}|${document?.meta.citation ?? ''}`);
    manifest.set(`d:${layout.documentId}`, JSON.stringify(entry));
  }
  // A stored document and a revision are never rewritten, only added or
  // deleted; an id can come back with another text, and another time added.
  for (const id of documentIds) manifest.set(`D:${id}`, documentsAdded.get(String(id)) ?? '');
  for (const seq of seqs) manifest.set(`R:${seq}`, '');
  for (const edit of edits) {
    small.set(`E:${edit.documentId}`, edit);
    manifest.set(`E:${edit.documentId}`, JSON.stringify(edit));
  }
  const reviewsOf = new Map<string, ReviewRow[]>();
  for (const review of reviews.sort((a, b) => (a.annotationId < b.annotationId ? -1 : 1))) {
    const list = reviewsOf.get(review.documentId);
    if (list) list.push(review);
    else reviewsOf.set(review.documentId, [review]);
  }
  for (const [documentId, list] of reviewsOf) {
    small.set(`V:${documentId}`, list);
    manifest.set(`V:${documentId}`, textFingerprint(JSON.stringify(list)));
  }
  return { manifest, count, small, entries, citations, missing };
}

async function buildIncrement(db: PalimpsestDb, current: CurrentLibrary, base: Manifest, baseId: string, now: Date): Promise<BuiltBackup> {
  const { changed, removed } = changesSince(base, current.manifest);
  const parts: Record<string, unknown> = {};
  const storedIds: string[] = [];
  const seqs: number[] = [];
  for (const key of changed) {
    const kind = key.slice(0, 2);
    const id = key.slice(2);
    if (kind === 'a:') {
      const citation = current.citations.get(id) ?? null;
      const annotations = (await rows.ofDocument(db, id)).sort((a, b) => a.position.start - b.position.start || (a.id < b.id ? -1 : 1));
      parts[key] = annotations.map((a) => nativeAnnotation(a, citation));
    } else if (kind === 'd:') parts[key] = current.entries.get(id);
    else if (kind === 'D:') storedIds.push(id);
    else if (kind === 'R:') seqs.push(Number(id));
    else parts[key] = current.small.get(key);
  }
  const stored = await db.documents.bulkGet(storedIds);
  stored.forEach((row, i) => {
    parts[`D:${storedIds[i]}`] = row;
  });
  const revisions = await db.revisions.bulkGet(seqs);
  revisions.forEach((row, i) => {
    parts[`R:${seqs[i]}`] = row;
  });
  const increment: BackupIncrement = {
    format: incrementFormat,
    version: incrementVersion,
    exported: now.toISOString(),
    base: baseId,
    count: current.count,
    changed: parts,
    removed,
  };
  // Pieces of one unit each, held until written: an increment is at most a
  // quarter of its base, and its size decides whether it is written at all.
  const texts = [...incrementPieces(increment)];
  return {
    pieces: (async function* () {
      yield* texts;
    })(),
    characters: texts.reduce((sum, text) => sum + text.length, 0),
    count: current.count,
    manifest: current.manifest,
    base: baseId,
    missingDocuments: current.missing,
  };
}

/// A backup read and compared with the library, waiting for confirmation.
export interface RestorePreview {
  backup: BackupInfo;
  /// The file it was read from, for a backup file the researcher chose.
  fileName?: string;
  annotations: Annotation[];
  diff: RestoreDiff;
  /// What it does to the rest of the library, kind by kind.
  others: KindChange[];
  /// Whether restoring it would leave the library as it is.
  unchanged: boolean;
  /// The backup, parsed and checked: what the restore writes, less its
  /// annotations (those are `annotations`). Its text is not kept beside it.
  file: NativeFile;
}

/// Reads backup `backup` (its base too, for an increment) and compares it
/// with the library; `onRead` is told the bytes read so far as they come.
export async function previewRestore(db: PalimpsestDb, host: BackupHost, backup: BackupInfo, onRead?: (bytes: number) => void): Promise<RestorePreview> {
  return previewOf(db, backup, await pointOf(host, backup.id, onRead));
}

/// The preview of `file`, the point restored as `backup`.
export async function previewOf(db: PalimpsestDb, backup: BackupInfo, file: NativeFile, fileName?: string): Promise<RestorePreview> {
  // The annotations are held once, as the library's: not the file's too,
  // each of the file's let go as it is converted (at a million, the two
  // lists together were over a gigabyte).
  const entries = file.annotations as (NativeFile['annotations'][number] | undefined)[];
  const annotations = entries.map((entry, i) => {
    entries[i] = undefined;
    return annotationOf(entry!);
  });
  const diff = restoreDiff(await rows.all(db), annotations);
  const others = await otherChanges(db, file, annotations);
  const unchanged = changesNoAnnotation(diff) && others.every(changesNothing);
  return { backup, ...(fileName ? { fileName } : {}), annotations, diff, others, unchanged, file: { ...file, annotations: [] } };
}

/// What restoring `file` does to the library besides its annotations,
/// kind by kind, as writeRestore writes it: the tag types always; for a
/// whole-library backup the relation types, links, actors, sets, and, when
/// the backup keeps them, the researcher's own documents with their
/// description edits, and the revisions (by key: neither is ever
/// rewritten, only added or deleted, so no text is read); for a backup
/// from before links were kept, the links it leaves pointing nowhere.
export async function otherChanges(db: PalimpsestDb, file: NativeFile, annotations: readonly Annotation[]): Promise<KindChange[]> {
  const byId = (record: { id: string }) => record.id;
  const changes = [recordsDiff('tag type', await db.tagTypes.toArray(), file.tagTypes, byId)];
  const library = file.library;
  if (!library) {
    const kept = new Set(annotations.map((a) => a.id));
    const dropped = await db.links.filter((link) => !kept.has(link.from) || !kept.has(link.to)).count();
    return [...changes, { kind: 'link', restored: 0, reverted: 0, removed: dropped }];
  }
  const [relationTypes, links, actors, sets] = await Promise.all([db.relationTypes.toArray(), db.links.toArray(), db.actors.toArray(), db.sets.toArray()]);
  const stored = links.map(({ fromDocument: _from, toDocument: _to, ...link }) => link);
  changes.push(
    recordsDiff('relation type', relationTypes, library.relationTypes, byId),
    recordsDiff('link', stored, library.links, byId),
    recordsDiff('actor', actors, library.actors, byId),
    recordsDiff('set', sets, library.sets, byId),
  );
  if (library.documents) {
    // Each document by its id and when it was added, read from the index
    // (no text): a document deleted and imported again under the same id
    // is another text, which the restore puts back.
    const byAdded = db.documents.orderBy('added');
    const [added, ids] = await db.transaction('r', db.documents, () => Promise.all([byAdded.keys(), byAdded.primaryKeys()]));
    const current = ids.map((id, i) => ({ id: String(id), added: String(added[i]) }));
    changes.push(
      recordsDiff(
        'document',
        current,
        library.documents.map(({ id, added }) => ({ id, added })),
        byId,
      ),
    );
    const edits: readonly { documentId: string }[] = await db.documentEdits.toArray();
    changes.push(recordsDiff('description', edits, library.documentEdits ?? [], (edit) => edit.documentId));
  }
  if (library.revisions) {
    const seqs = (await db.revisions.toCollection().primaryKeys()).map(Number);
    changes.push(
      recordsDiff(
        'revision',
        seqs,
        library.revisions.map((revision) => revision.seq),
        Number,
      ),
    );
  }
  return changes;
}

/// The whole-library native file of backup `id`, parsed and checked: the
/// file itself, or for an increment, its base with the increment applied
/// (checked again whole, as a file of its own would be). Each text read is
/// let go once parsed.
export async function pointOf(host: BackupHost, id: string, onRead?: (bytes: number) => void): Promise<NativeFile> {
  let read = 0;
  const counted = onRead
    ? async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          read += chunk.byteLength;
          onRead(read);
          yield chunk;
        }
      }
    : (chunks: AsyncIterable<Uint8Array>) => chunks;
  // A file read again (not in the app's layout) counts from where it started.
  let before = 0;
  let last: string | null = null;
  return pointFrom((id) => {
    if (id === last) read = before;
    else before = read;
    last = id;
    return counted(host.readChunks(id));
  }, id);
}

/// As pointOf, each backup's bytes from `open(id)`, read from its start at
/// each call (the backup worker's are sent by the page as it reads them).
export async function pointFrom(open: (id: string) => AsyncIterable<Uint8Array>, id: string): Promise<NativeFile> {
  // Read in chunks, parsed as they arrive: never one string.
  const point = await readBackupStream(() => open(id));
  if ('file' in point) return point.file;
  const { increment } = point;
  let base: NativeFile;
  try {
    const based = await readBackupStream(() => open(increment.base));
    if (!('file' in based)) throw new Error(`${increment.base} is itself an incremental backup`);
    base = based.file;
  } catch (error) {
    throw new Error(`This backup holds the changes since the full backup ${increment.base}, which could not be read (${(error as Error).message}).`);
  }
  return nativeFileOf(applyIncrement(base, increment));
}

/// A backup file the researcher chose, read in chunks as they come (never
/// one string: a backup of a large library is beyond the longest string)
/// and compared with the library; `onRead` is told the bytes read so far.
/// Throws ImportError for a file that is not valid, or is not a backup of a
/// whole library (an export of one document would replace every other
/// document's annotations with nothing).
export async function previewRestoreFile(db: PalimpsestDb, chosen: ChosenFile, onRead?: (bytes: number) => void): Promise<RestorePreview> {
  const file = await backupFileOf(chosen.name, async function* () {
    // A file read again (not in the app's layout) counts from its start.
    let read = 0;
    for await (const chunk of chosen.chunks()) {
      read += chunk.byteLength;
      onRead?.(read);
      yield chunk;
    }
  });
  return previewOf(db, chosenBackup(chosen.name, file, chosen.bytes), file, chosen.name);
}

/// What a chosen backup file is listed as.
export function chosenBackup(fileName: string, file: NativeFile, bytes: number): BackupInfo {
  return { id: `file:${fileName}`, created: file.exported, annotations: file.annotations.length, bytes };
}

/// The whole-library backup in the file `fileName`, its bytes from
/// `open()` (from their start at each call), parsed and checked as
/// previewRestoreFile says.
export async function backupFileOf(fileName: string, open: () => AsyncIterable<Uint8Array>): Promise<NativeFile> {
  const point = await readBackupStream(open);
  if ('increment' in point) {
    throw new ImportError(
      '$.format',
      `${fileName} is an incremental backup: it holds only the changes since the full backup ${point.increment.base}; restore it from Backups…, where that one is kept, or choose a full backup file`,
    );
  }
  const { file } = point;
  if (file.scope.kind !== 'all' || !file.library) {
    throw new ImportError(
      file.scope.kind !== 'all' ? '$.scope' : '$.library',
      `${fileName} is an export of ${file.scope.kind === 'all' ? 'annotations without the rest of the library' : 'one document'}, not a backup of the whole library; bring it in with Annotations… in the library’s Import menu instead`,
    );
  }
  return file;
}

/// Replaces the library's annotations, tag types and (in a backup that holds
/// them) links, relation types, actors and sets with a backup's, in one
/// transaction, after backing up the library as it is (so a restore can be
/// undone by restoring that). `onProgress` is told the annotations written
/// of all, as they are: a million take a while.
export async function restoreBackup(db: PalimpsestDb, scheduler: BackupScheduler, preview: RestorePreview, onProgress?: rows.Progress): Promise<void> {
  await scheduler.flush();
  await writeRestore(db, preview.file, preview.annotations, onProgress);
  // The library is no longer what the last backups were built against.
  scheduler.startOver();
}

/// Writes a previewed backup over the library in one transaction, as
/// restoreBackup says, without backing up first: the caller has (the
/// backup worker writes a restore the page backed up before).
export async function writeRestore(db: PalimpsestDb, file: NativeFile, annotations: readonly Annotation[], onProgress?: rows.Progress): Promise<void> {
  try {
    await db.transaction(
      'rw',
      [...rows.tables(db), db.tagTypes, db.links, db.relationTypes, db.actors, db.sets, db.documents, db.documentEdits, db.revisions, db.reviews],
      async () => {
        await rows.clear(db);
        await db.tagTypes.clear();
        await db.tagTypes.bulkAdd(file.tagTypes);
        await rows.put(db, annotations, { onProgress });
        const documentOf = new Map(annotations.map((a) => [a.id, a.documentId]));
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
          // What the revisions left to look at: a backup from before the
          // review list was kept leaves the library's (filtered below).
          if (file.library.reviews) {
            await db.reviews.clear();
            await db.reviews.bulkAdd(file.library.reviews);
          }
        } else {
          // A backup from before links were kept: the links whose passages it
          // does not hold would point nowhere.
          await db.links.filter((link) => !documentOf.has(link.from) || !documentOf.has(link.to)).delete();
        }
        // A review entry names a revision and an annotation: one whose
        // revision or annotation the point does not hold (a point from
        // before that revision) would list a change the text does not show,
        // and hide as an orphan a passage that is back in its place.
        const revisions = new Set((await db.revisions.toCollection().primaryKeys()).map(Number));
        await db.reviews.filter((review) => !revisions.has(review.revision) || !documentOf.has(review.annotationId)).delete();
      },
    );
  } catch (error) {
    throw new Error(storageProblem(error));
  }
}
