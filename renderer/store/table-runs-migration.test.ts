import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { documentColumns, viewsOf } from '../../shared/table/document-columns';
import { PalimpsestDb } from './db';
import * as rows from './annotation-rows';
import { libraryAsShipped } from './test-support/old-schemas';
import { chunkedLibrary } from './test-support/chunked-library';

// Each document's run as a write of its annotations makes it, from its stored columns.
async function runOf(db: PalimpsestDb, documentId: string, stamp: string) {
  return documentColumns(documentId, await rows.columnsOf(db, [documentId]), stamp);
}

describe('migrating a version-12 library to stored runs (version 13)', () => {
  it('writes each document’s run from its columns, changes nothing else, and the writer keeps them', async () => {
    const name = 'migrate-v12-table-runs';
    const { document, shared, other, layouts, chunks, columns } = chunkedLibrary(3, 'before');
    const old = libraryAsShipped(name, 12);
    await old.table('chunkLayouts').bulkAdd(layouts);
    await old.table('annotationChunks').bulkAdd(chunks);
    await old.table('tableColumns').bulkAdd(columns);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const runs = await db.tableRuns.toArray();
    expect(runs.map((r) => r.documentId).sort()).toEqual([document.id, 'other'].sort());
    expect(await db.tableRuns.get('other')).toEqual(await runOf(db, 'other', 'before'));
    const mine = (await db.tableRuns.get(document.id))!;
    expect(mine.count).toBe(shared.length);
    // Its rows in the order of the text, as the table lists them.
    const starts = Array.from(viewsOf(mine).starts);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Nothing else moved.
    expect(await db.annotationChunks.toArray()).toEqual(chunks);
    expect(await db.chunkLayouts.toArray()).toEqual(layouts);

    // A tag edited makes the run again; a note edited leaves it as it was;
    // a deletion of every row drops it.
    await rows.put(db, [{ ...other[0]!, tags: ['claim', 'actor'] }]);
    const stamp = (await db.chunkLayouts.get('other'))!.stamp!;
    expect(await db.tableRuns.get('other')).toEqual(await runOf(db, 'other', stamp));
    const tagged = await db.tableRuns.get('other');
    await rows.put(db, [{ ...other[1]!, note: 'Read again in Tirana.' }]);
    expect(await db.tableRuns.get('other')).toEqual(tagged);
    await rows.put(db, [{ ...other[2]!, position: { ...other[2]!.position, start: 0, end: 3 } }]);
    const moved = (await db.tableRuns.get('other'))!;
    expect(moved).toEqual(await runOf(db, 'other', (await db.chunkLayouts.get('other'))!.stamp!));
    await rows.remove(db, other);
    expect(await db.tableRuns.get('other')).toBeUndefined();
    await rows.clearDocument(db, document.id);
    expect(await db.tableRuns.toArray()).toEqual([]);
    db.close();
  });
});
