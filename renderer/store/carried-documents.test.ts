import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../shared/importers/import-file';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { AnnotationStore } from './annotations';
import * as rows from './annotation-rows';
import type { PalimpsestDb } from './db';
import { addDocuments, currentDocuments, documentRowOf, editDocument } from './documents';
import { applyRevision, planRevision } from './revisions';
import { carriedDocuments, writeCarried } from './carried-documents';
import { dropDbs, freshDb, importedMemo } from './test-support/db';
import { exportAnnotations, importAnnotations, previewImport } from './transfer';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
afterEach(dropDbs);

/// A researcher's library: a Word file of her own, annotated and filed in
/// a collection, and the British brief revised, annotated on its new text.
async function researcherLibrary(): Promise<{ db: PalimpsestDb; memoId: string }> {
  const db = freshDb('carried');
  const row = await importedMemo(db, corpus);
  const revised = brief.text.text.replace('The most plausible interpretation', 'The likeliest reading');
  await applyRevision(db, await planRevision(db, brief, 'brief-corrected.md', revised));
  const documents = await currentDocuments(db, corpus);
  const store = new AnnotationStore(db);
  const memo = documents.get(row.id)!;
  const at = memo.text.text.indexOf('Albania');
  await store.create(memo, at, at + 'Albania'.length, { tags: ['claim'], note: 'her own file' });
  const current = documents.get(brief.id)!;
  const reading = current.text.text.indexOf('The likeliest reading');
  await store.create(current, reading, reading + 'The likeliest reading'.length, { tags: ['claim'] });
  return { db, memoId: row.id };
}

async function wholeExport(db: PalimpsestDb): Promise<string> {
  return (await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' }, 'native')).content as string;
}

describe('a whole-library export imported as annotations into another library', () => {
  it('brings the researcher’s own documents, revisions and descriptions, so every annotation is placed on its text', async () => {
    const { db, memoId } = await researcherLibrary();
    const content = await wholeExport(db);
    const fresh = freshDb('carried-fresh');

    const { plan, carried } = await previewImport(fresh, corpus, content);
    expect(plan.unplaced).toEqual([]);
    expect(carried.documents.map((d) => d.id)).toEqual([memoId]);
    expect(carried.revisions.map((r) => r.fileName)).toEqual(['brief-corrected.md']);
    expect(carried.edits.map((e) => e.collection)).toEqual(['Prague files']);
    // Nothing is written by a preview.
    expect(await fresh.documents.count()).toBe(0);

    const done = await importAnnotations(fresh, corpus, content);
    expect(done.unplaced).toEqual([]);
    const before = await currentDocuments(db, corpus);
    const after = await currentDocuments(fresh, corpus);
    expect(after.get(memoId)!.text.text).toBe(before.get(memoId)!.text.text);
    expect(after.get(memoId)!.collection).toBe('Prague files');
    expect(after.get(brief.id)!.text.text).toBe(before.get(brief.id)!.text.text);
    const quotes = (list: Awaited<ReturnType<typeof rows.all>>, documents: typeof after) =>
      list.map((a) => [a.documentId, documents.get(a.documentId)!.text.text.slice(a.position.start, a.position.end)]).sort();
    expect(quotes(await rows.all(fresh), after)).toEqual(quotes(await rows.all(db), before));
    expect(quotes(await rows.all(fresh), after)).toContainEqual([brief.id, 'The likeliest reading']);

    // The same file again brings nothing twice.
    const again = await previewImport(fresh, corpus, content);
    expect([again.carried.documents, again.carried.revisions, again.carried.edits]).toEqual([[], [], []]);
    expect(again.carried.present).toEqual({ documents: 1, revisions: 1, edits: 1 });
  });

  it('keeps the library’s own revisions and description of a document, and places the file’s annotations on its text', async () => {
    const { db } = await researcherLibrary();
    const content = await wholeExport(db);
    const other = freshDb('carried-other');
    const own = brief.text.text.replace('The most plausible interpretation', 'A plausible reading');
    await applyRevision(other, await planRevision(other, brief, 'brief-mine.md', own));
    await editDocument(other, brief.id, { collection: 'Mine' });
    const edits = await other.documentEdits.toArray();

    const { carried } = await previewImport(other, corpus, content);
    expect(carried.revisions).toEqual([]);
    expect(carried.present.revisions).toBe(1);
    await importAnnotations(other, corpus, content);
    expect((await other.revisions.toArray()).map((r) => r.fileName)).toEqual(['brief-mine.md']);
    expect(await other.documentEdits.get(brief.id)).toEqual(edits.find((e) => e.documentId === brief.id));
  });

  it('never slips a revision under the library’s own annotations on that document', async () => {
    const { db } = await researcherLibrary();
    const content = await wholeExport(db);
    const other = freshDb('carried-annotated');
    const at = brief.text.text.lastIndexOf('Albania');
    await new AnnotationStore(other).create(brief, at, at + 'Albania'.length, { tags: ['actor'] });
    const { carried } = await previewImport(other, corpus, content);
    expect([carried.revisions, carried.present.revisions]).toEqual([[], 1]);
    await importAnnotations(other, corpus, content);
    expect(await other.revisions.count()).toBe(0);
    const text = (await currentDocuments(other, corpus)).get(brief.id)!.text.text;
    const mine = (await rows.ofDocument(other, brief.id)).find((a) => a.tags.includes('actor'))!;
    expect(text.slice(mine.position.start, mine.position.end)).toBe('Albania');
  });

  it('puts nothing of a colleague’s document on another of the same name', async () => {
    const { db, memoId } = await researcherLibrary();
    await applyRevision(
      db,
      await planRevision(db, (await currentDocuments(db, corpus)).get(memoId)!, 'memo-corrected.txt', 'A colleague’s corrected memo, quite another text.'),
    );
    const content = await wholeExport(db);
    const other = freshDb('carried-namesake');
    const own = await importFile('memo-1962.md', new TextEncoder().encode('# My memo\n\nMy transcription of a different memo.\n'));
    const row = documentRowOf(own, new Set(corpus.keys()), new Date('2026-11-24T10:00:00Z'));
    expect(row.id).toBe(memoId);
    await addDocuments(other, [row]);
    const { carried } = await previewImport(other, corpus, content);
    // The brief's revision is of the same bundled text; the memo's is not.
    expect([carried.documents, carried.revisions.map((r) => r.documentId), carried.edits]).toEqual([[], [brief.id], []]);
    await importAnnotations(other, corpus, content);
    expect((await currentDocuments(other, corpus)).get(memoId)!.text.text).toContain('My transcription of a different memo.');
    expect(await other.documentEdits.get(memoId)).toBeUndefined();
  });

  it('writes nothing when a document the file brings was added to the library since it was planned', async () => {
    const { db, memoId } = await researcherLibrary();
    const content = await wholeExport(db);
    const fresh = freshDb('carried-race');
    const { batch } = await previewImport(fresh, corpus, content);
    const carried = await carriedDocuments(fresh, new Set(corpus.keys()), batch);
    // Another window imports the same Word file meanwhile.
    await fresh.documents.add({ ...(await db.documents.get(memoId))! });
    const write = fresh.transaction('rw', [fresh.documents, fresh.revisions, fresh.documentEdits, ...rows.tables(fresh)], () => writeCarried(fresh, carried));
    await expect(write).rejects.toThrow(/changed while the file was being imported; nothing was written/);
    expect(await fresh.revisions.count()).toBe(0);
    expect(await fresh.documentEdits.count()).toBe(0);
  });
});
