import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../shared/importers/import-file';
import { corpusText } from '../../shared/importers/test-support/sources';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from '../store/annotation-rows';
import { AnnotationStore } from '../store/annotations';
import { PalimpsestDb } from '../store/db';
import { addDocuments, documentRowOf } from '../store/documents';
import { applyRevision, planRevision } from '../store/revisions';
import { type PackedSnapshot, longLines, longOf, pack, shortOf, unpack } from '../store/listing-pack';
import { DocumentsRepository } from './documents';
import { ReviewsRepository } from './reviews';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const revisedName = 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md';
const revised = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', revisedName), 'utf8');
const now = new Date('2026-12-03T10:00:00Z');

let db: PalimpsestDb;
let repository: DocumentsRepository;
let n = 0;
beforeEach(() => {
  db = new PalimpsestDb(`documents-repository-${++n}`);
  repository = new DocumentsRepository(db, corpus);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/// The list after the repository has heard of every change made so far.
async function settled(): Promise<ReturnType<DocumentsRepository['list']>> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = repository.subscribe(() => {
      // Changes come in bursts (rows written, then read back): wait for quiet.
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop();
        resolve(repository.list());
      }, 50);
    });
  });
}

async function importMemo(): Promise<string> {
  const row = documentRowOf(
    await importFile('memo-copy.txt', new TextEncoder().encode(corpusText('czechoslovak-memorandum-ri-song-un-1962.txt'))),
    new Set(corpus.keys()),
    now,
  );
  await addDocuments(db, [row]);
  return row.id;
}

describe('the documents repository', () => {
  it('lists bundled and imported documents from their listing rows, with no text held', async () => {
    const id = await importMemo();
    const list = await settled();
    expect([...list.keys()].sort()).toEqual([...corpus.keys(), id].sort());
    const memo = list.get(id)!;
    expect(memo.origin).toBe('imported');
    expect(memo.characters).toBeGreaterThan(1000);
    expect(memo).not.toHaveProperty('text');
    expect(memo).not.toHaveProperty('blocks');
    // The listing row is what the list was read from: one per stored document.
    expect((await db.documentListings.toArray()).map((row) => row.id)).toEqual([id]);
    // The text is read when the document is opened.
    const opened = await repository.open(id);
    expect(opened?.text.text.length).toBe(memo.characters);
    expect(await repository.open('no-such-document')).toBeUndefined();
  });

  it('shows an edit and a revision in the list, and opens the revised text', async () => {
    await settled();
    await repository.edit(brief.id, { collection: 'Albania' });
    let list = await settled();
    expect(list.get(brief.id)?.collection).toBe('Albania');
    expect((await repository.open(brief.id))?.collection).toBe('Albania');

    await applyRevision(db, await planRevision(db, brief, revisedName, revised));
    list = await settled();
    expect(list.get(brief.id)?.revision).toBeGreaterThan(0);
    const opened = await repository.open(brief.id);
    expect(opened?.text.text).not.toBe(brief.text.text);
    expect(opened?.text.text).toContain('Unpredictable though Khrushchev’s behaviour often is');
    expect(opened?.collection).toBe('Albania');
  });

  it('hands every text to the search index one at a time, with its revision', async () => {
    const id = await importMemo();
    await settled();
    const texts = [];
    for await (const text of repository.texts()) texts.push(text);
    expect(texts.map((t) => t.id).sort()).toEqual([...corpus.keys(), id].sort());
    expect(texts.find((t) => t.id === brief.id)).toEqual({ id: brief.id, revision: 0, fingerprint: brief.fingerprint, text: brief.text.text });
    // Only those asked for, as a sync asks for the stale ones.
    const asked = [];
    for await (const text of repository.texts([id, 'no-such-document'])) asked.push(text.id);
    expect(asked).toEqual([id]);
  });

  it('gives every field of a summary read from the packed snapshot, the edit over it, through a spread and a clone', async () => {
    const id = await importMemo();
    await settled();
    // A new launch: the list is read from the snapshot's heads alone.
    repository = new DocumentsRepository(db, corpus);
    const memo = (await settled()).get(id)!;
    const row = (await db.documentListings.get(id))!;
    expect(memo.title).toBe(row.meta.title);
    // The list holds the description short of its long fields; they are
    // read by need, whole.
    const { citation, summary, ...short } = row.meta;
    expect(memo.meta).toEqual(short);
    expect(citation).toBeTruthy();
    expect(await repository.description(id)).toEqual(row.meta);
    expect([memo.fileName, memo.format, memo.characters, memo.pages]).toEqual([row.fileName, row.format, row.characters, row.pages]);
    const stated = row.meta.originalLanguage || row.meta.translator || row.meta.kind === 'search listing';
    expect(memo.suggestedLanguage).toBe(stated ? null : row.readsAs);
    // Whatever copies a summary (a spread, a message to a worker) copies every field.
    expect({ ...memo }).toEqual(memo);
    expect(structuredClone(memo)).toEqual({ ...memo });
    expect(Object.keys(structuredClone(memo)).sort()).toEqual(
      ['characters', 'collection', 'fileName', 'fingerprint', 'format', 'id', 'meta', 'origin', 'pages', 'revision', 'suggestedLanguage', 'title'].sort(),
    );
    // The researcher's title is the one listed and sorted by.
    await repository.edit(id, { meta: { ...row.meta, title: 'Aaa: memorandum, retitled', originalLanguage: 'Czech' }, collection: 'UN' });
    const edited = (await settled()).get(id)!;
    expect([edited.title, edited.meta.title, edited.collection]).toEqual(['Aaa: memorandum, retitled', 'Aaa: memorandum, retitled', 'UN']);
    expect((await repository.description(id))?.citation).toBe(row.meta.citation);
    expect(edited.suggestedLanguage).toBeNull();
    expect([...repository.list().values()].sort((a, b) => a.title.localeCompare(b.title))[0]!.id).toBe(id);
  });

  it('lists as columns: a summary made once, when asked, and every summary by id only for the views that ask', async () => {
    const id = await importMemo();
    await settled();
    repository = new DocumentsRepository(db, corpus);
    await settled();
    const list = repository.documents();
    expect(list.length).toBe(corpus.size + 1);
    const i = list.indexOf(id);
    const row = (await db.documentListings.get(id))!;
    expect([list.id(i), list.title(i), list.origin(i), list.collection(i), list.fingerprint(i)]).toEqual([
      id,
      row.meta.title,
      'imported',
      null,
      row.fingerprint,
    ]);
    expect(list.indexOf('no-such-document')).toBe(-1);
    // Asked by id, the list makes that document's summary alone.
    expect([list.has(id), list.has('no-such-document'), list.get('no-such-document')]).toEqual([true, false, undefined]);
    expect(list.get(id)).toBe(list.summary(i));
    // One summary a document, whether reached by index or through the map.
    expect(list.summary(i)).toBe(list.summary(i));
    expect(repository.list().get(id)).toBe(list.summary(i));
    expect(repository.list()).toBe(repository.list());
    // An edit is a new list, its collection and title read from the edit.
    await repository.edit(id, { meta: { ...(await repository.description(id))!, title: 'Memorandum, retitled' }, collection: 'UN' });
    await settled();
    const edited = repository.documents();
    expect(edited).not.toBe(list);
    const j = edited.indexOf(id);
    expect([edited.title(j), edited.collection(j), edited.summary(j).meta.title]).toEqual(['Memorandum, retitled', 'UN', 'Memorandum, retitled']);
  });

  it('drops a deleted document from the list and its listing row', async () => {
    const id = await importMemo();
    await settled();
    await new AnnotationStore(db).deleteDocument(id);
    const list = await settled();
    expect(list.has(id)).toBe(false);
    expect(await db.documentListings.get(id)).toBeUndefined();
    // The deletion dropped the stamps row; the list stored it again.
    await expect.poll(async () => (await db.listingStamps.get('all'))?.stamps).toEqual(new Map());
  });

  it('keeps the listing snapshot equal to the rows through import, revision, deletion and restore', async () => {
    const snapshotIsRows = async () => {
      const listed = unpack((await db.listingSnapshot.get('all')) as PackedSnapshot);
      const rows = await db.documentListings.toArray();
      const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(sorted(listed.map((l) => l.row()))).toEqual(sorted(rows.map(shortOf)));
      // The long fields beside it, each at its row's place and stamp.
      const lines = longLines(await db.listingSnapshot.get('long'));
      expect(new Map(listed.map((l) => [l.id, longOf(l, lines)]))).toEqual(
        new Map(rows.map((row) => [row.id, { citation: row.meta.citation, summary: row.meta.summary }])),
      );
    };
    const id = await importMemo();
    await settled();
    await snapshotIsRows();
    await applyRevision(db, await planRevision(db, brief, revisedName, revised));
    expect((await settled()).get(brief.id)?.revision).toBeGreaterThan(0);
    await snapshotIsRows();
    const store = new AnnotationStore(db);
    await store.deleteDocument(id);
    expect((await settled()).has(id)).toBe(false);
    await snapshotIsRows();
    // Undo puts it back.
    await store.undo();
    expect((await settled()).has(id)).toBe(true);
    await snapshotIsRows();
    expect((await snapshotIds())!.sort()).toEqual([brief.id, id].sort());
  });

  it('lists a library whose snapshot is lost or stale as its rows say, and writes it again', async () => {
    const id = await importMemo();
    const before = await settled();
    repository = new DocumentsRepository(db, corpus);
    // Lost (a library from before it): listed from the rows, then stored.
    await db.listingSnapshot.delete('all');
    expect(await settled()).toEqual(before);
    await expect.poll(async () => snapshotIds()).toEqual([id]);
    // Stale (missing a row): the stamps tell, and the row is read again.
    repository = new DocumentsRepository(db, corpus);
    await db.listingSnapshot.put(pack([]));
    expect(await settled()).toEqual(before);
    expect((await snapshotIds())!).toEqual([id]);
    // Without its stamps row: the documents' index tells, and it is stored again.
    repository = new DocumentsRepository(db, corpus);
    await db.listingStamps.delete('all');
    expect(await settled()).toEqual(before);
    await expect.poll(async () => [...((await db.listingStamps.get('all'))?.stamps.keys() ?? [])]).toEqual([id]);
  });
});

describe('re-attaching an orphaned annotation', () => {
  it('is one undoable step: undo orphans it again, back on the review list', async () => {
    const store = new AnnotationStore(db);
    const at = brief.text.text.indexOf('/their');
    const debris = await store.create(brief, at, at + '/their'.length, { tags: ['claim'] });
    await applyRevision(db, await planRevision(db, brief, revisedName, revised));
    await settled();
    const reviews = new ReviewsRepository(db);
    expect((await reviews.ofDocument(brief.id)).find((r) => r.annotationId === debris.id)?.status).toBe('orphaned');

    const current = (await repository.open(brief.id))!;
    const start = current.text.text.indexOf('supremacy');
    const orphan = (await rows.get(db, brief.id, debris.id))!;
    await store.reattach(orphan, current, start, start + 'supremacy'.length);
    expect((await rows.get(db, brief.id, debris.id))?.quote.exact).toBe('supremacy');
    expect(await db.reviews.get(debris.id)).toBeUndefined();

    expect((await store.undo())?.label).toBe('Re-attach annotation');
    expect((await rows.get(db, brief.id, debris.id))?.quote.exact).toBe('/their');
    expect((await db.reviews.get(debris.id))?.status).toBe('orphaned');

    await store.redo();
    expect((await rows.get(db, brief.id, debris.id))?.quote.exact).toBe('supremacy');
    expect(await db.reviews.get(debris.id)).toBeUndefined();
  });
});

/// The ids the listing snapshot holds, in its order; `undefined` without one.
async function snapshotIds(): Promise<string[] | undefined> {
  const snapshot = await db.listingSnapshot.get('all');
  return snapshot && unpack(snapshot as PackedSnapshot).map((listed) => listed.id);
}

describe("an imported document's first version", () => {
  it('reads as imported, from its file, after a revision replaced its text; a bundled one has none stored', async () => {
    const notes = new TextEncoder().encode('# Field notes\n\nEnver Hoxha insisted that the submarines belonged to Albania.');
    const row = documentRowOf(await importFile('field-notes.md', notes), new Set(corpus.keys()), now);
    await addDocuments(db, [row]);
    const imported = (await repository.open(row.id))!;
    await applyRevision(db, await planRevision(db, imported, 'field-notes-2.md', '# Field notes\n\nEnver Hoxha said the submarines were Albanian.'));
    const reviews = new ReviewsRepository(db);
    expect((await reviews.revisionsOf(row.id)).map((r) => r.fileName)).toEqual(['field-notes-2.md']);
    const original = (await reviews.importedOriginal(row.id))!;
    expect(original.fileName).toBe('field-notes.md');
    expect(original.added).toBe(now.toISOString());
    expect(original.document.origin).toBe('imported');
    expect(original.document.text.text).toContain('insisted that the submarines belonged to Albania');
    expect(await reviews.importedOriginal(brief.id)).toBeUndefined();
  });
});
