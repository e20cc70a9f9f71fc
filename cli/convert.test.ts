import 'fake-indexeddb/auto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../shared/annotation/model';
import type { LibraryDocument } from '../shared/corpus/document';
import { annotationsOnSeeds } from '../shared/test-support/arbitraries';
import { corpusDir, loadCorpus, seed, seedIds } from '../shared/test-support/corpus';
import * as rows from '../renderer/store/annotation-rows';
import { AnnotationStore } from '../renderer/store/annotations';
import type { PalimpsestDb } from '../renderer/store/db';
import { currentDocuments } from '../renderer/store/documents';
import { applyQdpx, previewQdpx } from '../renderer/store/qdpx-import';
import { dropDbs, freshDb, importedMemo } from '../renderer/store/test-support/db';
import { exportAnnotations, importAnnotations } from '../renderer/store/transfer';
import { run } from './main';

// `convert` of a whole-library export, read as the app reads it: the
// researcher's own documents the file carries are used, and what the
// command line writes goes back into the app whole.

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const dir = mkdtempSync(join(tmpdir(), 'palimpsest-convert-'));
const time = '2026-11-22T10:00:00.000Z';
let serial = 0;

let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await dropDbs();
});

/// A library holding the researcher's own Word file beside the seeds, its
/// documents as the app shows them.
async function ownLibrary(label: string): Promise<{ db: PalimpsestDb; documents: Map<string, LibraryDocument>; memoId: string }> {
  const db = freshDb(label);
  const row = await importedMemo(db, corpus);
  return { db, documents: await currentDocuments(db, corpus), memoId: row.id };
}

/// The library's whole-library native export, as a file.
async function exportAll(db: PalimpsestDb): Promise<string> {
  const path = join(dir, `library-${++serial}.json`);
  writeFileSync(path, (await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' }, 'native')).content as string);
  return path;
}

function convert(input: string, to: string, ...more: string[]): { code: number; out: string } {
  const out = join(dir, `out-${++serial}.${to}`);
  return { code: run(['convert', input, '--to', to, '--out', out, ...more]), out };
}

const link = (id: string, from: string, to: string) => ({ id, from, to, relation: 'supports', note: '', created: time, modified: time });
const quoteOf = (a: Annotation) => a.quote.exact;

describe('convert reads the documents a whole-library file carries', () => {
  it('keeps an annotation on the researcher’s own document, with its link and its place in a set, in every format', async () => {
    const { db, documents, memoId } = await ownLibrary('convert-own');
    const store = new AnnotationStore(db);
    const memo = documents.get(memoId)!;
    const at = memo.text.text.indexOf('Albania');
    const own = await store.create(memo, at, at + 'Albania'.length, { tags: ['claim'], note: 'her own file' });
    const b = brief.text.text.indexOf('apple of discord');
    const other = await store.create(brief, b, b + 'apple of discord'.length, { tags: ['claim'] });
    await db.links.add({ ...link('l1', own.id, other.id), fromDocument: memoId, toDocument: brief.id });
    await db.sets.add({ id: 's1', name: 'Albania', description: '', annotationIds: [own.id, other.id], created: time, modified: time });
    const file = await exportAll(db);

    const native = convert(file, 'native');
    expect([native.code, err]).toEqual([0, []]);
    expect(run(['validate', native.out])).toBe(0);
    const written = JSON.parse(readFileSync(native.out, 'utf8'));
    expect(written.annotations.map((a: { id: string }) => a.id).sort()).toEqual([own.id, other.id].sort());
    // Into a library that has never seen the Word file: all of it.
    const fresh = freshDb('convert-own-fresh');
    const done = await importAnnotations(fresh, corpus, readFileSync(native.out, 'utf8'));
    expect(done.unplaced).toEqual([]);
    expect((await rows.all(fresh)).map(quoteOf).sort()).toEqual(['Albania', 'apple of discord']);
    expect((await fresh.links.toArray()).map((l) => [l.from, l.to])).toEqual([[own.id, other.id]]);
    expect((await fresh.sets.get('s1'))?.annotationIds).toEqual([own.id, other.id]);

    for (const to of ['w3c', 'qdpx', 'csv']) {
      const { code } = convert(file, to);
      expect([to, code, err]).toEqual([to, 0, []]);
    }
  });

  it('leaves out with an annotation it cannot place the link and set entry naming it, and says how many', async () => {
    const { db } = await ownLibrary('convert-left-out');
    const store = new AnnotationStore(db);
    const b = brief.text.text.indexOf('apple of discord');
    const gone = await store.create(brief, b, b + 'apple of discord'.length, { tags: ['claim'] });
    const c = brief.text.text.indexOf('Italy, France and Turkey');
    const kept = await store.create(brief, c, c + 'Italy, France and Turkey'.length, { tags: ['claim'] });
    await db.links.add({ ...link('l1', kept.id, gone.id), fromDocument: brief.id, toDocument: brief.id });
    await db.sets.add({ id: 's1', name: 'Italy', description: '', annotationIds: [gone.id, kept.id], created: time, modified: time });
    const file = JSON.parse(readFileSync(await exportAll(db), 'utf8'));
    // The passage `gone` stands on is not in the folder's brief.
    const folder = join(dir, `corpus-${++serial}`);
    mkdirSync(folder);
    const text = readFileSync(join(corpusDir, `${brief.id}.md`), 'utf8');
    writeFileSync(join(folder, `${brief.id}.md`), text.replace('apple of discord', 'bone of contention'));
    copyFileSync(join(corpusDir, `${seedIds.czechMemo}.txt`), join(folder, `${seedIds.czechMemo}.txt`));
    const input = join(dir, `left-out-${++serial}.json`);
    writeFileSync(input, JSON.stringify(file));

    const native = convert(input, 'native', '--corpus', folder);
    expect(native.code).toBe(1);
    expect(err.at(-1)).toBe('palimpsest: left out with the annotations named above: 1 link and 1 set entry naming them.');
    err = [];
    expect(run(['validate', native.out])).toBe(0);
    const written = JSON.parse(readFileSync(native.out, 'utf8'));
    expect(written.annotations.map((a: { id: string }) => a.id)).toEqual([kept.id]);
    expect([written.library.links, written.library.sets[0].annotationIds]).toEqual([[], [kept.id]]);
  });
});

describe('what convert writes of a whole-library file goes back into the app whole', () => {
  it('in every format, for any annotations, links and sets on the seeds and on the researcher’s own document', async () => {
    const { documents: shown, memoId } = await ownLibrary('convert-property-shape');
    const onDocuments = [...shown.values()].filter((d) => d.id === memoId || d.id === brief.id || d.id === seedIds.czechMemo);
    const library = annotationsOnSeeds(onDocuments, 8)
      .filter((annotations) => annotations.some((a) => a.documentId === memoId))
      .chain((annotations) =>
        fc.record({
          annotations: fc.constant(annotations),
          links: fc.uniqueArray(fc.tuple(fc.nat(annotations.length - 1), fc.nat(annotations.length - 1)), { maxLength: 4, selector: ([a, b]) => `${a}-${b}` }),
          sets: fc.array(fc.subarray(annotations.map((a) => a.id)), { maxLength: 2 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(library, async ({ annotations, links, sets }) => {
        const { db, documents } = await ownLibrary('convert-property');
        await rows.put(db, annotations);
        const documentOf = new Map(annotations.map((a) => [a.id, a.documentId]));
        const made = links
          .filter(([a, b]) => a !== b)
          .map(([a, b], i) => ({
            ...link(`l${i}`, annotations[a]!.id, annotations[b]!.id),
            fromDocument: documentOf.get(annotations[a]!.id)!,
            toDocument: documentOf.get(annotations[b]!.id)!,
          }));
        await db.links.bulkAdd(made);
        await db.sets.bulkAdd(sets.map((ids, i) => ({ id: `s${i}`, name: `Set ${i}`, description: '', annotationIds: ids, created: time, modified: time })));
        const file = await exportAll(db);
        const passages = (list: readonly Annotation[]) => list.map((a) => JSON.stringify([quoteOf(a), [...a.tags].sort(), a.actor, a.note])).sort();
        const expected = passages(annotations);
        const pairs = (list: readonly { from: string; to: string }[]) => list.map((l) => `${l.from}>${l.to}`).sort();

        const native = convert(file, 'native');
        expect([native.code, err]).toEqual([0, []]);
        const intoFresh = freshDb('convert-property-native');
        expect((await importAnnotations(intoFresh, corpus, readFileSync(native.out, 'utf8'))).unplaced).toEqual([]);
        expect(passages(await rows.all(intoFresh))).toEqual(expected);
        expect(pairs(await intoFresh.links.toArray())).toEqual(pairs(made));

        // A W3C file carries no documents: it goes into a library holding them.
        const w3c = convert(file, 'w3c');
        expect([w3c.code, err]).toEqual([0, []]);
        const { db: holding } = await ownLibrary('convert-property-w3c');
        expect((await importAnnotations(holding, documents, readFileSync(w3c.out, 'utf8'))).unplaced).toEqual([]);
        expect(passages(await rows.all(holding))).toEqual(expected);
        expect(pairs(await holding.links.toArray())).toEqual(pairs(made));

        // A project carries its texts: it goes into a library without the Word file.
        const qdpx = convert(file, 'qdpx');
        expect([qdpx.code, err]).toEqual([0, []]);
        const bare = freshDb('convert-property-qdpx');
        const preview = await previewQdpx(bare, corpus, 'library.qdpx', new Uint8Array(readFileSync(qdpx.out)));
        expect(preview.plan.unplaced).toEqual([]);
        await applyQdpx(bare, corpus, preview);
        expect(passages(await rows.all(bare))).toEqual(expected);
        expect(await bare.links.count()).toBe(made.length);

        const csv = convert(file, 'csv');
        expect([csv.code, err]).toEqual([0, []]);
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
