import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from '../store/annotation-rows';
import { AnnotationStore } from '../store/annotations';
import { memoryCarried } from './carried';
import { bareDocumentRow } from '../store/test-support/db';
import { type Machine, closeMachines, kill, machine, pair, relaunch, settle } from './test-support/machines';

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

const noteOf = async (m: Machine, id: string, documentId = brief.id) => (await rows.get(m.db, documentId, id))?.note ?? null;

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

  it('keeps an edit made here while a colleague deleted another annotation of the document', async () => {
    const { a, b, first, second } = await shared();
    await b.annotations.update(second, { note: 'Peking, per Ben' });
    kill(b);
    await a.annotations.delete(first);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(a, second.id)).toBe('Peking, per Ben');
    expect(await noteOf(b, second.id)).toBe('Peking, per Ben');
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

  it('takes a colleague’s second edit of an annotation, in a document edited here', async () => {
    const { a, b, first, second } = await shared();
    await a.annotations.update(first, { note: 'Ana, once' });
    await settle(a, b);
    await b.annotations.update(second, { note: 'Peking, per Ben' });
    kill(b);
    await a.annotations.update(first, { note: 'Ana, twice' });
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, first.id)).toBe('Ana, twice');
    expect(await noteOf(a, first.id)).toBe('Ana, twice');
    expect(await noteOf(a, second.id)).toBe('Peking, per Ben');
  });

  it('compares no clock with another machine’s: one an hour fast reverts no colleague’s later edit', async () => {
    // Ben's machine an hour fast: his edits and his round trips' stamps.
    const fast = () => new Date(Date.now() + 60 * 60_000);
    const [a, b] = await pair({ now: fast });
    const ahead = new AnnotationStore(b.db, fast);
    const first = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'first reading' });
    const second = await a.annotations.create(brief, start + 20, start + 30, { tags: ['claim'], note: 'Peking' });
    await settle(a, b);
    await ahead.update(second, { note: 'Peking, Ben' });
    await settle(a, b);
    await ahead.update(first, { note: 'first, Ben' });
    kill(b);
    await a.annotations.update(second, { note: 'Peking, Ben, then Ana' });
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(a, second.id)).toBe('Peking, Ben, then Ana');
    expect(await noteOf(b, second.id)).toBe('Peking, Ben, then Ana');
    expect(await noteOf(a, first.id)).toBe('first, Ben');
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
});

// A deletion is carried like any change: made here the moment before the
// app closed, it goes to the project; a colleague's that reached this
// machine's project copy but not its library goes from the library. The
// base's ids, kept beside the copy, tell both from an item never shared.
describe('a deletion not yet carried when the app closed', () => {
  it('stays deleted when it was made here the moment before, and reaches the colleague', async () => {
    const { a, b, first } = await shared();
    await a.annotations.delete(first);
    kill(a);
    await relaunch(a);
    await settle(a, b);
    expect(await noteOf(a, first.id)).toBeNull();
    expect(await noteOf(b, first.id)).toBeNull();
  });

  it('stays deleted when a document was deleted here the moment before, with its annotations', async () => {
    const [a, b] = await pair();
    await a.db.documents.put(bareDocumentRow('doc-1', '2026-12-01T10:00:00.000Z', { title: 'FO 371' } as never));
    const made = await a.annotations.create({ ...brief, id: 'doc-1' }, start, start + 10, { tags: ['claim'], note: 'on doc-1' });
    await settle(a, b);
    await a.annotations.deleteDocument('doc-1');
    kill(a);
    await relaunch(a);
    await settle(a, b);
    for (const m of [a, b]) {
      expect(await m.db.documents.get('doc-1')).toBeUndefined();
      expect(await noteOf(m, made.id, 'doc-1')).toBeNull();
    }
  });

  it('stays deleted when a tag type was deleted here the moment before', async () => {
    const [a, b] = await pair();
    const rumour = await a.tagTypes.add('Rumour', '#888888');
    await settle(a, b);
    await a.tagTypes.delete(rumour.id);
    kill(a);
    await relaunch(a);
    await settle(a, b);
    expect(await a.db.tagTypes.get(rumour.id)).toBeUndefined();
    expect(await b.db.tagTypes.get(rumour.id)).toBeUndefined();
  });

  it('takes a colleague’s deletion that reached the project copy before the app closed', async () => {
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

  it('takes a colleague’s deletion of a document and of a tag type that reached the copy', async () => {
    const [a, b] = await pair();
    await a.db.documents.put(bareDocumentRow('doc-1', '2026-12-01T10:00:00.000Z', { title: 'FO 371' } as never));
    const made = await a.annotations.create({ ...brief, id: 'doc-1' }, start, start + 10, { tags: ['claim'], note: 'on doc-1' });
    const rumour = await a.tagTypes.add('Rumour', '#888888');
    await settle(a, b);
    kill(b);
    await a.annotations.deleteDocument('doc-1');
    await a.tagTypes.delete(rumour.id);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    for (const m of [a, b]) {
      expect(await m.db.documents.get('doc-1')).toBeUndefined();
      expect(await noteOf(m, made.id, 'doc-1')).toBeNull();
      expect(await m.db.tagTypes.get(rumour.id)).toBeUndefined();
    }
  });

  it('takes a deletion that reached a read-only member’s copy, and keeps the member’s own annotation', async () => {
    const [a, b] = await pair({ readOnly: true });
    const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'Ana' });
    await settle(a, b);
    const own = await b.annotations.create(brief, start + 20, start + 30, { tags: ['claim'], note: 'Ben’s own' });
    await settle(a, b);
    kill(b);
    await a.annotations.delete(made);
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, made.id)).toBeNull();
    expect(await noteOf(b, own.id)).toBe('Ben’s own');
  });

  it('keeps a colleague’s new annotation that reached the copy, on a document edited here', async () => {
    const { a, b, first } = await shared();
    await b.annotations.update(first, { note: 'Ben’s reading' });
    kill(b);
    const made = await a.annotations.create(brief, start + 40, start + 50, { tags: ['claim'], note: 'Ana’s, new' });
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, made.id)).toBe('Ana’s, new');
    expect(await noteOf(a, made.id)).toBe('Ana’s, new');
    expect(await noteOf(a, first.id)).toBe('Ben’s reading');
  });

  it('keeps a document a colleague deleted when an annotation on it was edited here', async () => {
    const [a, b] = await pair();
    await a.db.documents.put(bareDocumentRow('doc-1', '2026-12-01T10:00:00.000Z', { title: 'FO 371' } as never));
    const made = await a.annotations.create({ ...brief, id: 'doc-1' }, start, start + 10, { tags: ['claim'], note: 'on doc-1' });
    await settle(a, b);
    const own = (await rows.get(b.db, 'doc-1', made.id))!;
    await b.annotations.update(own, { note: 'Ben’s reading' });
    kill(b);
    await a.annotations.deleteDocument('doc-1');
    await settle(a);
    await relaunch(b);
    await settle(a, b);
    for (const m of [a, b]) {
      expect(await m.db.documents.get('doc-1')).toBeDefined();
      expect(await noteOf(m, made.id, 'doc-1')).toBe('Ben’s reading');
    }
  });
});

// A relaunch removes nothing from the library that the marks and the
// kept base ids do not name as deleted, whatever the project holds.
describe('a relaunch removes nothing', () => {
  it('keeps an annotation written before the binding listened', async () => {
    const { a, b } = await shared();
    kill(b);
    const early = await b.annotations.create(brief, start + 40, start + 50, { tags: ['claim'], note: 'typed at launch' });
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, early.id)).toBe('typed at launch');
    expect(await noteOf(a, early.id)).toBe('typed at launch');
  });

  it('keeps the library of a Join… whose project copy never kept the join', async () => {
    const a = machine('Ana');
    const b = machine('Ben');
    a.doc.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(b.doc, u, 'wire'));
    b.doc.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(a.doc, u, 'wire'));
    await a.binding.start();
    await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'Ana' });
    await settle(a);
    const own = await b.annotations.create(brief, start + 40, start + 50, { tags: ['claim'], note: 'Ben, before joining' });
    const copy = Y.encodeStateAsUpdate(b.doc);
    await b.binding.start();
    kill(b);
    // The join's update never reached the disk: the copy as it was, and
    // no base ids, whose write waits for the copy's (`Carried.write`).
    b.doc = new Y.Doc();
    Y.applyUpdate(b.doc, copy);
    b.carried = memoryCarried();
    await relaunch(b);
    expect(await noteOf(b, own.id)).toBe('Ben, before joining');
  });

  it('keeps an annotation whose deletion was undone the moment before', async () => {
    const { a, b, first } = await shared();
    await b.annotations.delete(first);
    await settle(a, b);
    await b.annotations.undo();
    kill(b);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, first.id)).toBe('first reading');
    expect(await noteOf(a, first.id)).toBe('first reading');
  });

  it('keeps a document whose deletion was undone the moment before, with its annotations', async () => {
    const [a, b] = await pair();
    await b.db.documents.put(bareDocumentRow('doc-1', '2026-12-01T10:00:00.000Z', { title: 'FO 371' } as never));
    const made = await b.annotations.create({ ...brief, id: 'doc-1' }, start, start + 10, { tags: ['claim'], note: 'on doc-1' });
    await settle(a, b);
    await b.annotations.deleteDocument('doc-1');
    await settle(a, b);
    await b.annotations.undo();
    kill(b);
    await relaunch(b);
    await settle(a, b);
    expect(await b.db.documents.get('doc-1')).toBeDefined();
    expect(await noteOf(b, made.id, 'doc-1')).toBe('on doc-1');
    expect(await noteOf(a, made.id, 'doc-1')).toBe('on doc-1');
  });

  it('keeps an annotation made while no mark could be kept (storage full)', async () => {
    const { a, b } = await shared();
    b.storage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
      key: () => null,
      length: 0,
    };
    await relaunch(b);
    const made = await b.annotations.create(brief, start + 40, start + 50, { tags: ['claim'], note: 'big library' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    kill(b);
    await relaunch(b);
    await settle(a, b);
    expect(await noteOf(b, made.id)).toBe('big library');
  });
});
