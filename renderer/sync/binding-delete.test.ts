import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLibrary } from '../../shared/sync/mapping';
import { standIn } from '../../shared/test-support/links';
import * as rows from '../store/annotation-rows';
import { bareDocumentRow } from '../store/test-support/db';
import { SyncBinding } from './binding';
import { type Machine, closeMachines, offline, pair, settle } from './test-support/machines';

afterEach(closeMachines);

// A document of Ana's own, with three annotations, shared with Ben.
async function sharedDocument(): Promise<[Machine, Machine]> {
  const [a, b] = await pair();
  await a.db.documents.put(bareDocumentRow('doc-1', '2026-12-01T10:00:00.000Z', { title: 'FO 371' } as never));
  await rows.put(
    a.db,
    Array.from({ length: 3 }, (_, i) => standIn(`doc-1-a${i}`, 'doc-1', ['claim'])),
  );
  await settle(a, b);
  expect(await b.db.documents.get('doc-1')).toBeDefined();
  expect(await rows.ofDocument(b.db, 'doc-1')).toHaveLength(3);
  return [a, b];
}

async function held(m: Machine) {
  return { document: (await m.db.documents.get('doc-1'))?.id ?? null, annotations: (await rows.ofDocument(m.db, 'doc-1')).length };
}

// The machine opened again on the same library and project copy, as the
// app does at every launch.
async function relaunch(m: Machine): Promise<void> {
  m.binding.stop();
  m.binding = new SyncBinding(m.db, m.doc, () => ({ id: `machine-${m.db.name}`, name: 'again' }));
  await m.binding.start();
}

describe('a document deleted in a shared project', () => {
  it('is gone on both machines, with its annotations, and stays gone after a relaunch', async () => {
    const [a, b] = await sharedDocument();
    await a.annotations.deleteDocument('doc-1');
    await settle(a, b);
    expect(await held(a)).toEqual({ document: null, annotations: 0 });
    expect(await held(b)).toEqual({ document: null, annotations: 0 });
    await relaunch(a);
    await relaunch(b);
    await settle(a, b);
    expect(await held(a)).toEqual({ document: null, annotations: 0 });
    expect(await held(b)).toEqual({ document: null, annotations: 0 });
  });

  it('stays gone when a machine joins the project again from the server’s copy', async () => {
    const [a, b] = await sharedDocument();
    await a.annotations.deleteDocument('doc-1');
    await settle(a, b);
    // Ben's project copy lost (a re-join): a fresh doc from the server's state.
    await rejoin(b, a);
    expect(await held(b)).toEqual({ document: null, annotations: 0 });
  });

  // A join cannot tell a row the project deleted from one it never had
  // (docs/sync.md: joining removes nothing): a machine joining again from
  // the server's copy, its own copy lost, while its library still holds
  // a document deleted meanwhile, brings it back. It must come back
  // whole, the same in the project as in that library.
  it('comes back whole, the same in the project and the library, when a machine that missed the deletion re-joins', async () => {
    const [a, b] = await sharedDocument();
    const link = offline();
    await a.annotations.deleteDocument('doc-1');
    await settle(a);
    await rejoin(b, a);
    expect(await held(b)).toEqual({ document: 'doc-1', annotations: 3 });
    expect(readLibrary(b.doc).annotations.map((x) => x.id)).toEqual(['doc-1-a0', 'doc-1-a1', 'doc-1-a2']);
    link.reconnect();
  });

  it('comes back on both machines, with its annotations, when the deletion is undone', async () => {
    const [a, b] = await sharedDocument();
    await a.annotations.deleteDocument('doc-1');
    await settle(a, b);
    await a.annotations.undo();
    await settle(a, b);
    expect(await held(a)).toEqual({ document: 'doc-1', annotations: 3 });
    expect(await held(b)).toEqual({ document: 'doc-1', annotations: 3 });
  });
});

describe('a document deleted while a colleague edits one of its annotations', () => {
  // As with an annotation deleted while edited elsewhere, the edit wins:
  // Ben's work needs its text, so the document is kept, with the
  // annotation he edited (its panel says Ana deleted it meanwhile); the
  // annotations nobody touched go, as Ana asked.
  it('keeps the document with the edited annotation, on both machines, and drops the rest', async () => {
    const [a, b] = await sharedDocument();
    const link = offline();
    const edited = (await rows.get(b.db, 'doc-1', 'doc-1-a0'))!;
    await b.annotations.update(edited, { note: 'Ben’s reading' });
    await a.annotations.deleteDocument('doc-1');
    await settle(a);
    await settle(b);
    link.reconnect();
    await settle(a, b);
    for (const m of [a, b]) {
      expect(await held(m)).toEqual({ document: 'doc-1', annotations: 1 });
      expect(await rows.get(m.db, 'doc-1', 'doc-1-a0')).toMatchObject({ note: 'Ben’s reading', keptAfterDelete: { by: { name: 'Ana' } } });
    }
    await relaunch(a);
    await settle(a, b);
    expect(await held(a)).toEqual({ document: 'doc-1', annotations: 1 });
  });

  it('deletes the document on both when the colleague’s edit had reached the deleter first', async () => {
    const [a, b] = await sharedDocument();
    const edited = (await rows.get(b.db, 'doc-1', 'doc-1-a0'))!;
    await b.annotations.update(edited, { note: 'Ben’s reading' });
    await settle(a, b);
    await a.annotations.deleteDocument('doc-1');
    await settle(a, b);
    expect(await held(a)).toEqual({ document: null, annotations: 0 });
    expect(await held(b)).toEqual({ document: null, annotations: 0 });
  });
});

// Ben's machine joins again from `server`'s state, its own copy of the
// project lost: a fresh doc and binding over the same library.
async function rejoin(machine: Machine, server: Machine): Promise<void> {
  machine.binding.stop();
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server.doc));
  machine.doc = fresh;
  machine.binding = new SyncBinding(machine.db, fresh, () => ({ id: 'machine-Ben', name: 'Ben' }));
  await machine.binding.start();
  await settle(machine);
}
