import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../shared/test-support/fast-check-seed';
import type { BackupInfo } from '../../shared/ipc/contract';
import { importFile } from '../../shared/importers/import-file';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import type { BackupHost } from '../host/host';
import { textOf } from '../../shared/test-support/pieces';
import { InvalidInput } from '../../shared/errors';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import { BackupScheduler, buildBackup, previewRestore, restoreBackup } from './backups';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';
import { addDocuments, currentDocuments, documentRowOf } from './documents';
import { SetStore } from './sets';
import { exportAnnotations, importAnnotations } from './transfer';

// A model test of the library: random sequences of what a researcher does
// (import documents, annotate, edit, link, gather in sets, delete
// annotations and documents, import annotation files, undo, redo, restore
// a backup) against the real store. After every step the library must be
// whole (no annotation without its document, no link without its ends) and
// a backup of it must build, restore into an empty library, and give the
// same library back, who made and changed each passage and link included.

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);

type Action =
  | { kind: 'import-document'; name: number }
  | { kind: 'create'; document: number; at: number }
  | { kind: 'edit'; annotation: number }
  | { kind: 'link'; from: number; to: number }
  | { kind: 'add-to-set'; annotation: number }
  | { kind: 'delete-annotation'; annotation: number }
  | { kind: 'delete-document'; document: number }
  | { kind: 'import-annotations'; document: number }
  | { kind: 'shared-edit'; annotation: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'restore'; backup: number };

const pick = fc.nat({ max: 50 });
const action: fc.Arbitrary<Action> = fc.oneof(
  // Few names, so a document deleted and imported again takes its old id.
  { arbitrary: fc.record({ kind: fc.constant('import-document' as const), name: fc.nat({ max: 2 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('create' as const), document: pick, at: fc.nat({ max: 10_000 }) }), weight: 4 },
  fc.record({ kind: fc.constant('edit' as const), annotation: pick }),
  { arbitrary: fc.record({ kind: fc.constant('link' as const), from: pick, to: pick }), weight: 2 },
  fc.record({ kind: fc.constant('add-to-set' as const), annotation: pick }),
  fc.record({ kind: fc.constant('delete-annotation' as const), annotation: pick }),
  { arbitrary: fc.record({ kind: fc.constant('delete-document' as const), document: pick }), weight: 2 },
  fc.record({ kind: fc.constant('import-annotations' as const), document: pick }),
  fc.record({ kind: fc.constant('shared-edit' as const), annotation: pick }),
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 2 },
  fc.record({ kind: fc.constant('restore' as const), backup: pick }),
);

/// Backups kept in memory, as the app's host keeps them on disk.
function memoryHost(): BackupHost & { saved: BackupInfo[] } {
  const files = new Map<string, string>();
  const saved: BackupInfo[] = [];
  return {
    saved,
    where: 'memory',
    list: async () => [...saved].reverse(),
    write: async (pieces, annotations, created) => {
      const content = await textOf(pieces);
      const info = { id: `b${files.size + 1}`, created: created.toISOString(), annotations, bytes: content.length };
      files.set(info.id, content);
      saved.push(info);
      return info;
    },
    async *readChunks(id) {
      yield new TextEncoder().encode(files.get(id)!);
    },
    onBeforeQuit: () => () => {},
  };
}

const memoTexts = [
  'Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania at length, and of the Chinese comrades.\n\nThe ambassador said nothing of the loans.\n',
  'Report on the plenum.\n\nThe delegation of the Albanian Party of Labour left before the vote, and Hoxha did not reply.\n',
  'Note for the file.\n\nThe Korean side denied any cult of personality; the question of the communes was not raised.\n',
];

describe('the library under any sequence of edits, deletions, imports, undo, redo and restores', () => {
  it('is whole after every step, and a backup of it restores to the same library', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 18 }), async (actions) => {
        const db = freshDb('model');
        const host = memoryHost();
        const scheduler = new BackupScheduler(db, corpus, host, () => {}, 60_000);
        let store = new AnnotationStore(db);
        const sets = new SetStore(db);
        try {
          for (const step of actions) {
            const documents = await currentDocuments(db, corpus);
            const mine = [...documents.values()].filter((d) => d.origin === 'imported');
            const annotations = (await rows.all(db)).sort((a, b) => (a.id < b.id ? -1 : 1));
            const annotationAt = (i: number) => annotations[i % Math.max(annotations.length, 1)];
            const before = await backupOf(db);
            let refused = false;
            switch (step.kind) {
              case 'import-document': {
                const file = await importFile(`memo-${step.name}.txt`, new TextEncoder().encode(memoTexts[step.name]!));
                await addDocuments(db, [documentRowOf(file, new Set(documents.keys()), new Date('2026-12-03T08:00:00Z'))]);
                break;
              }
              case 'create': {
                const targets = [brief, ...mine];
                const document = targets[step.document % targets.length]!;
                const start = step.at % (document.text.length - 20);
                await store.create(document, start, start + 12, { tags: ['claim'] });
                break;
              }
              case 'edit': {
                const target = annotationAt(step.annotation);
                if (target) await store.update(target, { note: `note ${step.annotation}` });
                break;
              }
              case 'link': {
                const from = annotationAt(step.from);
                const to = annotationAt(step.to);
                if (from && to) await store.link(from, to, 'supports').catch((error: unknown) => (refused = error instanceof InvalidInput));
                break;
              }
              case 'add-to-set': {
                const target = annotationAt(step.annotation);
                if (!target) break;
                const set = (await db.sets.toArray())[0] ?? (await sets.create('Gathered'));
                await sets.add(set.id, [target.id]);
                break;
              }
              case 'delete-annotation': {
                const target = annotationAt(step.annotation);
                if (target) await store.delete(target);
                break;
              }
              case 'delete-document': {
                const document = mine[step.document % Math.max(mine.length, 1)];
                if (document) await store.deleteDocument(document.id);
                break;
              }
              case 'import-annotations': {
                // Another library's copies of one document's annotations.
                const document = [brief, ...mine][step.document % (mine.length + 1)]!;
                const { content } = await exportAnnotations(db, documents, { kind: 'document', documentId: document.id });
                const file = JSON.parse(content as string);
                if (file.annotations.length === 0) break;
                for (const entry of file.annotations) entry.id = `${entry.id}-copy`;
                await importAnnotations(db, documents, JSON.stringify(file));
                break;
              }
              case 'shared-edit': {
                // What a shared project's sync writes into the store: who
                // made the passage (and its links) and who last changed it.
                const target = annotationAt(step.annotation);
                if (!target) break;
                const ana = { id: 'machine-ana', name: 'Ana Petrova' };
                const ben = { id: `machine-${step.annotation}`, name: `Ben Okafor ${step.annotation}` };
                await rows.put(db, [{ ...target, createdBy: ana, modifiedBy: ben }]);
                for (const link of await db.links.toArray()) if (link.from === target.id) await db.links.put({ ...link, createdBy: ben, modifiedBy: ana });
                expect(await backupOf(db)).toContain(ben.name);
                break;
              }
              case 'undo':
              case 'redo':
                // A step that cannot be carried out (its document imported
                // again under the same id) is refused and changes nothing.
                await (step.kind === 'undo' ? store.undo() : store.redo()).catch((error: unknown) => (refused = error instanceof InvalidInput));
                break;
              case 'restore': {
                await scheduler.flush();
                const backup = host.saved[step.backup % host.saved.length]!;
                await restoreBackup(db, scheduler, await previewRestore(db, host, backup));
                // As the Backups dialog does: the history is of another library.
                store = new AnnotationStore(db);
                break;
              }
            }
            if (refused) expect(JSON.parse(await backupOf(db))).toEqual(JSON.parse(before));
            await expectWhole(db);
            await expectRestoresTheSame(db);
          }
        } finally {
          await dropDbs();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

/// The library's backup content, as the app would write it.
async function backupOf(db: PalimpsestDb): Promise<string> {
  const built = await buildBackup(db, await currentDocuments(db, corpus), null, new Date(0));
  expect(built!.missingDocuments).toEqual([]);
  return textOf(built!.pieces);
}

async function expectWhole(db: PalimpsestDb): Promise<void> {
  const documents = await currentDocuments(db, corpus);
  const annotations = await rows.all(db);
  for (const annotation of annotations) expect(documents.has(annotation.documentId), `the document of ${annotation.id}`).toBe(true);
  const ids = new Set(annotations.map((a) => a.id));
  for (const link of await db.links.toArray()) expect([ids.has(link.from), ids.has(link.to)]).toEqual([true, true]);
  for (const set of await db.sets.toArray()) for (const id of set.annotationIds) expect(ids.has(id), `set member ${id}`).toBe(true);
}

async function expectRestoresTheSame(db: PalimpsestDb): Promise<void> {
  const content = await backupOf(db);
  const copy = freshDb('model-copy');
  try {
    const host = memoryHost();
    const info = await host.write(
      (async function* () {
        yield content;
      })(),
      0,
      new Date(),
    );
    const scheduler = new BackupScheduler(copy, corpus, memoryHost(), () => {}, 60_000);
    await restoreBackup(copy, scheduler, await previewRestore(copy, host, info));
    // The same library; a restored description may list its fields in
    // another order.
    expect(JSON.parse(await backupOf(copy))).toEqual(JSON.parse(content));
  } finally {
    copy.close();
    await copy.delete();
  }
}
