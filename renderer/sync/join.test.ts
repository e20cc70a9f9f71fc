import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Annotation } from '../../shared/annotation/model';
import { readLibrary } from '../../shared/sync/mapping';
import { randomAnnotations, scaledDocument } from '../../shared/test-support/synthetic';
import * as rows from '../store/annotation-rows';
import type { DocumentRow } from '../store/db';
import { bareDocumentRow } from '../store/test-support/db';
import { type BindingOptions, SyncBinding } from './binding';
import { readStore } from './store-library';
import { type Machine, closeMachines, machine, settle } from './test-support/machines';
import { wholeJoin } from './test-support/whole-join';

afterEach(closeMachines);

const text = scaledDocument(4_000);
// Passages to annotate: the library's annotations are these, on any document.
const passages = randomAnnotations(text, 6, 3);

/// One machine's library before it joins: which documents it holds, and
/// its annotations by document and passage, each with its note.
interface Library {
  documents: number[];
  annotations: { document: number; passage: number; note: string }[];
}

const library: fc.Arbitrary<Library> = fc.record({
  documents: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
  annotations: fc.uniqueArray(
    fc.record({ document: fc.integer({ min: 0, max: 4 }), passage: fc.integer({ min: 0, max: 5 }), note: fc.constantFrom('', 'Ana’s', 'Ben’s', 'ë Ж') }),
    { maxLength: 12, selector: (a) => `${a.document}-${a.passage}` },
  ),
});

// An annotation both machines may hold (the same file imported on both): its
// id is its document and passage, so the libraries overlap.
function annotationOf(document: number, passage: number, note: string): Annotation {
  return { ...passages[passage]!, id: `d${document}-p${passage}`, documentId: `doc-${document}`, note };
}

async function fill(m: Machine, of: Library): Promise<void> {
  await m.db.documents.bulkPut(
    of.documents.map((d) => bareDocumentRow(`doc-${d}`, '2026-12-01T10:00:00.000Z', { title: `Document ${d}` } as DocumentRow['meta'])),
  );
  await rows.put(
    m.db,
    of.annotations.map((a) => annotationOf(a.document, a.passage, a.note)),
  );
}

// Ana shares her library; Ben, whose docs Ana's pass updates to and from
// at once, joins with his. `during` runs after Ben's `step`-th document
// (or his last, or before the first if he has none).
async function joinBoth(a: Library, b: Library, options: BindingOptions, during?: { step: number; run: (ana: Machine, ben: Machine) => Promise<void> }) {
  const ana = machine('Ana', options);
  const ben = machine('Ben', {
    ...options,
    onJoinProgress: (done, total) => {
      if (during && done === Math.min(during.step, total)) pending = during.run(ana, ben);
    },
  });
  let pending: Promise<void> = Promise.resolve();
  await fill(ana, a);
  await fill(ben, b);
  ana.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ben.doc, update, 'wire'));
  ben.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ana.doc, update, 'wire'));
  await ana.binding.start();
  await ben.binding.start();
  await pending;
  await settle(ana, ben);
  return { ana, ben };
}

async function libraries(...machines: Machine[]) {
  return Promise.all(machines.map(async (m) => ({ store: await readStore(m.db), doc: readLibrary(m.doc) })));
}

describe('joining a shared project in pieces', () => {
  it('gives both machines the library the whole join gave, over random libraries', async () => {
    await fc.assert(
      fc.asyncProperty(library, library, async (a, b) => {
        const whole = await joinBoth(a, b, { join: wholeJoin });
        const expected = await libraries(whole.ana, whole.ben);
        await closeMachines();
        const pieces = await joinBoth(a, b, {});
        expect(await libraries(pieces.ana, pieces.ben)).toEqual(expected);
        await closeMachines();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('carries edits made on either machine while the join runs, as made after a whole join', async () => {
    const edit = fc.record({
      step: fc.integer({ min: 0, max: 5 }),
      ana: fc.constantFrom('Ana during the join', ''),
      ben: fc.constantFrom('Ben during the join', ''),
      benDeletes: fc.boolean(),
      benAdds: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(library, library, edit, async (a, b, e) => {
        // Ana edits an annotation only she holds, so no edit races another.
        // Ben, on documents the join may not have reached, deletes his last
        // and adds one, and edits one Ana holds as he does, or not at all.
        // (One she holds with another note ends otherwise, and rightly: a
        // note edited before its document is joined is merged with hers as
        // two edits of the same note; after, it replaces hers, seen.)
        const same = (x: Library['annotations'][number]) => (y: Library['annotations'][number]) => y.document === x.document && y.passage === x.passage;
        const anaOwn = a.annotations.find((x) => !b.annotations.some(same(x)));
        const benFirst = b.annotations.find((x) => (a.annotations.find(same(x))?.note ?? x.note) === x.note);
        const benLast = b.annotations.at(-1) === benFirst ? undefined : b.annotations.at(-1);
        const run = async (ana: Machine, ben: Machine) => {
          if (anaOwn && e.ana) await ana.annotations.update(annotationOf(anaOwn.document, anaOwn.passage, ''), { note: e.ana });
          if (benFirst && e.ben) await ben.annotations.update(annotationOf(benFirst.document, benFirst.passage, ''), { note: e.ben });
          if (benLast && e.benDeletes) await ben.annotations.delete(annotationOf(benLast.document, benLast.passage, ''));
          if (e.benAdds) await rows.put(ben.db, [{ ...annotationOf(4, 0, 'Ben’s new one'), id: 'ben-new' }]);
        };
        const whole = await joinBoth(a, b, { join: wholeJoin });
        await run(whole.ana, whole.ben);
        await settle(whole.ana, whole.ben);
        const expected = notes((await libraries(whole.ana))[0]!.store.annotations);
        await closeMachines();
        const pieces = await joinBoth(a, b, {}, { step: e.step, run });
        const [ana, ben] = await libraries(pieces.ana, pieces.ben);
        expect(notes(ana!.store.annotations)).toEqual(expected);
        expect(notes(ben!.store.annotations)).toEqual(expected);
        expect(ben!.doc).toEqual(ana!.doc);
        await closeMachines();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('reports its progress a document at a time', async () => {
    const progress: string[] = [];
    await joinBoth({ documents: [0, 1], annotations: [] }, { documents: [2], annotations: [{ document: 3, passage: 0, note: '' }] }, {});
    const ben = machine('Ben', { onJoinProgress: (done, total) => progress.push(`${done} of ${total}`) });
    await fill(ben, { documents: [4], annotations: [] });
    await ben.binding.start();
    expect(progress).toEqual(['0 of 1', '1 of 1']);
  });

  it('runs one join at a time over a library opened twice at once, as a StrictMode remount does', async () => {
    const { ana, ben } = await joinBoth(eight, { documents: [], annotations: [] }, {});
    const seen: string[] = [];
    // The first is closed midway; the second opens the project.
    const first = reopen(ben, {
      onJoinProgress: (done) => {
        seen.push(`first ${done}`);
        if (done === 2) first.binding.stop();
      },
    });
    const second = reopen(ben, { onJoinProgress: (done) => seen.push(`second ${done}`) });
    await Promise.all([first.binding.start(), second.binding.start()]);
    await settle(ana, second);
    const lastOfFirst = seen.map((line) => line.startsWith('first')).lastIndexOf(true);
    expect(seen.findIndex((line) => line.startsWith('second'))).toBeGreaterThan(lastOfFirst);
    expect(seen.at(-1)).toBe('second 8');
    second.binding.stop();
  });

  it('resumes a join stopped midway, losing and doubling nothing', async () => {
    const a: Library = { documents: [0, 1, 2, 3], annotations: [0, 1, 2, 3].map((d) => ({ document: d, passage: d, note: 'Ana’s' })) };
    const b: Library = { documents: [1, 4], annotations: [1, 2, 4].map((d) => ({ document: d, passage: 5, note: 'Ben’s' })) };
    const whole = await joinBoth(a, b, {});
    const expected = await libraries(whole.ana, whole.ben);
    await closeMachines();
    // Ben closes the app after two of the five documents.
    const stopped = await joinBoth(a, b, {}, { step: 2, run: async (_ana, ben) => ben.binding.stop() });
    const halfway = (await readStore(stopped.ben.db)).annotations.length;
    expect(halfway).toBeLessThan(expected[1]!.store.annotations.length);
    // …and opens it again: the same store and doc, a new binding.
    const again = machine('Ben');
    const reopened = { ...again, db: stopped.ben.db, doc: stopped.ben.doc };
    const { SyncBinding } = await import('./binding');
    reopened.binding = new SyncBinding(reopened.db, reopened.doc, () => ({ id: 'machine-Ben', name: 'Ben' }));
    await reopened.binding.start();
    await settle(stopped.ana, reopened);
    expect(await libraries(stopped.ana, reopened)).toEqual(expected);
    reopened.binding.stop();
  });
});

// Ben's library on a new binding over the same store and doc: the app
// opened again (the doc still wired to Ana's, as a server reconnected).
function reopen(ben: Machine, options: BindingOptions): Machine {
  ben.binding.stop();
  return { ...ben, binding: new SyncBinding(ben.db, ben.doc, () => ({ id: 'machine-Ben', name: 'Ben' }), undefined, options) };
}

// Ana's library: eight documents, one annotation on each.
const eight: Library = {
  documents: [0, 1, 2, 3, 4, 5, 6, 7],
  annotations: [0, 1, 2, 3, 4, 5, 6, 7].map((d) => ({ document: d, passage: d % 6, note: 'Ana’s' })),
};

// Once Ben's join has joined its first document: he changes a note on
// the last, deletes the annotation on the one before, and annotates the
// second. Returns how many documents were joined when he was done.
function editsAfterTheFirst(ben: () => Machine) {
  const state = { pending: Promise.resolve(), joinedWhenDone: -1, total: 0 };
  const onJoinProgress = (done: number, total: number) => {
    state.total = total;
    if (done !== 1) return;
    state.pending = (async () => {
      const m = ben();
      await m.annotations.update(annotationOf(7, 1, ''), { note: 'Ben, during the join' });
      await m.annotations.delete(annotationOf(6, 0, ''));
      await rows.put(m.db, [annotationOf(1, 5, 'Ben’s new one')]);
      state.joinedWhenDone = progress.done;
    })();
  };
  const progress = { done: 0 };
  const track = (done: number, total: number) => {
    progress.done = done;
    onJoinProgress(done, total);
  };
  return { state, onJoinProgress: track };
}

// What both machines must hold after Ben's edits: his three changes.
const afterBensEdits: [string, string][] = [
  ['d0-p0', 'Ana’s'],
  ['d1-p1', 'Ana’s'],
  ['d1-p5', 'Ben’s new one'],
  ['d2-p2', 'Ana’s'],
  ['d3-p3', 'Ana’s'],
  ['d4-p4', 'Ana’s'],
  ['d5-p5', 'Ana’s'],
  ['d7-p1', 'Ben, during the join'],
];

describe('edits made on a document the join has not reached', () => {
  it('survive a relaunch join and reach the other machine', async () => {
    const { ana, ben } = await joinBoth(eight, { documents: [], annotations: [] }, {});
    const edits = editsAfterTheFirst(() => again);
    const again = reopen(ben, { onJoinProgress: edits.onJoinProgress });
    await again.binding.start();
    await edits.state.pending;
    await settle(ana, again);
    // Made while the join still had documents to go, or the test proves nothing.
    expect(edits.state.joinedWhenDone).toBeLessThan(edits.state.total);
    const [anas, bens] = await libraries(ana, again);
    expect(notes(bens!.store.annotations)).toEqual(afterBensEdits);
    expect(notes(anas!.store.annotations)).toEqual(afterBensEdits);
    expect(bens!.doc).toEqual(anas!.doc);
    again.binding.stop();
  });

  it('survive closing the app during the join, which the next opening resumes', async () => {
    const { ana, ben } = await joinBoth(eight, { documents: [], annotations: [] }, {});
    const joined: number[] = [];
    const edits = editsAfterTheFirst(() => closing);
    const closing = reopen(ben, {
      onJoinProgress: (done, total) => {
        edits.onJoinProgress(done, total);
        joined.push(done);
      },
    });
    const started = closing.binding.start();
    // The app closes once Ben's edits are made: it waits for them to be
    // carried, not for the join to walk every document.
    await until(() => edits.state.joinedWhenDone >= 0);
    await closing.binding.settled();
    closing.binding.stop();
    await started;
    expect(edits.state.joinedWhenDone).toBeLessThan(edits.state.total);
    // The app opens again.
    const again = reopen(closing, {});
    await again.binding.start();
    await settle(ana, again);
    const [anas, bens] = await libraries(ana, again);
    expect(notes(bens!.store.annotations)).toEqual(afterBensEdits);
    expect(notes(anas!.store.annotations)).toEqual(afterBensEdits);
    again.binding.stop();
  });

  it('survive a first join, over a library holding the same documents', async () => {
    const edits = editsAfterTheFirst(() => ben);
    const ana = machine('Ana');
    const ben = machine('Ben', { onJoinProgress: edits.onJoinProgress });
    await fill(ana, eight);
    await fill(ben, eight);
    ana.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ben.doc, update, 'wire'));
    ben.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ana.doc, update, 'wire'));
    await ana.binding.start();
    await ben.binding.start();
    await edits.state.pending;
    await settle(ana, ben);
    expect(edits.state.joinedWhenDone).toBeLessThan(edits.state.total);
    const [anas, bens] = await libraries(ana, ben);
    expect(notes(bens!.store.annotations)).toEqual(afterBensEdits);
    expect(notes(anas!.store.annotations)).toEqual(afterBensEdits);
    expect(bens!.doc).toEqual(anas!.doc);
  });
});

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}

function notes(annotations: readonly Annotation[]): [string, string][] {
  return annotations.map((a) => [a.id, a.note]);
}
