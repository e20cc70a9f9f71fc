import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseIncrement } from '../../shared/format/backup-increment';
import { importFile } from '../../shared/importers/import-file';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { randomAnnotations, scaledSource } from '../../shared/test-support/synthetic';
import * as rows from './annotation-rows';
import { buildBackup } from './backups';
import type { PalimpsestDb } from './db';
import { StoredDocuments } from './document-source';
import { addDocuments, currentDocuments, documentRowOf, editDocument } from './documents';
import { expectedStamps, readListings, refreshListings } from './listings';
import { applyRevision, planRevision } from './revisions';
import { dropDbs, freshDb } from './test-support/db';
import { exportAnnotations, importAnnotations } from './transfer';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const now = new Date('2026-12-03T12:00:00.000Z');

afterEach(dropDbs);

async function joined(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

/// Two documents of the researcher's own, one revised and one with an
/// edited description, with annotations on them and on a seed; `listed`
/// writes their listing rows, as the page does when it lists them.
async function library(db: PalimpsestDb, listed: boolean): Promise<string[]> {
  const ids: string[] = [];
  for (const [name, text] of [
    ['memo.txt', `Memorandum of 3 April 1962.\n\n${scaledSource(3000)}`],
    ['letter.txt', `Letter of 9 May 1961.\n\n${scaledSource(2000)}`],
  ] as const) {
    const row = documentRowOf(await importFile(name, new TextEncoder().encode(text)), new Set([...corpus.keys(), ...ids]), now);
    await addDocuments(db, [row]);
    ids.push(row.id);
  }
  const [memo, letter] = ids as [string, string];
  await editDocument(db, letter, { meta: { ...(await currentDocuments(db, corpus)).get(letter)!.meta, title: 'A letter, retitled' } }, now);
  const current = (await currentDocuments(db, corpus)).get(memo)!;
  await applyRevision(db, await planRevision(db, current, 'memo-2.txt', `${current.text.text}\nA later note.\n`, now));
  const documents = await currentDocuments(db, corpus);
  await rows.put(db, [
    ...randomAnnotations(brief, 40, 1),
    ...randomAnnotations(documents.get(memo)!, 30, 2),
    ...randomAnnotations(documents.get(letter)!, 30, 3),
  ]);
  if (listed) await refreshListings(db, corpus, await expectedStamps(db, corpus), (await readListings(db)).listed);
  return ids;
}

/// Counts the rows read of the tables that hold texts (documents and their
/// revisions), whoever reads them.
function textReads(db: PalimpsestDb): { count: number } {
  const reads = { count: 0 };
  for (const table of [db.documents, db.revisions])
    table.hook('reading', (row) => {
      reads.count++;
      return row;
    });
  return reads;
}

describe('the documents read by need', () => {
  it('give the same exports, byte for byte, as every document read whole, with the listing rows current or not yet written', async () => {
    for (const listed of [true, false]) {
      const db = freshDb('source');
      await library(db, listed);
      const all = await currentDocuments(db, corpus);
      for (const format of ['native', 'csv', 'w3c', 'qdpx'] as const) {
        const whole = await exportAnnotations(db, all, { kind: 'all' }, format, now);
        const byNeed = await exportAnnotations(db, new StoredDocuments(db, corpus), { kind: 'all' }, format, now);
        expect(byNeed.content).toEqual(whole.content);
      }
      expect(await new StoredDocuments(db, corpus).ids()).toEqual([...all.keys()]);
    }
  });

  it('back up one edited note with no document’s text read, the same increment as from every document read', async () => {
    const db = freshDb('source-backup');
    const [memo] = await library(db, true);
    const source = new StoredDocuments(db, corpus);
    const full = (await buildBackup(db, source, null, now))!;
    await joined(full.pieces);
    const since = { base: { id: 'full', manifest: full.manifest, bytes: 1 << 20 }, last: full.manifest, increments: 0 };
    const target = (await rows.ofDocument(db, memo!))[3]!;
    await rows.put(db, [{ ...target, note: 'corrected' }]);

    const reads = textReads(db);
    const read = vi.spyOn(source, 'read');
    const increment = (await buildBackup(db, source, since, now))!;
    const text = await joined(increment.pieces);
    expect(reads.count).toBe(0);
    expect(read).not.toHaveBeenCalled();
    expect(Object.keys(parseIncrement(text).changed)).toEqual([`a:${memo}`]);
    expect(text).toBe(await joined((await buildBackup(db, await currentDocuments(db, corpus), since, now))!.pieces));
  });

  it('import a file naming one document by reading that document alone', async () => {
    const db = freshDb('source-import');
    const [memo] = await library(db, true);
    const file = (await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'document', documentId: memo! }, 'native', now)).content as string;
    const before = await rows.all(db);
    await rows.clear(db);

    const source = new StoredDocuments(db, corpus);
    const read = vi.spyOn(source, 'read');
    const reads = textReads(db);
    const plan = await importAnnotations(db, source, file);
    expect(new Set(read.mock.calls.flatMap(([ids]) => [...ids]))).toEqual(new Set([memo]));
    // Its row and its latest revision's, read once for the preview and
    // kept for the plan written.
    expect(reads.count).toBe(2);
    expect(plan.add).toHaveLength(30);
    expect(await rows.all(db)).toEqual(before.filter((a) => a.documentId === memo));
  });
});
