import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from '../store/annotation-rows';
import { PalimpsestDb } from '../store/db';
import { bareDocumentRow } from '../store/test-support/db';
import { type Machine, closeMachines, kill, pair, relaunch, settle } from './test-support/machines';

afterEach(closeMachines);

const brief = seed(loadCorpus(), seedIds.foBrief);
const passage = 'he wanted to force Peking to desist from further support';
const start = brief.text.text.indexOf(passage);

// Ana and Ben share the brief with two annotations, each carried both ways.
async function shared() {
  const [a, b] = await pair();
  const first = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'first reading' });
  const second = await a.annotations.create(brief, start + 20, start + 30, { tags: ['claim'], note: 'Peking' });
  await settle(a, b);
  expect(await rows.get(b.db, brief.id, first.id)).toMatchObject({ note: 'first reading' });
  return { a, b, first, second };
}

const noteOf = async (m: Machine, id: string) => (await rows.get(m.db, brief.id, id))?.note ?? null;

describe('the app killed before a round trip, opened again', () => {
  it('keeps a note edited the moment before, and carries it to the colleague', async () => {
    const { a, b, first } = await shared();
    await a.annotations.update(first, { note: 'second reading' });
    kill(a);
    await relaunch(a);
    await settle(a, b);
    expect(await noteOf(a, first.id)).toBe('second reading');
    expect(await noteOf(b, first.id)).toBe('second reading');
  });

  it('keeps an annotation made the moment before', async () => {
    const { a, b } = await shared();
    const made = await a.annotations.create(brief, start + 40, start + 50, { tags: ['claim'], note: 'new' });
    kill(a);
    await relaunch(a);
    await settle(a, b);
    expect(await noteOf(a, made.id)).toBe('new');
    expect(await noteOf(b, made.id)).toBe('new');
  });

  it('takes a colleague’s deletion of an annotation that reached the project copy alone', async () => {
    const { a, b, first, second } = await shared();
    kill(b);
    await a.annotations.delete(first);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, first.id)).toBeNull();
    expect(await noteOf(a, first.id)).toBeNull();
    expect(await noteOf(b, second.id)).toBe('Peking');
  });

  it('takes a colleague’s deletion, and keeps an edit of another annotation of that document made here', async () => {
    const { a, b, first, second } = await shared();
    await b.annotations.update(second, { note: 'Peking, per Ben' });
    kill(b);
    await a.annotations.delete(first);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, first.id)).toBeNull();
    expect(await noteOf(a, first.id)).toBeNull();
    expect(await noteOf(a, second.id)).toBe('Peking, per Ben');
  });

  it('keeps an annotation edited here that a colleague deleted before seeing the edit', async () => {
    const { a, b, first } = await shared();
    await b.annotations.update(first, { note: 'edited by Ben' });
    kill(b);
    await a.annotations.delete(first);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, first.id)).toBe('edited by Ben');
    expect(await noteOf(a, first.id)).toBe('edited by Ben');
  });

  it('takes a colleague’s later edit of a note carried before the app closed', async () => {
    const { a, b, first } = await shared();
    await b.annotations.update(first, { note: 'Ben' });
    await settle(a, b);
    kill(b);
    await a.annotations.update(first, { note: 'Ben, then Ana' });
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, first.id)).toBe('Ben, then Ana');
    expect(await noteOf(a, first.id)).toBe('Ben, then Ana');
  });

  it('takes a colleague’s deletion of a document, its annotations with it', async () => {
    const [a, b] = await pair();
    await a.db.documents.put(bareDocumentRow('doc-1', '2026-12-01T10:00:00.000Z', { title: 'FO 371' } as never));
    await a.annotations.create({ ...brief, id: 'doc-1' }, start, start + 10, { tags: ['claim'], note: 'on doc-1' });
    await settle(a, b);
    expect(await b.db.documents.get('doc-1')).toBeDefined();
    kill(b);
    await a.annotations.deleteDocument('doc-1');
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await b.db.documents.get('doc-1')).toBeUndefined();
    expect(await rows.ofDocument(b.db, 'doc-1')).toHaveLength(0);
    expect(await a.db.documents.get('doc-1')).toBeUndefined();
  });

  it('takes a colleague’s deletion of a tag type', async () => {
    const [a, b] = await pair();
    const rumour = await a.tagTypes.add('Rumour', '#888888');
    await settle(a, b);
    expect(await b.db.tagTypes.get(rumour.id)).toBeDefined();
    kill(b);
    await a.tagTypes.delete(rumour.id);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await b.db.tagTypes.get(rumour.id)).toBeUndefined();
    expect(await a.db.tagTypes.get(rumour.id)).toBeUndefined();
  });

  it('takes a colleague’s later change of a tag type renamed here and carried before the app closed', async () => {
    const [a, b] = await pair();
    const rumour = await a.tagTypes.add('Rumour', '#888888');
    await settle(a, b);
    await b.tagTypes.rename(rumour.id, 'Hearsay');
    await settle(a, b);
    kill(b);
    await a.tagTypes.recolor(rumour.id, '#aa0000');
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await b.db.tagTypes.get(rumour.id)).toMatchObject({ name: 'Hearsay', color: '#aa0000' });
    expect(await a.db.tagTypes.get(rumour.id)).toMatchObject({ name: 'Hearsay', color: '#aa0000' });
  });

  it('keeps what another thread wrote over whole tables (a restore) before the app closed', async () => {
    const [a, b] = await pair();
    const rumour = await a.tagTypes.add('Rumour', '#888888');
    await settle(a, b);
    // Another connection, as the backup worker's restore: a table cleared
    // (a write that names no rows) and written again with another colour.
    const restore = new PalimpsestDb(a.db.name);
    const kept = (await restore.tagTypes.toArray()).map((tagType) => (tagType.id === rumour.id ? { ...tagType, color: '#aa0000' } : tagType));
    await restore.transaction('rw', restore.tagTypes, async () => {
      await restore.tagTypes.clear();
      await restore.tagTypes.bulkPut(kept);
    });
    restore.close();
    kill(a);
    await relaunch(a);
    await settle(a, b);
    expect((await a.db.tagTypes.get(rumour.id))?.color).toBe('#aa0000');
    expect((await b.db.tagTypes.get(rumour.id))?.color).toBe('#aa0000');
  });
});
