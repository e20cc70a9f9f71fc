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
import type { BindingOptions } from './binding';
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

  it('carries notes written on either machine while the join runs, as written after a whole join', async () => {
    const edit = fc.record({
      step: fc.integer({ min: 0, max: 5 }),
      ana: fc.constantFrom('Ana during the join', ''),
      ben: fc.constantFrom('Ben during the join', ''),
    });
    await fc.assert(
      fc.asyncProperty(library, library, edit, async (a, b, e) => {
        // Each edits an annotation only they hold, so no edit races another.
        const only = (of: Library, other: Library) =>
          of.annotations.find((x) => !other.annotations.some((y) => y.document === x.document && y.passage === x.passage));
        const anaOwn = only(a, b);
        const benOwn = only(b, a);
        const run = async (ana: Machine, ben: Machine) => {
          if (anaOwn && e.ana) await ana.annotations.update(annotationOf(anaOwn.document, anaOwn.passage, ''), { note: e.ana });
          if (benOwn && e.ben) await ben.annotations.update(annotationOf(benOwn.document, benOwn.passage, ''), { note: e.ben });
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

function notes(annotations: readonly Annotation[]): [string, string][] {
  return annotations.map((a) => [a.id, a.note]);
}
