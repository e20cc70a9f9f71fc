import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import '../../shared/test-support/fast-check-seed';
import { importFile } from '../../shared/importers/import-file';
import { annotationsOnSeeds } from '../../shared/test-support/arbitraries';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { randomAnnotations } from '../../shared/test-support/synthetic';
import * as rows from './annotation-rows';
import { addDocuments, currentDocuments, documentRowOf, editDocument } from './documents';
import { dropDbs, freshDb } from './test-support/db';
import { applyRevision, planRevision } from './revisions';
import { type ExportFormat, exportAnnotations, exportPieces, importAnnotations } from './transfer';
import type { PalimpsestDb } from './db';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const now = new Date('2026-12-03T12:00:00.000Z');
const memo =
  'Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania at length, and of the Chinese comrades.\n\nThe ambassador said nothing of the loans.\n';

afterEach(dropDbs);

async function joined(pieces: AsyncIterable<string | Uint8Array>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += typeof piece === 'string' ? piece : new TextDecoder().decode(piece);
  return text;
}

/// A library with everything a whole-library file carries: random
/// annotations on the seeds, enough on one to fill many chunks, links, an
/// actor, a set, a document of the researcher's own with an edit and a
/// revision.
async function libraryWith(db: PalimpsestDb, random: Parameters<typeof rows.put>[1]): Promise<void> {
  await rows.put(db, [...random, ...randomAnnotations(brief, 1500, 3)]);
  const file = await importFile('memo.txt', new TextEncoder().encode(memo));
  const row = documentRowOf(file, new Set(corpus.keys()), now);
  await addDocuments(db, [row]);
  await editDocument(db, row.id, { collection: 'Moscow' }, now);
  const current = (await currentDocuments(db, corpus)).get(row.id)!;
  await applyRevision(db, await planRevision(db, current, 'memo-2.txt', `${memo}\nA later note.\n`, now));
  const ids = (await rows.all(db)).map((a) => a.id).sort();
  const byId = new Map((await rows.all(db)).map((a) => [a.id, a]));
  await db.links.bulkAdd(
    ids.slice(1, 40).map((id, i) => ({
      id: `l${i}`,
      from: ids[i]!,
      to: id,
      relation: 'supports',
      note: i % 2 ? 'see “there”' : '',
      created: now.toISOString(),
      modified: now.toISOString(),
      fromDocument: byId.get(ids[i]!)!.documentId,
      toDocument: byId.get(id)!.documentId,
    })),
  );
  await db.actors.add({ id: 'k', name: 'Khrushchev', aliases: ['Хрущёв'], created: now.toISOString(), modified: now.toISOString() });
  await db.sets.add({ id: 's', name: 'Gathered', description: '', annotationIds: ids.slice(0, 5), created: now.toISOString(), modified: now.toISOString() });
}

describe('an export in pieces', () => {
  it('is the same file, byte for byte, as the export built whole, in every format and scope, and re-imports to the same library', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsOnSeeds([...corpus.values()]), async (random) => {
        const db = freshDb('pieces');
        await libraryWith(db, random);
        const documents = await currentDocuments(db, corpus);
        const scopes = [{ kind: 'all' as const }, { kind: 'document' as const, documentId: brief.id }];
        for (const scope of scopes) {
          for (const format of ['native', 'w3c', 'csv'] as ExportFormat[]) {
            const whole = await exportAnnotations(db, documents, scope, format, now);
            const pieces = await exportPieces(db, documents, scope, format, now);
            expect(pieces.count).toBe(whole.count);
            expect(await joined(pieces.pieces)).toBe(whole.content);
          }
        }
        const { pieces } = await exportPieces(db, documents, { kind: 'all' }, 'native', now);
        const copy = freshDb('pieces-copy');
        await importAnnotations(copy, documents, await joined(pieces));
        const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(byId(await rows.all(copy))).toEqual(byId(await rows.all(db)));
        expect(byId(await copy.links.toArray())).toEqual(byId(await db.links.toArray()));
        await dropDbs();
      }),
      { numRuns: 4 },
    );
  }, 60_000);

  it('counts nothing and writes an empty file for a document with no annotations', async () => {
    const db = freshDb('pieces-empty');
    const scope = { kind: 'document' as const, documentId: brief.id };
    const pieces = await exportPieces(db, corpus, scope, 'native', now);
    expect(pieces.count).toBe(0);
    expect(await joined(pieces.pieces)).toBe((await exportAnnotations(db, corpus, scope, 'native', now)).content);
  });
});

describe('an export in pieces, as it goes', () => {
  it('tells after each piece how many annotations it has read, up to all of them, in every format', async () => {
    const db = freshDb('pieces-progress');
    await libraryWith(db, []);
    const documents = await currentDocuments(db, corpus);
    for (const format of ['native', 'w3c', 'csv', 'qdpx'] as ExportFormat[]) {
      const file = await exportPieces(db, documents, { kind: 'all' }, format, now);
      const seen: number[] = [file.read!()];
      for await (const _ of file.pieces) seen.push(file.read!());
      expect(seen[0], format).toBe(0);
      expect(seen.at(-1), format).toBe(file.count);
      const forward = seen.every((read, i) => i === 0 || read >= seen[i - 1]!);
      expect(forward, format).toBe(true);
      // A bar that moves, not one that jumps from empty to full (a REFI-QDA
      // project is still built whole: one piece).
      const between = seen.some((read) => read > 0 && read < file.count);
      expect(between, format).toBe(format !== 'qdpx');
    }
  });
});
