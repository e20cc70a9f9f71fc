import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../shared/importers/import-file';
import { fixture } from '../../shared/importers/test-support/sources';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';
import { addDocuments, currentDocuments, deleteDocument, documentRowOf, editDocument } from './documents';
import { SetStore } from './sets';
import { exportAnnotations } from './transfer';
import type { PalimpsestDb as Db } from './db';

/// The stored library, table by table, for comparing before and after.
async function libraryOf(db: Db) {
  return {
    documents: await db.documents.toArray(),
    edits: await db.documentEdits.toArray(),
    annotations: await rows.all(db),
    links: await db.links.toArray(),
    sets: await db.sets.toArray(),
  };
}

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const now = new Date('2026-11-23T10:00:00Z');

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('documents');
});
afterEach(dropDbs);

describe('the researcher’s own documents', () => {
  it('joins the library with its pages and description, is described and filed anew, and goes with everything that hung on it', async () => {
    const pdf = await importFile('fo-brief-1962.pdf', fixture('fo-brief-1962.pdf'));
    const row = documentRowOf(pdf, new Set(corpus.keys()), now);
    expect(row.id).toBe('fo-brief-1962');
    expect(documentRowOf(pdf, new Set([...corpus.keys(), row.id]), now).id).toBe('fo-brief-1962-2');
    await addDocuments(db, [row]);

    let documents = await currentDocuments(db, corpus);
    const imported = documents.get(row.id)!;
    expect(imported).toMatchObject({ origin: 'imported', format: 'pdf', collection: null });
    expect(imported.pages.length).toBeGreaterThan(1);
    expect(imported.text.text.length).toBeGreaterThan(1000);

    await editDocument(db, row.id, { meta: { ...imported.meta, title: 'Brief No. 5 (scan)', fond: 'FO 371' }, collection: 'British Foreign Office' });
    documents = await currentDocuments(db, corpus);
    expect(documents.get(row.id)!.meta).toMatchObject({ title: 'Brief No. 5 (scan)', fond: 'FO 371' });
    expect(documents.get(row.id)!.collection).toBe('British Foreign Office');

    // Annotated, linked to the bundled brief and gathered in a set.
    const store = new AnnotationStore(db);
    const text = documents.get(row.id)!.text.text;
    const at = text.indexOf('Khrushchev');
    const mine = await store.create(documents.get(row.id)!, at, at + 10, { tags: ['actor'] });
    const b = brief.text.text.indexOf('Khrushchev');
    const theirs = await store.create(brief, b, b + 10, { tags: ['actor'] });
    await store.link(mine, theirs, 'same-event');
    const sets = new SetStore(db);
    const set = await sets.create('Khrushchev');
    await sets.add(set.id, [mine.id, theirs.id]);

    expect(await deleteDocument(db, row.id)).toBe(1);
    expect((await currentDocuments(db, corpus)).has(row.id)).toBe(false);
    expect((await rows.all(db)).map((a) => a.id)).toEqual([theirs.id]);
    expect(await db.links.count()).toBe(0);
    expect((await db.sets.get(set.id))?.annotationIds).toEqual([theirs.id]);
    expect(await db.documentEdits.count()).toBe(0);
  });

  it('deletes as an undoable step: undo brings the document back whole, redo deletes it again, and a backup can be made at every point', async () => {
    const source = new TextEncoder().encode('Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania at length.\n');
    const row = documentRowOf(await importFile('memo.txt', source), new Set(corpus.keys()), now);
    await addDocuments(db, [row]);
    await editDocument(db, row.id, { collection: 'Prague' });
    const documents = await currentDocuments(db, corpus);
    const memo = documents.get(row.id)!;
    const store = new AnnotationStore(db);
    const at = memo.text.text.indexOf('Khrushchev');
    const mine = await store.create(memo, at, at + 10, { tags: ['actor'], note: 'who spoke' });
    const b = brief.text.text.indexOf('Khrushchev');
    const theirs = await store.create(brief, b, b + 10, { tags: ['actor'] });
    const link = await store.link(mine, theirs, 'same-event', 'the same speech');
    const sets = new SetStore(db);
    const set = await sets.create('Khrushchev');
    await sets.add(set.id, [theirs.id, mine.id]);
    const before = await libraryOf(db);

    expect(await store.deleteDocument(row.id)).toBe(1);
    expect((await currentDocuments(db, corpus)).has(row.id)).toBe(false);
    expect((await rows.all(db)).map((a) => a.id)).toEqual([theirs.id]);
    await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' });

    expect((await store.undo())?.label).toBe('Delete document');
    expect(await libraryOf(db)).toEqual({ ...before, sets: [{ ...before.sets[0]!, modified: expect.any(String) }] });
    expect((await db.sets.get(set.id))!.annotationIds).toEqual([theirs.id, mine.id]);
    expect(await db.links.get(link.id)).toEqual(link);
    expect((await currentDocuments(db, corpus)).get(row.id)!.collection).toBe('Prague');
    await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' });

    await store.redo();
    expect((await currentDocuments(db, corpus)).has(row.id)).toBe(false);
    expect(await db.links.count()).toBe(0);
    await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' });
    // Undo the deletion, then the link and both annotations: each in turn.
    await store.undo();
    await store.undo();
    await store.undo();
    await store.undo();
    expect(await rows.all(db)).toEqual([]);
    expect((await currentDocuments(db, corpus)).has(row.id)).toBe(true);
  });

  it('will not delete a bundled document', async () => {
    await expect(deleteDocument(db, brief.id)).rejects.toThrow('came with the app');
  });
});

describe('dates guessed from a sentence, in a library stored before they were told apart', () => {
  it('an imported document and an edited description keep their date, marked a guess as they are read; a confirmed one stays confirmed', async () => {
    const note = new TextEncoder().encode('Note on the delegation\n\nThe delegation came to Moscow in November 1960 and left without an agreement.');
    const row = documentRowOf(await importFile('note.txt', note), new Set(corpus.keys()), now);
    // As an older version stored it: the same date, with no flag.
    await addDocuments(db, [{ ...row, meta: { ...row.meta, date: { start: { year: 1960, month: 11 } } } }]);
    let documents = await currentDocuments(db, corpus);
    expect(documents.get('note')!.meta.date).toEqual({ start: { year: 1960, month: 11 }, guessed: true });

    await editDocument(db, 'note', { meta: { ...documents.get('note')!.meta, date: { start: { year: 1960, month: 11 } }, title: 'Note' } });
    documents = await currentDocuments(db, corpus);
    expect(documents.get('note')!.meta.date?.guessed).toBe(true);

    await editDocument(db, 'note', { meta: { ...documents.get('note')!.meta, date: { start: { year: 1960, month: 11 }, guessed: false } } });
    documents = await currentDocuments(db, corpus);
    expect(documents.get('note')!.meta.date).toEqual({ start: { year: 1960, month: 11 }, guessed: false });
  });
});
