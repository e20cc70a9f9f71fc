import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../shared/format/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { fixture } from '../../shared/importers/test-support/sources';
import { encodeLegacy } from '../../shared/importers/test-support/encode';
import { currentDocuments } from '../store/documents';
import * as rows from '../store/annotation-rows';
import { AnnotationStore } from '../store/annotations';
import { PalimpsestDb } from '../store/db';
import { exportAnnotations } from '../store/transfer';
import type { ImportContext } from './import-context';
import { backupsHandlers, builtPieces, writeBuiltBackup } from './backups';
import { writeBackup } from '../store/backups';
import { memoryHost } from '../store/test-support/backup-host';
import { quietCall } from '../../shared/rpc/server';
import { mainThreadPorts, startBackups, startImports } from './import-client';
import { textOf } from '../../shared/test-support/pieces';

/// The import workers' servers on this thread, over `context`.
const imports = (context: ImportContext) => startImports(() => context, mainThreadPorts);
const utf8 = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
let source: PalimpsestDb;
let target: PalimpsestDb;
let n = 0;

beforeEach(() => {
  source = new PalimpsestDb(`import-source-${++n}`);
  target = new PalimpsestDb(`import-target-${n}`);
});
afterEach(async () => {
  for (const db of [source, target]) {
    db.close();
    await db.delete();
  }
});

/// A file of `count` annotations on the British brief, as exported.
async function exported(count: number): Promise<string> {
  const store = new AnnotationStore(source);
  const text = brief.text.text;
  for (let i = 0; i < count; i++) {
    const start = text.indexOf(' ', 200 + i * 37) + 1;
    await store.create(brief, start, start + 25, { tags: ['claim'] });
  }
  return (await exportAnnotations(source, corpus, { kind: 'all' })).content as string;
}

describe('the import client', () => {
  it('previews without writing, then writes with progress from 0 to every annotation', async () => {
    const json = await exported(30);
    const client = imports({ db: target, documents: async () => corpus });
    const preview = await client.annotations.preview({ fileName: 'brief.json', bytes: utf8(json) });
    expect(preview).toMatchObject({ fileName: 'brief.json', format: 'native', total: 30, add: 30, update: 0, unchanged: 0, unplacedCount: 0 });
    expect(await rows.all(target)).toEqual([]);

    const progress: [number, number][] = [];
    const done = await client.annotations.apply({ planId: preview.planId }, { onProgress: (d, t) => progress.push([d, t]) });
    expect(done.add).toBe(30);
    expect(progress[0]).toEqual([0, 30]);
    expect(progress.at(-1)).toEqual([30, 30]);
    expect((await rows.all(target)).length).toBe(30);
  });

  it('previews a REFI-QDA project in the worker without writing, then writes it all with progress', async () => {
    const store = new AnnotationStore(source);
    const text = brief.text.text;
    for (const at of [400, 900])
      await store.create(brief, text.indexOf(' ', at) + 1, text.indexOf(' ', at) + 30, { tags: ['claim'], note: 'A memo\r\nover two lines.' });
    const qdpx = (await exportAnnotations(source, corpus, { kind: 'all' }, 'qdpx')).content as Uint8Array;
    const client = imports({ db: target, documents: async () => corpus });
    // Told by its bytes, not its name.
    const preview = await client.annotations.preview({ fileName: 'project.zip', bytes: qdpx.slice().buffer });
    expect(preview).toMatchObject({ fileName: 'project.zip', format: 'qdpx', total: 2, add: 2, unplacedCount: 0, project: { counts: { documents: 0 } } });
    expect(await rows.all(target)).toEqual([]);
    const progress: [number, number][] = [];
    const done = await client.annotations.apply({ planId: preview.planId }, { onProgress: (d, t) => progress.push([d, t]) });
    expect(done.add).toBe(2);
    expect(progress.at(-1)).toEqual([2, 2]);
    expect((await rows.all(target)).map((a) => a.note)).toEqual(['A memo\r\nover two lines.', 'A memo\r\nover two lines.']);
    await expect(client.annotations.apply({ planId: preview.planId })).rejects.toThrow(
      `The file previewed as ${preview.planId} is no longer waiting: it was already applied or cancelled`,
    );
  });

  it('answers a ready while nothing is chosen, and previews after it as before', async () => {
    const client = imports({ db: target, documents: async () => corpus });
    expect(await client.annotations.ready({})).toBeNull();
    expect(await client.annotations.preview({ fileName: 'brief.json', bytes: utf8(await exported(2)) })).toMatchObject({ add: 2 });
    await expect(client.annotations.ready({ fileName: 'x' } as never)).rejects.toThrow();
  });

  it('refuses a 50 MB file of opening brackets with a sentence, and the worker goes on', async () => {
    const client = imports({ db: target, documents: async () => corpus });
    const bomb = client.annotations.preview({ fileName: 'bomb.json', bytes: utf8('['.repeat(50 * 1024 * 1024)) });
    await expect(bomb).rejects.toBeInstanceOf(ImportError);
    await expect(bomb).rejects.toThrow('the file nests lists or objects more than 64 deep (at character 64); no annotation file does, so it is not read');
    expect(await client.annotations.preview({ fileName: 'brief.json', bytes: utf8(await exported(2)) })).toMatchObject({ add: 2 });
  }, 30_000);

  it('names what is wrong with a bad file, as an ImportError, and writes nothing', async () => {
    const client = imports({ db: target, documents: async () => corpus });
    const refused = client.annotations.preview({ fileName: 'broken.json', bytes: utf8('{"format": "palimpsest-annotations", "annotations": [') });
    await expect(refused).rejects.toBeInstanceOf(ImportError);
    await expect(refused).rejects.toThrow(/JSON/);
    await expect(client.annotations.apply({ planId: 'file-1' })).rejects.toThrow('There is no previewed file "file-1" to import: preview one first.');
    expect(await rows.all(target)).toEqual([]);
  });

  it('re-anchors a revision in the handler, writes nothing until applied, then stores it as the current text', async () => {
    const store = new AnnotationStore(target);
    const text = brief.text.text;
    const exact = 'describes the Sino-Soviet split';
    const at = text.indexOf(exact);
    expect(at).toBeGreaterThan(0);
    await store.create(brief, at, at + exact.length, { tags: ['claim'] });
    // The transcriber adds a note before the text: every passage is shifted, none moved.
    const revisedSource = `Transcriber's note: page 1 added.\n\n${readFileSync(join(corpusDir, brief.fileName), 'utf8')}`;
    const client = imports({ db: target, documents: async () => currentDocuments(target, corpus) });
    const preview = await client.revisions.preview({ documentId: brief.id, fileName: 'brief-v2.md', bytes: utf8(revisedSource) });
    expect(preview).toEqual({
      documentId: brief.id,
      fileName: 'brief-v2.md',
      counts: { unchanged: 1, moved: 0, fuzzy: 0, orphaned: 0 },
      seq: null,
      encoding: 'utf-8',
      warnings: [],
      planId: 'revision-1',
    });
    expect(await target.revisions.count()).toBe(0);
    const stored = await client.revisions.apply({ planId: preview.planId });
    expect(stored.seq).toBe(1);
    const now = (await currentDocuments(target, corpus)).get(brief.id)!;
    const [moved] = await rows.ofDocument(target, brief.id);
    expect(now.text.text.slice(moved!.position.start, moved!.position.end)).toBe(exact);
    await expect(client.revisions.apply({ planId: preview.planId })).rejects.toThrow('The revision previewed as revision-1 is no longer waiting');
    expect(await target.revisions.count()).toBe(1);
  });

  it('imports documents: each file that reads is stored, each bad one reported, and nothing of a bad one kept', async () => {
    const client = imports({ db: target, documents: async () => currentDocuments(target, corpus) });
    const bytes = (name: string) => {
      const data = fixture(name);
      return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    };
    const progress: [number, number][] = [];
    const results = await client.documents.import(
      [
        { name: 'memo-1962.docx', bytes: bytes('memo-1962.docx') },
        { name: 'scan.pdf', bytes: bytes('scan.pdf') },
        { name: 'khrushchev-windows-1251.txt', bytes: bytes('khrushchev-windows-1251.txt') },
      ],
      (done, total) => progress.push([done, total]),
    );
    expect(results.map((r) => [r.fileName, r.ok])).toEqual([
      ['memo-1962.docx', true],
      ['scan.pdf', false],
      ['khrushchev-windows-1251.txt', true],
    ]);
    expect(results[1]).toMatchObject({ code: 'no-text' });
    expect(results[2]).toMatchObject({ encoding: { name: 'windows-1251', detected: true } });
    expect(progress.at(-1)).toEqual([3, 3]);
    const documents = await currentDocuments(target, corpus);
    expect(documents.size).toBe(corpus.size + 2);
    expect(
      [...documents.values()]
        .filter((d) => d.origin === 'imported')
        .map((d) => d.fileName)
        .sort(),
    ).toEqual(['khrushchev-windows-1251.txt', 'memo-1962.docx']);
  });

  it('hands the files over to the worker, and gives back the bytes of a text to read in another encoding', async () => {
    const client = imports({ db: target, documents: async () => currentDocuments(target, corpus) });
    const thaw = encodeLegacy('Naïve readings of the “thaw” are common – and wrong.', 'windows-1252');
    const sent = [
      { name: 'scan.pdf', bytes: fixture('scan.pdf').slice().buffer as ArrayBuffer },
      { name: 'thaw.txt', bytes: thaw.slice().buffer as ArrayBuffer },
    ];
    const results = await client.documents.import(sent);
    // Moved, not copied: a drop of a thousand PDFs is not held twice.
    expect(sent.map((file) => file.bytes.byteLength)).toEqual([0, 0]);
    expect(results[0]).toMatchObject({ ok: false, code: 'no-text' });
    expect(results[0]).not.toHaveProperty('bytes');
    expect(results[1]).toMatchObject({ ok: false, code: 'encoding' });
    const back = results[1]!.ok ? null : results[1]!.bytes;
    expect(new Uint8Array(back!)).toEqual(thaw);
    // Read again in the encoding the researcher chose, it is stored.
    const [again] = await client.documents.import([{ name: 'thaw.txt', bytes: back!, encoding: 'windows-1252' }]);
    expect(again).toMatchObject({ ok: true, encoding: { name: 'windows-1252', detected: false } });
  });

  it('reads a revision in the encoding its document was chosen to be read in', async () => {
    const client = imports({ db: target, documents: async () => currentDocuments(target, corpus) });
    // Too short for its encoding to be told: the researcher chose it.
    const thaw = encodeLegacy('Naïve readings of the “thaw” are common – and wrong.', 'windows-1252');
    const [stored] = await client.documents.import([{ name: 'thaw.txt', bytes: thaw.slice().buffer as ArrayBuffer, encoding: 'windows-1252' }]);
    expect(stored).toMatchObject({ ok: true });
    const document = (await currentDocuments(target, corpus)).get('thaw')!;
    const text = document.text.text;
    await new AnnotationStore(target).create(document, text.indexOf('“thaw”'), text.indexOf('“thaw”') + 6, { tags: ['claim'] });
    // The corrected transcription, saved by the same tool in the same encoding.
    const revised = encodeLegacy('Naïve readings of the “thaw” are common – and often wrong.', 'windows-1252');
    const preview = await client.revisions.preview({ documentId: 'thaw', fileName: 'thaw.txt', bytes: revised.slice().buffer as ArrayBuffer });
    expect(preview).toMatchObject({ encoding: 'windows-1252', counts: { unchanged: 1, moved: 0, fuzzy: 0, orphaned: 0 } });
    await client.revisions.apply({ planId: preview.planId });
    expect((await currentDocuments(target, corpus)).get('thaw')!.text.text).toContain('are common – and often wrong.');
  });

  it('builds and writes the whole-library backup in the handler, and nothing when the library is as last backed up', async () => {
    const written: { text: string; annotations: number }[] = [];
    const store = {
      write: async (pieces: AsyncIterable<string>, annotations: number, created: Date) => {
        written.push({ text: await textOf(pieces), annotations });
        return { id: created.toISOString(), created: created.toISOString(), annotations, bytes: written.at(-1)!.text.length };
      },
    };
    const client = backupsHandlers({ db: source, documents: async () => corpus }, store);
    await exported(3);
    const now = '2026-12-03T15:00:00.000Z';
    const done = (await client.write({ since: null, now }, quietCall))!;
    // The page receives what was written, never the backup itself.
    expect(done.info).toEqual({ id: now, created: now, annotations: 3, bytes: written[0]!.text.length });
    expect(JSON.parse(written[0]!.text).annotations).toHaveLength(3);
    expect(JSON.parse(written[0]!.text).exported).toBe(now);
    expect(
      await client.write({ since: { base: { id: now, manifest: done.manifest, bytes: done.info.bytes }, last: done.manifest, increments: 0 }, now }, quietCall),
    ).toBeNull();
    expect(written).toHaveLength(1);
  });

  it('builds the desktop app’s backup in the worker and hands its text to the page a piece at a time, the same file as built on the page', async () => {
    const host = memoryHost();
    const calls = startBackups(() => ({ db: source, documents: async () => corpus }), mainThreadPorts);
    await exported(3);
    const now = new Date('2026-12-03T15:00:00.000Z');
    const done = (await writeBuiltBackup(calls, null, host, now))!;
    const onPage = memoryHost();
    await writeBackup(source, corpus, null, onPage, now);
    expect(host.files.get(done.info.id)!.content).toBe(onPage.files.get('b1')!.content);
    expect(done.info.annotations).toBe(3);
    const since = { base: { id: done.info.id, manifest: done.manifest, bytes: done.info.bytes }, last: done.manifest, increments: 0 };
    expect(await writeBuiltBackup(calls, since, host, now)).toBeNull();

    // A write that fails drops the build in the worker, and the next works.
    const failing = {
      write: async (pieces: AsyncIterable<string>) => {
        for await (const _ of pieces) throw new Error('The disk is full.');
        throw new RangeError('A backup has at least one piece.');
      },
    };
    await rows.put(source, [{ ...(await rows.all(source))[0]!, note: 'edited' }]);
    await expect(writeBuiltBackup(calls, since, failing, now)).rejects.toThrow('The disk is full.');
    await expect(calls.piece({ buildId: 'build-2' })).rejects.toThrow('There is no file build-2 being built');
    expect((await writeBuiltBackup(calls, since, host, now))!.base).toBe(done.info.id);
  });

  it('builds an export in the worker, in every format, the same file as built on the page', async () => {
    const calls = startBackups(() => ({ db: source, documents: async () => corpus }), mainThreadPorts);
    await exported(3);
    const now = '2026-12-03T15:00:00.000Z';
    for (const format of ['native', 'w3c', 'csv'] as const) {
      const { buildId, count } = await calls.export({ scope: { kind: 'all' }, format, backup: false, now });
      expect(count).toBe(3);
      const onPage = await exportAnnotations(source, corpus, { kind: 'all' }, format, new Date(now));
      expect(await textOf(builtPieces<string>(calls, buildId))).toBe(onPage.content);
    }
  });

  it('tells the page, piece by piece, how many annotations an export built in the worker has read', async () => {
    const calls = startBackups(() => ({ db: source, documents: async () => corpus }), mainThreadPorts);
    await exported(3);
    const { buildId, count } = await calls.export({ scope: { kind: 'all' }, format: 'csv', backup: false, now: '2026-12-03T15:00:00.000Z' });
    const told: number[] = [];
    await textOf(builtPieces<string>(calls, buildId, (read) => told.push(read)));
    expect(told.length).toBeGreaterThan(0);
    expect(told.at(-1)).toBe(count);
  });

  it('forgets a cancelled preview', async () => {
    const client = imports({ db: target, documents: async () => corpus });
    const { planId } = await client.annotations.preview({ fileName: 'brief.json', bytes: utf8(await exported(2)) });
    await client.annotations.discard({ planId });
    await expect(client.annotations.apply({ planId })).rejects.toThrow(`The file previewed as ${planId} is no longer waiting`);
    expect(await rows.all(target)).toEqual([]);
  });
});
