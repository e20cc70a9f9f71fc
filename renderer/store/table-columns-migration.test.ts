import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type ChunkColumns, annotationsOf, chunkAndColumns } from './chunk-layout';
import { PalimpsestDb } from './db';
import * as rows from './annotation-rows';
import { libraryAsShipped } from './test-support/old-schemas';
import { chunkedLibrary } from './test-support/chunked-library';

const byKey = (list: readonly ChunkColumns[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));

describe('migrating a version-10 library to stored table columns (version 11)', () => {
  it('writes the columns of every chunk, as a write would, and changes no chunk', async () => {
    const name = 'migrate-v10-table-columns';
    // Before version 13 a layout had no stamp.
    const { shared, other, layouts, chunks } = chunkedLibrary(3);
    const old = libraryAsShipped(name, 10);
    await old.table('chunkLayouts').bulkAdd(layouts);
    await old.table('annotationChunks').bulkAdd(chunks);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const stored = byKey(await rows.columnsOf(db));
    expect(stored.map((c) => c.key)).toEqual(chunks.map((c) => c.key).sort());
    // The same record a write of the same annotations makes.
    const expected = byKey(chunks.map((c) => chunkAndColumns(c.documentId, c.bucket, annotationsOf(c)).columns));
    expect(stored).toEqual(expected);
    expect(stored.reduce((n, c) => n + c.idEnds.length, 0)).toBe(shared.length + other.length);
    expect(stored[0]!.authorNames.length).toBeGreaterThan(0);
    // Nothing else moved.
    expect(await db.annotationChunks.toArray()).toEqual(chunks);
    expect(await db.chunkLayouts.toArray()).toEqual(layouts);
    expect((await rows.columnsOf(db, ['other'])).map((c) => c.key)).toEqual(['other|0']);

    // And from here on the writer keeps them: an edit rewrites its chunk's
    // columns, a deletion drops them.
    const edited = { ...other[0]!, tags: ['claim', 'actor'] };
    await rows.put(db, [edited]);
    const [after] = await rows.columnsOf(db, ['other']);
    // Stamped with the write, as the document's layout is.
    expect(after!.stamp).toBe((await db.chunkLayouts.get('other'))!.stamp);
    expect(after).toEqual(chunkAndColumns('other', 0, [edited, ...other.slice(1)], after!.stamp).columns);
    await rows.clearDocument(db, 'other');
    expect(await rows.columnsOf(db, ['other'])).toEqual([]);
    await rows.clear(db);
    expect(await rows.columnsOf(db)).toEqual([]);
    db.close();
  });
});
