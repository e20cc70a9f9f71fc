import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { linkOf, standIn } from '../../shared/test-support/links';
import { historyOf } from '../../shared/sync/mapping';
import * as rows from '../store/annotation-rows';
import { AnnotationStore } from '../store/annotations';
import { PalimpsestDb } from '../store/db';
import { bareDocumentRow } from '../store/test-support/db';
import { exportAnnotations } from '../store/transfer';
import { SyncBinding } from './binding';
import { type Machine, closeMachines, machine, pair, settle } from './test-support/machines';

afterEach(closeMachines);

const brief = seed(loadCorpus(), seedIds.foBrief);
const passage = 'he wanted to force Peking to desist from further support';
const start = brief.text.text.indexOf(passage);
describe('the binding between the store and a shared project', () => {
  it('carries an annotation made in one app to the other’s store, with who made it', async () => {
    const [a, b] = await pair();
    const made = await a.annotations.create(brief, start, start + passage.length, { tags: ['claim'], note: 'Khrushchev’s aim' });
    await settle(a, b);
    const there = await rows.get(b.db, brief.id, made.id);
    expect(there).toMatchObject({ note: 'Khrushchev’s aim', tags: ['claim'], createdBy: { name: 'Ana' } });
    await b.annotations.update(made, { note: 'Khrushchev’s aim, per the FO' });
    await settle(a, b);
    expect(await rows.get(a.db, brief.id, made.id)).toMatchObject({
      note: 'Khrushchev’s aim, per the FO',
      createdBy: { name: 'Ana' },
      modifiedBy: { name: 'Ben' },
    });
    expect(historyOf(a.doc, 'annotations', made.id).map((entry) => `${entry.by.name} ${entry.kind} ${entry.fields.join(',')}`)).toEqual([
      'Ana create ',
      'Ben edit note',
    ]);
  });

  it('keeps who made and changed a link in the store, and a whole-library export carries both', async () => {
    const [a, b] = await pair();
    const one = await a.annotations.create(brief, start, start + 10, { tags: ['claim'] });
    const two = await a.annotations.create(brief, start + 20, start + 30, { tags: ['claim'] });
    await settle(a, b);
    const link = await b.annotations.link(one, two, 'supports');
    await settle(a, b);
    await a.annotations.updateLink(link.id, { note: 'per the FO' });
    await settle(a, b);
    expect(await b.db.links.get(link.id)).toMatchObject({ note: 'per the FO', createdBy: { name: 'Ben' }, modifiedBy: { name: 'Ana' } });
    const exported = JSON.parse((await exportAnnotations(b.db, loadCorpus(), { kind: 'all' })).content as string);
    expect(exported.library.links[0]).toMatchObject({ createdBy: { id: 'machine-Ben', name: 'Ben' }, modifiedBy: { id: 'machine-Ana', name: 'Ana' } });
    expect(exported.library.links[0].keptAfterDelete).toBeUndefined();
    expect(exported.annotations.map((x: { createdBy: { name: string } }) => x.createdBy.name)).toEqual(['Ana', 'Ana']);
  });

  it('reports each item written for the server once per round trip, an item edited twice as one', async () => {
    const [a, b] = await pair();
    // Joining wrote the libraries' tag and relation types; count from here.
    a.reports.written.length = 0;
    b.reports.written.length = 0;
    const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'] });
    await a.annotations.update(made, { note: 'first' });
    await a.annotations.update(made, { note: 'second' });
    await settle(a, b);
    expect(a.reports.written).toEqual([`annotations:${made.id}`]);
    expect(b.reports.written).toEqual([]);
  });

  it('a read-only member receives the project, sends nothing, and keeps their own changes here, counted', async () => {
    const [a, b] = await pair({ readOnly: true });
    const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'Ana' });
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'Ana' });
    expect(b.reports.localOnly).toBe(0);
    const before = Y.encodeStateVector(b.doc);
    const mine = await b.annotations.create(brief, start + 20, start + 30, { tags: ['claim'] });
    await b.annotations.update((await rows.get(b.db, brief.id, made.id))!, { note: 'Ana, and Ben here' });
    await settle(a, b);
    expect(Y.encodeStateVector(b.doc)).toEqual(before);
    expect(b.reports.written).toEqual([]);
    expect(b.reports.localOnly).toBe(2);
    expect(await rows.get(a.db, brief.id, mine.id)).toBeUndefined();
    expect(await rows.get(b.db, brief.id, mine.id)).toBeDefined();
    // Ana's next change to her annotation comes in over Ben's local one.
    await a.annotations.update((await rows.get(a.db, brief.id, made.id))!, { note: 'Ana, revised' });
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'Ana, revised' });
    expect(b.reports.localOnly).toBe(1);
  });

  it('keeps both libraries when a researcher joins with annotations of their own', async () => {
    const a = machine('Ana');
    const b = machine('Ben');
    await a.annotations.create(brief, start, start + 10, { tags: ['claim'] });
    await b.annotations.create(brief, start + 20, start + 30, { tags: ['actor'], actor: 'Khrushchev' });
    await a.binding.start();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'wire');
    await b.binding.start();
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc), 'wire');
    await settle(a, b);
    expect((await rows.all(a.db)).length).toBe(2);
    expect((await rows.all(b.db)).map((x) => x.id).sort()).toEqual((await rows.all(a.db)).map((x) => x.id).sort());
  });

  it('leaves a tag type rename and the exports’ fields as the store knows them', async () => {
    const [a, b] = await pair();
    await a.tagTypes.rename('claim', 'Assertion');
    await settle(a, b);
    const renamed = await b.db.tagTypes.get('claim');
    expect(renamed?.name).toBe('Assertion');
    expect(Object.keys(renamed!).sort()).toEqual(['color', 'id', 'name', 'namesActor', 'order']);
  });
});

describe('closing the app just after an edit', () => {
  // The app opened again on the same machine: the same library and the
  // project's doc as kept here, a new binding that joins them.
  async function reopen(m: Machine): Promise<void> {
    m.binding.stop();
    const again = new SyncBinding(m.db, m.doc, () => ({ id: 'machine-Ana', name: 'Ana' }));
    await again.start();
    again.stop();
  }

  it('keeps a note written the moment before closing once the binding has settled, as the app does on quitting', async () => {
    const a = machine('Ana');
    await a.binding.start();
    const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'first reading' });
    await settle(a);
    await a.annotations.update(made, { note: 'second reading' });
    // Before the pause after typing has passed: the round trip has not run.
    await a.binding.settled();
    await reopen(a);
    expect(await rows.get(a.db, brief.id, made.id)).toMatchObject({ note: 'second reading' });
  });
});

describe('changes made while a machine joins', () => {
  it('carries a note written while the join reads and writes both libraries', async () => {
    const a = machine('Ana');
    const b = machine('Ben');
    a.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b.doc, update, 'wire'));
    b.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a.doc, update, 'wire'));
    const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'] });
    await b.binding.start();
    const joining = a.binding.start();
    await a.annotations.update(made, { note: 'written during the join' });
    await joining;
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'written during the join' });
  });

  it('a read-only member loses what the project deleted, and keeps counting their own', async () => {
    const [a, b] = await pair({ readOnly: true });
    const one = await a.annotations.create(brief, start, start + 10, { tags: ['claim'] });
    const two = await a.annotations.create(brief, start + 20, start + 30, { tags: ['claim'] });
    await settle(a, b);
    await b.annotations.update(two, { note: 'Ben’s own reading' });
    await settle(a, b);
    expect(b.reports.localOnly).toBe(1);
    await a.annotations.delete(one);
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, one.id)).toBeUndefined();
    expect(await rows.get(b.db, brief.id, two.id)).toMatchObject({ note: 'Ben’s own reading' });
    expect(b.reports.localOnly).toBe(1);
  });
});

describe('the binding under a stream of edits', () => {
  it('loses no annotation while a document’s chunks grow and regroup', async () => {
    const [a, b] = await pair();
    const words = brief.text.text.match(/\b[A-Za-z]{8,}\b/g)!.slice(0, 40);
    let at = 0;
    for (const [i, word] of words.entries()) {
      at = brief.text.text.indexOf(word, at) + word.length;
      const m = i % 2 === 0 ? a : b;
      await m.annotations.create(brief, at - word.length, at, { tags: ['claim'] });
      if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 160));
    }
    await settle(a, b);
    expect((await rows.all(a.db)).length).toBe(40);
    expect((await rows.all(b.db)).length).toBe(40);
  });
});

/// Counts the rows each machine reads of its documents (their texts) and
/// of its annotation chunks, by document, from now on.
function reads(m: Machine) {
  const seen = { documents: 0, documentIds: new Set<string>(), chunksOf: new Set<string>(), chunks: 0 };
  m.db.documents.hook('reading', (row) => {
    // A row looked up and not found is read as `undefined`.
    if (row) {
      seen.documents++;
      seen.documentIds.add(row.id);
    }
    return row;
  });
  m.db.annotationChunks.hook('reading', (chunk) => {
    seen.chunks++;
    seen.chunksOf.add(chunk.documentId);
    return chunk;
  });
  return seen;
}

describe('a round trip costs the change, not the library', () => {
  // Twenty documents of the researcher's own, each with ten annotations,
  // shared between Ana and Ben.
  async function shared(): Promise<[Machine, Machine]> {
    const [a, b] = await pair();
    const ids = Array.from({ length: 20 }, (_, d) => `doc-${d}`);
    await a.db.documents.bulkPut(ids.map((id) => bareDocumentRow(id, '2026-12-01T10:00:00.000Z', { title: id } as never)));
    await rows.put(
      a.db,
      ids.flatMap((documentId) => Array.from({ length: 10 }, (_, i) => standIn(`${documentId}-a${i}`, documentId, ['claim']))),
    );
    await settle(a, b);
    expect((await rows.all(b.db)).length).toBe(200);
    expect((await b.db.documents.toArray()).map((row) => row.id).sort()).toEqual(ids.sort());
    return [a, b];
  }

  it('reads no document row and only the edited document’s annotations, on both machines', async () => {
    const [a, b] = await shared();
    const [ra, rb] = [reads(a), reads(b)];
    const target = (await rows.get(a.db, 'doc-7', 'doc-7-a3'))!;
    ra.chunks = 0;
    ra.chunksOf.clear();
    await a.annotations.update(target, { note: 'per the FO' });
    await settle(a, b);
    expect(await rows.get(b.db, 'doc-7', 'doc-7-a3')).toMatchObject({ note: 'per the FO', modifiedBy: { name: 'Ana' } });
    expect(ra.documents).toBe(0);
    expect(rb.documents).toBe(0);
    expect([...ra.chunksOf]).toEqual(['doc-7']);
    expect([...rb.chunksOf]).toEqual(['doc-7']);
    // Each machine's own write of the project's version is no change to
    // carry: once settled, nothing more is read.
    const [chunksA, chunksB] = [ra.chunks, rb.chunks];
    await settle(a, b);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle(a, b);
    expect([ra.chunks, rb.chunks]).toEqual([chunksA, chunksB]);
  });

  it('carries a deletion, a link between two documents, and a new document, each read alone', async () => {
    const [a, b] = await shared();
    const rb = reads(b);
    const gone = (await rows.get(b.db, 'doc-2', 'doc-2-a0'))!;
    await b.annotations.delete(gone);
    await a.db.links.put({ ...linkOf('link-1', 'doc-3-a1', 'doc-9-a4'), fromDocument: 'doc-3', toDocument: 'doc-9' });
    await settle(a, b);
    expect(await rows.get(a.db, 'doc-2', 'doc-2-a0')).toBeUndefined();
    expect(await b.db.links.get('link-1')).toMatchObject({ fromDocument: 'doc-3', toDocument: 'doc-9', createdBy: { name: 'Ana' } });
    expect(rb.documents).toBe(0);
    expect([...rb.chunksOf]).toEqual(['doc-2']);
    await a.db.documents.put(bareDocumentRow('doc-new', '2026-12-03T10:00:00.000Z', { title: 'new' } as never));
    await settle(a, b);
    // Ben looked up that one row (to guard an edit of his own meanwhile),
    // and no other.
    expect([...rb.documentIds]).toEqual([]);
    expect(await b.db.documents.get('doc-new')).toMatchObject({ id: 'doc-new', added: '2026-12-03T10:00:00.000Z' });
  });
});

describe('writes from another thread', () => {
  // A second connection to the same database, as the import, revision and
  // backup workers (a restore) and other windows have.
  function elsewhere(m: Machine) {
    const db = new PalimpsestDb(m.db.name);
    return { db, annotations: new AnnotationStore(db) };
  }

  it('carries an annotation a worker wrote to the project, and its later edit', async () => {
    const [a, b] = await pair();
    const worker = elsewhere(a);
    const made = await worker.annotations.create(brief, start, start + passage.length, { tags: ['claim'], note: 'imported' });
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'imported', tags: ['claim'] });
    await worker.annotations.update(made, { note: 'imported, then revised' });
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'imported, then revised' });
    worker.db.close();
  });

  it('carries a restore that cleared and rewrote the annotations: the project follows it whole', async () => {
    const [a, b] = await pair();
    const kept = await a.annotations.create(brief, start, start + 10, { tags: ['claim'] });
    const dropped = await a.annotations.create(brief, start + 20, start + 30, { tags: ['actor'] });
    await settle(a, b);
    const worker = elsewhere(a);
    const restored = { ...kept, note: 'as the backup had it' };
    await worker.db.transaction('rw', rows.tables(worker.db), async () => {
      await rows.clear(worker.db);
      await rows.put(worker.db, [restored]);
    });
    await settle(a, b);
    expect(await rows.get(b.db, brief.id, kept.id)).toMatchObject({ note: 'as the backup had it' });
    expect(await rows.get(b.db, brief.id, dropped.id)).toBeUndefined();
    worker.db.close();
  });
});
