import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ActorIndex } from '../../shared/actors/actor-index';
import { type DocumentColumns, documentColumns, viewsOf } from '../../shared/table/document-columns';
import { RowList, TableModel } from '../../shared/table/model';
import { TextStore } from '../../shared/table/texts';
import { PalimpsestDb } from './db';
import * as rows from './annotation-rows';
import { readChunkTexts } from './table-rows';
import { libraryAsShipped } from './test-support/old-schemas';
import { chunkedLibrary } from './test-support/chunked-library';

// A record as version 13 stored it: every row's numbers wide (float64
// starts, 32-bit numbers), no `narrow`.
function asVersion13(record: DocumentColumns): DocumentColumns {
  const n = record.count;
  const v = viewsOf(record);
  const packed = new ArrayBuffer(32 * n);
  new Float64Array(packed, 0, n).set(v.starts);
  [v.idEnds, v.tagsOf, v.nameOf, v.authorOf, v.chunkOf, v.slotOf].forEach((column, k) => {
    const at = 8 * n + 4 * n * k;
    if (k === 2 || k === 3) new Int32Array(packed, at, n).set(column);
    else new Uint32Array(packed, at, n).set(column);
  });
  const { narrow: _, ...old } = record;
  return { ...old, packed };
}

// The table as the screen shows it from `runs`: every row, sorted by date,
// with its text read.
async function shown(db: PalimpsestDb, runs: DocumentColumns[]) {
  const documents = new Map([['other', { meta: { title: 'Other', date: null } }]]);
  const texts = new TextStore((keys) => readChunkTexts(db, keys));
  const clock = { now: () => 0, pause: async () => {}, budget: -1 };
  const model = await TableModel.open({ runs, texts, documents, actors: new ActorIndex([]), links: [], sets: [] }, { locale: 'en' }, clock);
  await model.readText();
  return { rows: new RowList(model, model.filter(model.order('date', 'descending'), {})).rows(), tally: model.tally() };
}

describe('migrating a version-13 library to narrow records (version 14)', () => {
  it('packs each document’s record narrow, and the table shows the same rows', async () => {
    const name = 'migrate-v13-narrow-runs';
    const { document, layouts, chunks, columns } = chunkedLibrary(5, 'before');
    const old = [document.id, 'other'].map((id) =>
      asVersion13(
        documentColumns(
          id,
          columns.filter((c) => c.documentId === id),
          'before',
        ),
      ),
    );
    const shipped = libraryAsShipped(name, 13);
    await shipped.table('chunkLayouts').bulkAdd(layouts);
    await shipped.table('annotationChunks').bulkAdd(chunks);
    await shipped.table('tableColumns').bulkAdd(columns);
    await shipped.table('tableRuns').bulkAdd(old);
    shipped.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const runs = await db.tableRuns.toArray();
    // Narrow: 18 bytes a row where the old record held 32.
    for (const run of runs) {
      expect(run.narrow).toBe(true);
      expect(run.packed.byteLength).toBe(18 * run.count);
      expect(run).toEqual(documentColumns(run.documentId, await rows.columnsOf(db, [run.documentId]), 'before'));
    }
    // The same rows, in the same order, with the same counts, as the old records showed.
    expect(await shown(db, runs)).toEqual(await shown(db, old));
    expect(await db.annotationChunks.toArray()).toEqual(chunks);
    db.close();
  });
});
