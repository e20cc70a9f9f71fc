import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../shared/test-support/corpus';
import { type ListingRow, PalimpsestDb, listingOf, stampOf } from './db';
import { readListings, rebuildSnapshot, writeListings } from './listings';

const corpus = loadCorpus();
const documents = [...corpus.values()];

let db: PalimpsestDb;
let n = 0;
beforeEach(() => {
  db = new PalimpsestDb(`listings-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/// Rows by id, so order does not count.
const byId = (rows: readonly ListingRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

type Write = { kind: 'put'; docs: number[]; revision: number } | { kind: 'delete'; docs: number[] } | { kind: 'lose' } | { kind: 'rebuild' };

const docs = fc.array(fc.nat(documents.length - 1), { maxLength: 4 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), docs, revision: fc.nat(3) }),
  fc.record({ kind: fc.constant('delete' as const), docs }),
  fc.constant({ kind: 'lose' as const }),
  fc.constant({ kind: 'rebuild' as const }),
);

describe('the listing snapshot', () => {
  it('a new library starts with an empty snapshot, read in one get', async () => {
    expect(await readListings(db)).toEqual({ rows: [], fromRows: false });
  });

  it('stays equal to the listing rows through any sequence of writes, a lost snapshot included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 12 }), async (writes) => {
        await db.documentListings.clear();
        await db.listingSnapshot.put({ key: 'all', rows: [] });
        for (const step of writes) {
          if (step.kind === 'put')
            await writeListings(
              db,
              step.docs.map((i) => listingOf(documents[i]!, stampOf(null, step.revision), step.revision)),
            );
          else if (step.kind === 'delete')
            await writeListings(
              db,
              [],
              step.docs.map((i) => documents[i]!.id),
            );
          // A crash, or a library from before the snapshot: it is gone.
          else if (step.kind === 'lose') await db.listingSnapshot.delete('all');
          else await rebuildSnapshot(db);
          const rows = byId(await db.documentListings.toArray());
          const read = await readListings(db);
          // Whether read from the snapshot or, when it is lost, the rows,
          // the list is the rows.
          expect(byId(read.rows)).toEqual(rows);
          expect(read.fromRows).toBe(step.kind === 'lose');
        }
      }),
      { numRuns: 40 },
    );
  });
});
