import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import type { PalimpsestDb } from './db';
import { annotate, dropDbs, freshDb } from './test-support/db';
import { linksOfDocument } from './links';
import { TagTypeStore } from './tag-types';
import { storageProblem } from './errors';
import { exportAnnotations, exportPieces, importAnnotations, previewImport } from './transfer';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const memo = seed(corpus, seedIds.czechMemo);

let db: PalimpsestDb;

/// A claim in the brief with a note, and an actor in the memo.
async function annotateBoth(database: PalimpsestDb) {
  const store = new AnnotationStore(database);
  await annotate(store, brief, 'Albania has recently been seeking to expand her diplomatic and commercial relations', {
    tags: ['claim'],
    note: 'cf. Soviet view',
  });
  await annotate(store, memo, 'Albania may go over to the other side', { tags: ['actor'], actor: 'Ri Song-un' });
}

beforeEach(() => {
  db = freshDb('transfer');
});
afterEach(dropDbs);

describe('export and import', () => {
  it('round-trips every annotation into an empty library, and a second import adds nothing', async () => {
    await annotateBoth(db);
    const { content: json, count } = await exportAnnotations(db, corpus, { kind: 'all' });
    expect(count).toBe(2);

    const fresh = freshDb('transfer-fresh');
    expect(await importAnnotations(fresh, corpus, json as string)).toMatchObject({ add: { length: 2 }, update: [], unchanged: 0, unplaced: [] });
    expect(await importAnnotations(fresh, corpus, json as string)).toMatchObject({ add: [], update: [], unchanged: 2, unplaced: [] });
    const sort = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(await rows.all(fresh))).toEqual(sort(await rows.all(db)));
    // Export of the imported library is the same file but for its time.
    const again = await exportAnnotations(fresh, corpus, { kind: 'all' }, 'native', new Date(JSON.parse(json as string).exported));
    expect(again.content).toBe(json);
  });

  it('exports a library whose annotation’s document is gone (a backup brought it back): native keeps it, REFI-QDA leaves it out and says so', async () => {
    await annotateBoth(db);
    const [kept] = await rows.all(db);
    await rows.put(db, [{ ...kept!, id: 'orphan', documentId: 'a-document-since-removed' }]);
    const native = await exportAnnotations(db, corpus, { kind: 'all' });
    const file = JSON.parse(native.content as string);
    expect(file.annotations.map((a: { id: string }) => a.id)).toContain('orphan');
    expect(native.missing).toEqual(['a-document-since-removed']);
    const pieces = await exportPieces(db, corpus, { kind: 'all' }, 'native', new Date(file.exported));
    let streamed = '';
    for await (const piece of pieces.pieces) streamed += piece;
    expect(streamed).toBe(native.content);
    // Read back elsewhere, it is listed as not placed, with the reason.
    const fresh = freshDb('transfer-orphan');
    const { plan } = await previewImport(fresh, corpus, native.content as string);
    expect(plan.unplaced.map((u) => u.id)).toEqual(['orphan']);
    // The links and set entries that point to it go with it, and are counted.
    const [other] = (await rows.all(db)).filter((a) => a.id !== 'orphan');
    const time = '2026-12-05T09:00:00.000Z';
    const tie = { relation: 'supports', note: '', created: time, modified: time };
    await db.links.bulkAdd([
      { ...tie, id: 'to-orphan', from: other!.id, to: 'orphan', fromDocument: other!.documentId, toDocument: 'a-document-since-removed' },
      { ...tie, id: 'from-orphan', from: 'orphan', to: other!.id, fromDocument: 'a-document-since-removed', toDocument: other!.documentId },
    ]);
    await db.sets.add({ id: 'gathered', name: 'Gathered', description: '', annotationIds: [other!.id, 'orphan'], created: time, modified: time });
    const qdpx = await exportPieces(db, corpus, { kind: 'all' }, 'qdpx');
    expect([qdpx.count, qdpx.leftOut, qdpx.ties]).toEqual([2, 1, { links: 2, setEntries: 1 }]);
  });

  it('exports one document’s annotations only', async () => {
    await annotateBoth(db);
    const { content: json, count } = await exportAnnotations(db, corpus, { kind: 'document', documentId: memo.id });
    expect(count).toBe(1);
    expect(JSON.parse(json as string).annotations[0].target.selector[0].exact).toBe('Albania may go over to the other side');
  });

  it('an invalid file names its problem and leaves the library exactly as it was', async () => {
    await annotateBoth(db);
    const before = await rows.all(db);
    const file = JSON.parse((await exportAnnotations(db, corpus, { kind: 'all' })).content as string);
    file.annotations[0].note = 'changed by the file';
    file.annotations[0].modified = '2030-01-01T00:00:00.000Z';
    file.annotations[1].target.selector[1].end = -4;
    await expect(importAnnotations(db, corpus, JSON.stringify(file))).rejects.toThrow(/^\$\.annotations\[1\]\.target\.selector\[1\]\.end: /);
    expect(await rows.all(db)).toEqual(before);
  });

  it('previews without writing, and lists what cannot be placed instead of guessing', async () => {
    await annotateBoth(db);
    const file = JSON.parse((await exportAnnotations(db, corpus, { kind: 'all' })).content as string);
    file.annotations[1].documentId = 'no-such-document';
    file.annotations[1].target.source = 'no-such-document';
    file.annotations[0].id = 'new-one';
    const fresh = freshDb('transfer-preview');
    const { plan } = await previewImport(fresh, corpus, JSON.stringify(file));
    expect(plan.add.map((a) => a.id)).toEqual(['new-one']);
    expect(plan.unplaced).toEqual([
      {
        id: file.annotations[1].id,
        path: '$.annotations[1]',
        quote: file.annotations[1].target.selector[0].exact,
        reason:
          'there is no document “no-such-document” in this library: import that document first (a whole-library Palimpsest JSON export brings it along), then this file again',
      },
    ]);
    expect(await rows.all(fresh)).toEqual([]);
  });

  it('reads W3C annotations as Hypothesis writes them, placing them by quote in the one document that holds it', async () => {
    const hypothesis = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/abc123',
      created: '2026-10-01T09:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'Ri fears a defection', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Korea' },
      ],
      target: [
        {
          source: 'https://digitalarchive.wilsoncenter.org/document/116224',
          selector: [{ type: 'TextQuoteSelector', exact: 'Albania may go over to the other side', prefix: 'We need to realize that ', suffix: '.  This must' }],
        },
      ],
    };
    const plan = await importAnnotations(db, corpus, JSON.stringify(hypothesis));
    expect(plan.unplaced).toEqual([]);
    const [stored] = await rows.all(db);
    expect(stored).toMatchObject({ id: 'https://hypothes.is/a/abc123', documentId: memo.id, note: 'Ri fears a defection', tags: ['claim', 'korea'] });
    expect((await db.tagTypes.get('korea'))?.name).toBe('Korea');
  });

  it('a storage failure mid-import rolls everything back and says plainly what happened', async () => {
    await annotateBoth(db);
    const file = JSON.parse((await exportAnnotations(db, corpus, { kind: 'all' })).content as string);
    const fresh = freshDb('transfer-quota');
    await fresh.open();
    fresh.annotationChunks.hook('creating', () => {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    });
    await expect(importAnnotations(fresh, corpus, JSON.stringify(file))).rejects.toThrow(/disk is full or the app’s storage quota is used up/);
    expect(await rows.all(fresh)).toEqual([]);
  });

  it('moves an annotation the file places in another document, leaving no copy behind', async () => {
    const quote = (doc: typeof brief, exact: string) => [doc.text.text.indexOf(exact), doc.text.text.indexOf(exact) + exact.length] as const;
    await new AnnotationStore(
      db,
      () => new Date('2026-01-01T00:00:00Z'),
      () => 'same-id',
    ).create(brief, ...quote(brief, 'apple of discord'), { note: 'on the brief' });
    const other = freshDb('transfer-move');
    await new AnnotationStore(
      other,
      () => new Date('2026-06-01T00:00:00Z'),
      () => 'same-id',
    ).create(memo, ...quote(memo, 'Albania may go over to the other side'), { note: 'on the memo' });
    const { content } = await exportAnnotations(other, corpus, { kind: 'all' });
    expect(await importAnnotations(db, corpus, content as string)).toMatchObject({ add: [], update: [{ id: 'same-id', documentId: memo.id }] });
    expect((await rows.all(db)).map((a) => [a.id, a.documentId, a.note])).toEqual([['same-id', memo.id, 'on the memo']]);
  });

  it('moves the links of a moved annotation with it, so its new document knows them', async () => {
    const quote = (doc: typeof brief, exact: string) => [doc.text.text.indexOf(exact), doc.text.text.indexOf(exact) + exact.length] as const;
    let id = 0;
    const store = new AnnotationStore(
      db,
      () => new Date('2026-01-01T00:00:00Z'),
      () => ['moving', 'staying', 'the-link'][id++]!,
    );
    const moving = await store.create(brief, ...quote(brief, 'apple of discord'));
    const staying = await store.create(brief, ...quote(brief, 'Albania has recently been seeking'));
    await store.link(moving, staying, 'supports', '');
    const other = freshDb('transfer-move-link');
    await new AnnotationStore(
      other,
      () => new Date('2026-06-01T00:00:00Z'),
      () => 'moving',
    ).create(memo, ...quote(memo, 'Albania may go over to the other side'));
    const { content } = await exportAnnotations(other, corpus, { kind: 'all' });
    await importAnnotations(db, corpus, content as string);
    expect((await linksOfDocument(db, memo.id)).map((l) => [l.id, l.fromDocument, l.toDocument])).toEqual([['the-link', memo.id, brief.id]]);
  });

  it('reports the import’s progress up to the number of annotations written', async () => {
    await annotateBoth(db);
    const { content } = await exportAnnotations(db, corpus, { kind: 'all' });
    const fresh = freshDb('transfer-progress');
    const calls: [number, number][] = [];
    await importAnnotations(fresh, corpus, content as string, (done, total) => calls.push([done, total]));
    expect(calls[0]).toEqual([0, 2]);
    expect(calls.at(-1)).toEqual([2, 2]);
  });

  it('brings tag types the library lacks, after its own', async () => {
    await new TagTypeStore(db).add('Source criticism', '#8e44ad');
    await annotateBoth(db);
    const file = JSON.parse((await exportAnnotations(db, corpus, { kind: 'all' })).content as string);
    file.annotations[0].tags.push('source-criticism');
    const fresh = freshDb('transfer-tags');
    expect((await importAnnotations(fresh, corpus, JSON.stringify(file))).addTagTypes).toHaveLength(1);
    expect((await fresh.tagTypes.orderBy('order').toArray()).map((t) => t.name)).toEqual(['Actor', 'Claim', 'Economic measure', 'Source criticism']);
  });

  it('describes storage failures without blaming the researcher', () => {
    expect(storageProblem(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toMatch(/stored annotations are unchanged/);
    expect(storageProblem(new Error('boom'))).toMatch(/storing failed \(boom\); nothing was changed/);
  });
});
