import type { LibraryDocument } from '../../shared/corpus/document';
import { markGuessedDate } from '../../shared/corpus/metadata';
import { type DocumentEditRow, type ListingRow, type PalimpsestDb, type RevisionRow, currentOf, listingOf } from './db';
import {
  type Head,
  type Listed,
  type LongFields,
  headOf,
  isPacked,
  lineOf,
  listedRow,
  longLineOf,
  longLines,
  longOf,
  ownLongLine,
  pack,
  packLines,
  packLong,
  packLongLines,
  unpack,
} from './listing-pack';
import { listedStamps, storedStamps } from './text-stamps';

/// The stamp every stored document's listing row should carry, read from
/// index keys alone (no text): each imported document, and each bundled
/// one that has a revision.
export async function expectedStamps(db: PalimpsestDb, bundled: ReadonlyMap<string, unknown>): Promise<Map<string, string>> {
  return listedStamps(await storedStamps(db.documents, db.revisions), bundled);
}

/// The same stamps as `expectedStamps`, from the stamps row in one get when
/// it is there (`kept`); when it is not (a deletion dropped it), from the
/// tables, with `kept` false so the caller stores them again
/// (`storeStamps`). Reads only, so a live query can call it.
export async function readStamps(db: PalimpsestDb, bundled: ReadonlyMap<string, unknown>): Promise<{ stamps: Map<string, string>; kept: boolean }> {
  const row = await db.listingStamps.get('all');
  if (row) return { stamps: listedStamps(row.stamps, bundled), kept: true };
  return { stamps: await expectedStamps(db, bundled), kept: false };
}

/// Writes the stamps row again from the documents and revisions, read in
/// the same transaction, so no write can come between.
export function storeStamps(db: PalimpsestDb): Promise<void> {
  return db.transaction('rw', db.documents, db.revisions, db.listingStamps, async () => {
    await db.listingStamps.put({ key: 'all', stamps: await storedStamps(db.documents, db.revisions) });
  });
}

/// Every listing row short of its long fields, as the snapshot holds them
/// (one read of two strings; each row parsed only when asked for, see
/// listing-pack.ts; the long fields are in the rows themselves); when
/// there is no snapshot (it was lost, never written, or is in the shape of
/// versions 8–9), the rows themselves, with `fromRows` set so the caller
/// writes the snapshot again (`rebuildSnapshot`). Reads only, so a live
/// query can call it.
export async function readListings(db: PalimpsestDb): Promise<{ listed: Listed[]; fromRows: boolean }> {
  const snapshot = await db.listingSnapshot.get('all');
  if (isPacked(snapshot)) return { listed: unpack(snapshot), fromRows: false };
  return { listed: (await db.documentListings.toArray()).map(listedRow), fromRows: true };
}

/// The long fields (citation, summary) of `wanted`, rows of a list as
/// read, by id: from the snapshot's long lines, each parsed only for a row
/// wanted; where a row's line is not there or not of its stamp (the record
/// lost, written since, or the list read from the rows), from its listing
/// row if it is still of that stamp; a row of another stamp is not in the
/// answer. Reads only.
export async function readLongFields(db: PalimpsestDb, wanted: readonly Listed[]): Promise<Map<string, LongFields>> {
  const found = new Map<string, LongFields>();
  if (wanted.length === 0) return found;
  const lines = longLines(await db.listingSnapshot.get('long'));
  const missing: Listed[] = [];
  for (const listed of wanted) {
    const long = longOf(listed, lines);
    if (long) found.set(listed.id, long);
    else missing.push(listed);
  }
  if (missing.length > 0) {
    const rows = await db.documentListings.bulkGet(missing.map((listed) => listed.id));
    // A row written since the list was read is another version: its
    // citation beside the list's title would be neither. Left out, the
    // caller reads that document whole.
    missing.forEach((listed, i) => {
      const row = rows[i];
      if (row && row.stamp === listed.stamp) found.set(row.id, { citation: row.meta.citation, summary: row.meta.summary });
    });
  }
  return found;
}

/// Writes the snapshot and its long lines again from the listing rows,
/// which are the truth.
export function rebuildSnapshot(db: PalimpsestDb): Promise<void> {
  return db.transaction('rw', db.documentListings, db.listingSnapshot, async () => {
    await putPacked(db, await db.documentListings.toArray());
  });
}

async function putPacked(db: PalimpsestDb, rows: readonly ListingRow[]): Promise<void> {
  await db.listingSnapshot.bulkPut([pack(rows), packLong(rows)]);
}

/// The one writer of listing rows: puts `rows`, deletes the rows of
/// `removed`, and brings the snapshot and its long lines in step in the
/// same transaction, so they never differ (a missing snapshot is built from
/// the rows). The rows already in the snapshot are carried over as their
/// lines, unparsed.
export function writeListings(db: PalimpsestDb, rows: readonly ListingRow[], removed: readonly string[] = []): Promise<void> {
  return db.transaction('rw', db.documentListings, db.listingSnapshot, async () => {
    if (rows.length > 0) await db.documentListings.bulkPut([...rows]);
    if (removed.length > 0) await db.documentListings.bulkDelete([...removed]);
    const [snapshot, long] = await db.listingSnapshot.bulkGet(['all', 'long']);
    if (!isPacked(snapshot)) {
      await putPacked(db, await db.documentListings.toArray());
      return;
    }
    const lines = longLines(long);
    const byId = new Map<string, { head: Head; line: string; long: string | undefined }>();
    for (const listed of unpack(snapshot)) {
      // A row's long line is carried over, unparsed, when it is the row's
      // at its stamp.
      byId.set(listed.id, { head: listed.head(), line: listed.line, long: ownLongLine(listed, lines) });
    }
    for (const id of removed) byId.delete(id);
    for (const row of rows) byId.set(row.id, { head: headOf(row), line: lineOf(row), long: longLineOf(row) });
    const entries = [...byId.values()];
    // Long lines lost or out of step are written again from the rows.
    if (entries.some((entry) => entry.long === undefined)) {
      await putPacked(db, await db.documentListings.toArray());
      return;
    }
    await db.listingSnapshot.bulkPut([packLines(entries), packLongLines(entries.map((entry) => entry.long!))]);
  });
}

// Rows read during a refresh are written together, a batch at a time:
// each write copies the whole snapshot, so one per document would make a
// thousand imports cost a thousand copies.
const refreshBatch = 100;

/// Brings the listing rows in step with the stored documents: reads again
/// each document whose row is missing or stale (one at a time), and drops
/// the rows of documents that are gone. Resolves to the ids it could not
/// read, which the list leaves out.
export async function refreshListings(
  db: PalimpsestDb,
  bundled: ReadonlyMap<string, LibraryDocument>,
  expected: ReadonlyMap<string, string>,
  listings: readonly Pick<ListingRow, 'id' | 'stamp'>[],
): Promise<string[]> {
  const have = new Map(listings.map((row) => [row.id, row.stamp]));
  const failed: string[] = [];
  let read: ListingRow[] = [];
  for (const [id, stamp] of expected) {
    if (have.get(id) === stamp) continue;
    try {
      const document = await storedDocument(db, id, bundled);
      if (!document) continue;
      const revision = Number(stamp.slice(stamp.lastIndexOf('#') + 1));
      read.push(listingOf(document.text, stamp, revision));
    } catch {
      // A text that cannot be read stays out of the list, rather than
      // being read again on every change.
      failed.push(id);
    }
    if (read.length >= refreshBatch) {
      await writeListings(db, read);
      read = [];
    }
  }
  const gone = listings.filter((row) => !expected.has(row.id)).map((row) => row.id);
  if (read.length > 0 || gone.length > 0) await writeListings(db, read, gone);
  return failed;
}

/// One stored document at its latest revision, as the reader takes it
/// (`text`, before edits) and with its edit (`edited`), or `undefined`
/// when the library has no such document.
export async function storedDocument(
  db: PalimpsestDb,
  id: string,
  bundled: ReadonlyMap<string, LibraryDocument>,
): Promise<{ text: LibraryDocument; edited: LibraryDocument } | undefined> {
  const row = await db.documents.get(id);
  const original = bundled.get(id) ?? null;
  if (!row && !original) return undefined;
  const revision: RevisionRow | undefined = await db.revisions.where('documentId').equals(id).last();
  const text = currentOf(row ?? null, row ? null : original, revision);
  return { text, edited: withEdit(text, await db.documentEdits.get(id)) };
}

/// A document with the researcher's description and collection over what
/// its text said. An edit saved before guessed dates were told apart may
/// carry a guess unmarked; the text is at hand to mark it.
export function withEdit(document: LibraryDocument, edit: DocumentEditRow | undefined): LibraryDocument {
  if (!edit) return document;
  return { ...document, meta: edit.meta ? markGuessedDate(edit.meta, document.blocks) : document.meta, collection: edit.collection };
}
