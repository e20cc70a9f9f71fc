import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../shared/test-support/corpus';
import { PalimpsestDb, type RevisionRow } from './db';
import { expectedStamps, readStamps, storeStamps } from './listings';
import { bareDocumentRow } from './test-support/db';

const corpus = loadCorpus();
const base = [...corpus.values()][0]!;
const bundledId = base.id;

let db: PalimpsestDb;
let n = 0;
beforeEach(() => {
  db = new PalimpsestDb(`text-stamps-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const row = (id: string, added: string) => bareDocumentRow(id, added, base.meta);
const revision = (documentId: string): Omit<RevisionRow, 'seq'> => ({
  documentId,
  fileName: 'r.md',
  source: '',
  created: '2026-12-03T10:00:00.000Z',
  fingerprint: 'g',
});

// Writes as the app's writers make them: imports in a batch (one time for
// all), revisions, deletions with their revisions, a restore's clear and
// refill, a sync's put, and a write whose transaction fails.
type Write =
  | { kind: 'import'; ids: number[]; time: number }
  | { kind: 'revise'; id: number }
  | { kind: 'delete'; id: number }
  | { kind: 'restore'; ids: number[] }
  | { kind: 'sync'; id: number; time: number }
  | { kind: 'fail'; id: number }
  | { kind: 'store' };
const id = fc.nat(5);
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), ids: fc.array(id, { minLength: 1, maxLength: 3 }), time: fc.nat(3) }),
  fc.record({ kind: fc.constant('revise' as const), id: fc.nat(6) }),
  fc.record({ kind: fc.constant('delete' as const), id }),
  fc.record({ kind: fc.constant('restore' as const), ids: fc.array(id, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('sync' as const), id, time: fc.nat(3) }),
  fc.record({ kind: fc.constant('fail' as const), id }),
  fc.constant({ kind: 'store' as const }),
);
// Document 6 is the bundled one: it has revisions, never a stored row.
const idOf = (i: number) => (i === 6 ? bundledId : `doc-${i}`);
const timeOf = (t: number) => `2026-12-0${t + 1}T10:00:00.000Z`;

async function perform(step: Write): Promise<void> {
  if (step.kind === 'import') await db.documents.bulkPut([...new Set(step.ids)].map((i) => row(idOf(i), timeOf(step.time))));
  else if (step.kind === 'revise') await db.revisions.add(revision(idOf(step.id)) as RevisionRow);
  else if (step.kind === 'delete')
    await db.transaction('rw', db.documents, db.revisions, async () => {
      await db.revisions.where('documentId').equals(idOf(step.id)).delete();
      await db.documents.delete(idOf(step.id));
    });
  else if (step.kind === 'restore')
    await db.transaction('rw', db.documents, db.revisions, async () => {
      await Promise.all([db.documents.clear(), db.revisions.clear()]);
      await db.documents.bulkAdd([...new Set(step.ids)].map((i) => row(idOf(i), timeOf(0))));
    });
  else if (step.kind === 'sync') await db.documents.put(row(idOf(step.id), timeOf(step.time)));
  else if (step.kind === 'fail')
    await db
      .transaction('rw', db.documents, db.revisions, async () => {
        await db.documents.put(row(idOf(step.id), '2027-01-01T00:00:00.000Z'));
        await db.revisions.add(revision(idOf(step.id)) as RevisionRow);
        throw new Error('The disk is full.');
      })
      .catch(() => undefined);
  else await storeStamps(db);
}

describe('the stamps row', () => {
  it('a new library starts with its stamps row, empty', async () => {
    expect(await readStamps(db, corpus)).toEqual({ stamps: new Map(), kept: true });
  });

  it('is, whenever it is there, what the documents and revisions say, through any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 10 }), async (writes) => {
        await db.transaction('rw', db.documents, db.revisions, async () => {
          await Promise.all([db.documents.clear(), db.revisions.clear()]);
        });
        await storeStamps(db);
        for (const step of writes) {
          const before = (await db.listingStamps.get('all')) !== undefined;
          await perform(step);
          const read = await readStamps(db, corpus);
          expect(read.stamps).toEqual(await expectedStamps(db, corpus));
          // Adds and puts (and a failed write, undone whole) are followed
          // in place; a deletion or a restore's clear drops the row, to be
          // read from the tables and stored again.
          if (step.kind === 'delete' || step.kind === 'restore') expect(read.kept).toBe(false);
          else if (step.kind === 'store') expect(read.kept).toBe(true);
          else expect(read.kept).toBe(before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('follows an import and a revision without being read again, and drops itself on a deletion', async () => {
    await db.documents.bulkAdd([row('a', timeOf(0)), row('b', timeOf(0))]);
    await db.revisions.add(revision('a') as RevisionRow);
    await db.revisions.add(revision(bundledId) as RevisionRow);
    await db.revisions.add(revision('not-here') as RevisionRow);
    const kept = await readStamps(db, corpus);
    expect(kept.kept).toBe(true);
    // A revision of a document that is neither stored nor bundled lists nothing.
    expect(kept.stamps).toEqual(
      new Map([
        ['a', `${timeOf(0)}#1`],
        ['b', `${timeOf(0)}#0`],
        [bundledId, 'bundled#2'],
      ]),
    );
    await db.documents.delete('b');
    const dropped = await readStamps(db, corpus);
    expect(dropped.kept).toBe(false);
    expect(dropped.stamps).toEqual(new Map([...kept.stamps].filter(([id]) => id !== 'b')));
    await storeStamps(db);
    expect(await readStamps(db, corpus)).toEqual({ stamps: dropped.stamps, kept: true });
  });
});
