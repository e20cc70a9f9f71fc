import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { dateSortKey } from '../../shared/corpus/dates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../shared/test-support/corpus';
import { type ListingRow, PalimpsestDb, listingOf, stampOf } from './db';
import { headOf, pack, shortOf } from './listing-pack';
import { bareDocumentRow } from './test-support/db';
import { expectedStamps, readListings, readLongFields, rebuildSnapshot, writeListings } from './listings';

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

type Write =
  | { kind: 'put'; docs: number[]; revision: number }
  | { kind: 'delete'; docs: number[] }
  | { kind: 'lose' }
  | { kind: 'old' }
  | { kind: 'packed1' }
  | { kind: 'packed2' }
  | { kind: 'loseLong' }
  | { kind: 'rebuild' };

const docs = fc.array(fc.nat(documents.length - 1), { maxLength: 4 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), docs, revision: fc.nat(3) }),
  fc.record({ kind: fc.constant('delete' as const), docs }),
  fc.constant({ kind: 'lose' as const }),
  fc.constant({ kind: 'old' as const }),
  fc.constant({ kind: 'packed1' as const }),
  fc.constant({ kind: 'packed2' as const }),
  fc.constant({ kind: 'loseLong' as const }),
  fc.constant({ kind: 'rebuild' as const }),
);

describe('the listing snapshot', () => {
  it('a new library starts with an empty snapshot, read in one get', async () => {
    expect(await readListings(db)).toEqual({ listed: [], fromRows: false });
  });

  it('stays equal to the listing rows through any sequence of writes, a lost snapshot included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 12 }), async (writes) => {
        await db.documentListings.clear();
        await db.listingSnapshot.put(pack([]));
        let lost = false;
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
          // An older build (versions 8–9) wrote it as an array of rows.
          else if (step.kind === 'old') await db.listingSnapshot.put({ key: 'all', rows: await db.documentListings.toArray() } as never);
          // The first packed format (heads without the date, no marker).
          else if (step.kind === 'packed1') {
            const { format, heads, ...rest } = pack(await db.documentListings.toArray());
            const first = (JSON.parse(heads) as unknown[][]).map((head) => head.slice(0, 5));
            await db.listingSnapshot.put({ ...rest, heads: JSON.stringify(first) } as never);
          } else if (step.kind === 'packed2') {
            // The second (version 10–11): whole rows as lines.
            const packed = pack(await db.documentListings.toArray());
            const whole = (await db.documentListings.toArray()).map((row) => JSON.stringify(row));
            await db.listingSnapshot.put({ ...packed, format: 2, rows: packed.heads === '[]' ? '' : whole.join('\n') });
          }
          // The long fields' record lost: read from the rows, written again.
          else if (step.kind === 'loseLong') await db.listingSnapshot.delete('long');
          else await rebuildSnapshot(db);
          const rows = byId(await db.documentListings.toArray());
          const read = await readListings(db);
          // Whether read from the snapshot or, when it is lost, the rows,
          // the list is the rows, short of their long fields.
          expect(byId(read.listed.map((listed) => listed.row()) as ListingRow[])).toEqual(rows.map(shortOf));
          // The long fields of every row, as the rows hold them, whatever
          // became of their record.
          const long = await readLongFields(db, read.listed);
          expect(long).toEqual(new Map(rows.map((row) => [row.id, { citation: row.meta.citation, summary: row.meta.summary }])));
          // Each head is its row's, read without parsing the row.
          expect(read.listed.map((listed) => headOf(listed.row()))).toEqual(read.listed.map((l) => [l.id, l.stamp, l.fingerprint, l.origin, l.title, l.dated]));
          // A dated row's head carries its date's sort key; an undated one ''.
          for (const l of read.listed) expect(l.dated).toBe(l.row().meta.date ? dateSortKey(l.row().meta.date!.start) : '');
          // Lost (or in an older shape) until the next write packs it again.
          if (step.kind !== 'loseLong') lost = step.kind === 'lose' || step.kind === 'old' || step.kind === 'packed1' || step.kind === 'packed2';
          expect(read.fromRows).toBe(lost);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives no citation of a row written since the list was read, rather than one of another version', async () => {
    const [a, b] = [documents[0]!, documents[1]!];
    await writeListings(db, [listingOf(a, stampOf(null, 0), 0), listingOf(b, stampOf(null, 0), 0)]);
    const read = await readListings(db);
    // Revised after the list was read, with its long fields' record lost,
    // so the long fields come from the rows.
    const revised = listingOf(a, stampOf(null, 1), 1);
    await writeListings(db, [{ ...revised, meta: { ...revised.meta, citation: 'a later citation' } }]);
    await db.listingSnapshot.delete('long');
    const long = await readLongFields(db, read.listed);
    expect(long.has(a.id)).toBe(false);
    expect(long.get(b.id)).toEqual({ citation: b.meta.citation, summary: b.meta.summary });
  });

  it('stamps each stored document with its own time added, in a batch imported together or alone', async () => {
    const base = documents[0]!;
    const row = (id: string, added: string) => bareDocumentRow(id, added, base.meta);
    const batch = '2026-12-01T10:00:00.000Z';
    const alone = '2026-12-02T10:00:00.000Z';
    await db.documents.bulkAdd([row('b', batch), row('a', batch), row('c', alone)]);
    await db.revisions.add({ documentId: 'a', fileName: 'a.md', source: '', created: alone, fingerprint: 'g' } as never);
    await db.revisions.add({ documentId: base.id, fileName: 'x.md', source: '', created: alone, fingerprint: 'h' } as never);
    expect(await expectedStamps(db, corpus)).toEqual(
      new Map([
        ['a', `${batch}#1`],
        ['b', `${batch}#0`],
        ['c', `${alone}#0`],
        [base.id, 'bundled#2'],
      ]),
    );
    // Every time distinct: the same, read the other way.
    await db.documents.put(row('b', '2026-12-01T11:00:00.000Z'));
    expect((await expectedStamps(db, corpus)).get('b')).toBe('2026-12-01T11:00:00.000Z#0');
    expect((await expectedStamps(db, corpus)).get('a')).toBe(`${batch}#1`);
  });
});
