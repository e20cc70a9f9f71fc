import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { libraryAsShipped } from './test-support/old-schemas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../shared/corpus/document';
import { importFile } from '../../shared/importers/import-file';
import { corpusText } from '../../shared/importers/test-support/sources';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { PalimpsestDb, type RevisionRow, listingOf, stampOf } from './db';
import { type PackedSnapshot, headOf, isPacked, longLines, shortOf, unpack } from './listing-pack';
import { expectedStamps, readListings, readLongFields, readStamps } from './listings';
import { documentRowOf } from './documents';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const revisedName = 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md';
const revised = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', revisedName), 'utf8');
const time = '2026-12-01T10:00:00.000Z';

describe('migrating a version-6 library to listing rows (version 7)', () => {
  it('writes a listing row per imported and revised bundled document, read from its current text, and changes nothing else', async () => {
    const name = 'migrate-v6-listings';
    const old = libraryAsShipped(name, 6);
    const row = documentRowOf(
      await importFile('memo-copy.txt', new TextEncoder().encode(corpusText('czechoslovak-memorandum-ri-song-un-1962.txt'))),
      new Set(corpus.keys()),
      new Date(time),
    );
    await old.table('documents').add(row);
    const revision: Omit<RevisionRow, 'seq'> = { documentId: brief.id, fileName: revisedName, source: revised, created: time, fingerprint: 'f' };
    await old.table('revisions').add(revision);
    const edit = { documentId: row.id, meta: null, collection: 'Prague', modified: time };
    await old.table('documentEdits').add(edit);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const listings = new Map((await db.documentListings.toArray()).map((listing) => [listing.id, listing]));
    expect([...listings.keys()].sort()).toEqual([brief.id, row.id].sort());
    const memo = listings.get(row.id)!;
    expect(memo).toMatchObject({ origin: 'imported', fileName: 'memo-copy.txt', revision: 0, fingerprint: row.fingerprint, stamp: `${time}#0` });
    expect(memo.meta.title).toBe(row.meta.title);
    expect(memo).not.toHaveProperty('blocks');
    // The revised bundled document is listed as its revision reads.
    const revisedText = loadDocument(revisedName, revised, { id: brief.id });
    expect(listings.get(brief.id)).toMatchObject({ origin: 'bundled', revision: 1, characters: revisedText.text.text.length, stamp: 'bundled#1' });
    // Nothing older changes.
    expect(await db.documents.get(row.id)).toEqual(row);
    expect(await db.documentEdits.get(row.id)).toEqual(edit);
    expect((await db.revisions.toArray()).length).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});

describe('migrating a version-7 library to the listing snapshot (version 8)', () => {
  it('opens with the snapshot holding every listing row, and lists the library as before', async () => {
    const name = 'migrate-v7-snapshot';
    const old = libraryAsShipped(name, 6);
    old.version(7).stores({ documentListings: 'id' });
    const rows = [...corpus.values()].slice(0, 3).map((document, i) => listingOf(document, stampOf(null, i), i));
    await old.table('documentListings').bulkAdd(rows);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(unpack((await db.listingSnapshot.get('all')) as PackedSnapshot).map((listed) => listed.row()))).toEqual(byId(rows.map(shortOf)));
    // The rows stay, as they were: they are the truth the snapshot copies.
    expect(byId(await db.documentListings.toArray())).toEqual(byId(rows));
    expect((await readListings(db)).fromRows).toBe(false);
    db.close();
    await Dexie.delete(name);
  });
});

describe('migrating a version-8 library to the stamps row (version 9)', () => {
  it('opens with every stored text stamped in one row, as the documents and revisions say, and lists as before', async () => {
    const name = 'migrate-v8-stamps';
    const old = libraryAsShipped(name, 8);
    const memo = documentRowOf(
      await importFile('memo-copy.txt', new TextEncoder().encode(corpusText('czechoslovak-memorandum-ri-song-un-1962.txt'))),
      new Set(corpus.keys()),
      new Date(time),
    );
    // Two documents imported together (one time), one of them revised, and
    // a revised bundled document.
    const twin = { ...memo, id: `${memo.id}-2`, fileName: 'memo-twin.txt' };
    await old.table('documents').bulkAdd([memo, twin]);
    const revision: Omit<RevisionRow, 'seq'> = { documentId: brief.id, fileName: revisedName, source: revised, created: time, fingerprint: 'f' };
    await old.table('revisions').bulkAdd([revision, { ...revision, documentId: twin.id }]);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const read = await readStamps(db, corpus);
    expect(read.kept).toBe(true);
    expect(read.stamps).toEqual(
      new Map([
        [memo.id, stampOf(time, 0)],
        [twin.id, stampOf(time, 2)],
        [brief.id, stampOf(null, 1)],
      ]),
    );
    expect(read.stamps).toEqual(await expectedStamps(db, corpus));
    // Nothing older changes.
    expect(await db.documents.get(memo.id)).toEqual(memo);
    expect((await db.revisions.toArray()).length).toBe(2);
    db.close();
    await Dexie.delete(name);
  });
});

describe('migrating a version-9 library to the packed snapshot (version 10)', () => {
  it('opens with the snapshot packed from the rows, reads each row back whole, and lists as before', async () => {
    const name = 'migrate-v9-packed';
    const old = libraryAsShipped(name, 9);
    const rows = [...corpus.values()].slice(0, 3).map((document, i) => listingOf(document, stampOf(null, i), i));
    await old.table('documentListings').bulkAdd(rows);
    // As version 9 left it: the rows as objects.
    await old.table('listingSnapshot').put({ key: 'all', rows });
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const snapshot = await db.listingSnapshot.get('all');
    expect(isPacked(snapshot)).toBe(true);
    const read = await readListings(db);
    expect(read.fromRows).toBe(false);
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(read.listed.map((listed) => listed.row()))).toEqual(byId(rows.map(shortOf)));
    // The heads say what the rows say, without parsing them.
    expect(read.listed.map((listed) => [listed.id, listed.stamp, listed.title]).sort()).toEqual(rows.map((row) => [row.id, row.stamp, row.meta.title]).sort());
    expect(byId(await db.documentListings.toArray())).toEqual(byId(rows));
    db.close();
    await Dexie.delete(name);
  });

  it('takes a snapshot still in the old shape as missing: listed from the rows', async () => {
    const name = 'migrate-v9-unpacked';
    const db = new PalimpsestDb(name);
    await db.open();
    const rows = [...corpus.values()].slice(0, 2).map((document) => listingOf(document, stampOf(null, 0), 0));
    await db.documentListings.bulkAdd(rows);
    // A snapshot written by an older build after the upgrade (a second window).
    await db.listingSnapshot.put({ key: 'all', rows } as never);
    const read = await readListings(db);
    expect(read.fromRows).toBe(true);
    expect(read.listed.map((listed) => listed.row()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(byIdOf(rows).map(shortOf));
    db.close();
    await Dexie.delete(name);
  });
});

describe('migrating a version-11 library to short lines (version 12)', () => {
  it('opens with the snapshot short of the long fields, kept beside it, and lists as before', async () => {
    const name = 'migrate-v11-short';
    const old = libraryAsShipped(name, 11);
    const rows = [...corpus.values()].slice(0, 3).map((document, i) => listingOf(document, stampOf(null, i), i));
    expect(rows.every((row) => row.meta.citation || row.meta.summary)).toBe(true);
    await old.table('documentListings').bulkAdd(rows);
    // As versions 10–11 left it: whole rows as lines, format 2.
    await old.table('listingSnapshot').put({
      key: 'all',
      format: 2,
      heads: JSON.stringify(rows.map(headOf)),
      rows: rows.map((row) => JSON.stringify(row)).join('\n'),
    });
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const snapshot = (await db.listingSnapshot.get('all')) as PackedSnapshot;
    expect(isPacked(snapshot)).toBe(true);
    // What a launch copies holds no citation and no summary.
    for (const row of rows) {
      if (row.meta.citation) expect(snapshot.rows).not.toContain(JSON.stringify(row.meta.citation));
      if (row.meta.summary) expect(snapshot.rows).not.toContain(JSON.stringify(row.meta.summary));
    }
    const read = await readListings(db);
    expect(read.fromRows).toBe(false);
    expect(byIdOf(read.listed.map((listed) => listed.row()))).toEqual(byIdOf(rows).map(shortOf));
    // The long fields are beside it, one line a row, in the heads' order.
    expect(longLines(await db.listingSnapshot.get('long'))).toHaveLength(rows.length);
    await db.documentListings.clear();
    expect(await readLongFields(db, read.listed)).toEqual(new Map(rows.map((row) => [row.id, { citation: row.meta.citation, summary: row.meta.summary }])));
    db.close();
    await Dexie.delete(name);
  });
});

const byIdOf = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
