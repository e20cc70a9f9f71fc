import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import type { SharedLibrary } from '../../shared/sync/model';
import * as rows from '../store/annotation-rows';
import { AnnotationStore } from '../store/annotations';
import { PalimpsestDb } from '../store/db';
import { readStore, writeStore } from './store-library';

const brief = seed(loadCorpus(), seedIds.foBrief);
const passage = 'he wanted to force Peking to desist from further support';
const start = brief.text.text.indexOf(passage);
const ana = { id: 'machine-ana', name: 'Ana' };
let n = 0;
const opened: PalimpsestDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function library() {
  const db = new PalimpsestDb(`sync-store-${++n}`);
  opened.push(db);
  return { db, annotations: new AnnotationStore(db) };
}

// The project's version of `store`: every annotation stamped with who made
// it, as a round trip brings it back from the doc.
function stamped(store: SharedLibrary): SharedLibrary {
  return { ...store, annotations: store.annotations.map((a) => ({ ...a, createdBy: ana, modifiedBy: ana })) };
}

describe('writing the project into the store', () => {
  it('keeps a note committed while the round trip ran, and writes the rest', async () => {
    const { db, annotations } = library();
    const made = await annotations.create(brief, start, start + passage.length, { tags: ['claim'] });
    const other = await annotations.create(brief, start, start + 10, { tags: ['actor'] });
    const before = await readStore(db);
    // The researcher's note lands after the snapshot, before the write.
    await annotations.update(made, { note: 'Khrushchev’s aim' });
    expect(await writeStore(db, before, stamped(before))).toMatchObject({ count: 1 });
    expect(await rows.get(db, brief.id, made.id)).toMatchObject({ note: 'Khrushchev’s aim' });
    expect((await rows.get(db, brief.id, made.id))?.createdBy).toBeUndefined();
    expect(await rows.get(db, brief.id, other.id)).toMatchObject({ createdBy: ana });
  });

  it('does not bring back an annotation deleted while the round trip ran', async () => {
    const { db, annotations } = library();
    const made = await annotations.create(brief, start, start + passage.length, { tags: ['claim'] });
    const before = await readStore(db);
    await annotations.delete(made);
    expect(await writeStore(db, before, stamped(before))).toMatchObject({ count: 0 });
    expect(await rows.get(db, brief.id, made.id)).toBeUndefined();
  });
});
