import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../shared/test-support/corpus';
import { currentDocuments } from '../store/documents';
import { PalimpsestDb } from '../store/db';
import { manyPagesPdf } from '../../shared/importers/test-support/many-pages-pdf';
import { mainThreadPorts, startImports } from './import-client';

const corpus = loadCorpus();
let db: PalimpsestDb;
let n = 0;

beforeEach(() => {
  db = new PalimpsestDb(`import-documents-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const client = () => startImports(() => ({ db, documents: async () => currentDocuments(db, corpus) }), mainThreadPorts).documents;
const imported = async () => [...(await currentDocuments(db, corpus)).values()].filter((d) => d.origin === 'imported');

describe('document import with names that are also Object.prototype’s', () => {
  it('refuses extensions such as .constructor and .__proto__ as unsupported, naming the file, and stores nothing of them', async () => {
    const names = ['report.constructor', 'notes.__proto__', 'memo.toString', 'list.hasOwnProperty', 'letter.valueOf'];
    const results = await client().import(names.map((name) => ({ name, bytes: bytesOf('Some text.') })));
    for (const [i, result] of results.entries()) {
      expect(result).toMatchObject({ fileName: names[i], ok: false, code: 'unsupported' });
      expect(!result.ok && result.message).toContain(`${names[i]} cannot be imported`);
    }
    expect(await imported()).toEqual([]);
  });

  it('imports files named constructor.txt, __proto__.md and toString.html, and tags named so inside them are text', async () => {
    const results = await client().import([
      { name: 'constructor.txt', bytes: bytesOf('The first memorandum.') },
      { name: '__proto__.md', bytes: bytesOf('# Notes\n\nA <constructor>claim</constructor> and <b>bold</b> words.') },
      {
        name: 'toString.html',
        bytes: bytesOf('<html><body><p>A <constructor>report</constructor> of <hasOwnProperty>1962</hasOwnProperty>.</p></body></html>'),
      },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const documents = await imported();
    expect(documents.map((d) => d.fileName).sort()).toEqual(['__proto__.md', 'constructor.txt', 'toString.html']);
    expect(documents.find((d) => d.fileName === 'toString.html')!.text.text).toContain('A report of 1962.');
    const markdown = documents.find((d) => d.fileName === '__proto__.md')!;
    expect(markdown.text.text).toContain('bold words');
  });
});

describe('cancelling a document import', () => {
  it('stops it and stores none of its files, the ones already read included; the next import works', async () => {
    const importer = client();
    const progress: number[] = [];
    const running = importer.import(
      [
        { name: 'first.txt', bytes: bytesOf('The first memorandum.') },
        { name: 'ledger.pdf', bytes: manyPagesPdf(400).slice().buffer as ArrayBuffer },
        { name: 'last.txt', bytes: bytesOf('The last memorandum.') },
      ],
      (done) => {
        progress.push(done);
        // Cancelled once the first file is read, while the PDF is.
        if (done === 1) importer.cancel();
      },
    );
    await expect(running).rejects.toMatchObject({ name: 'CancelledError', message: 'The import was cancelled; nothing of it was stored.' });
    expect(progress).toEqual([0, 1]);
    expect(await imported()).toEqual([]);
    const again = await importer.import([{ name: 'first.txt', bytes: bytesOf('The first memorandum.') }]);
    expect(again.map((r) => r.ok)).toEqual([true]);
    expect((await imported()).map((d) => d.fileName)).toEqual(['first.txt']);
  });
});

describe('a folder’s files, read as the import reaches them', () => {
  // Files whose reads are logged: the import must take each only in its turn.
  const later = (names: string[], log: string[]) =>
    names.map((name) => ({
      name,
      read: async () => {
        log.push(name);
        return bytesOf(`The memorandum called ${name}.`);
      },
    }));

  it('reads them a part at a time, stores them together, and answers every file in order, problems in place', async () => {
    const log: string[] = [];
    const progress: number[] = [];
    const names = Array.from({ length: 7 }, (_, i) => `1962/memo ${i + 1}.txt`);
    const files = [...later(names.slice(0, 3), log), { name: 'scan.jpg', problem: 'scan.jpg was skipped: it is an image.' }, ...later(names.slice(3), log)];
    const storedWhenRead: number[] = [];
    const reading = files.map((file) =>
      'read' in file
        ? {
            name: file.name,
            read: async () => {
              storedWhenRead.push((await imported()).length);
              return file.read();
            },
          }
        : file,
    );
    const results = await client().importLater(reading, (done) => progress.push(done), { files: 2, bytes: 1 << 20 });
    expect(log).toEqual(names);
    // Nothing is stored while the parts arrive: all at the end, or none.
    expect(storedWhenRead.every((count) => count === 0)).toBe(true);
    expect(results.map((result) => result.fileName)).toEqual([...names.slice(0, 3), 'scan.jpg', ...names.slice(3)]);
    expect(results[3]).toEqual({ fileName: 'scan.jpg', ok: false, code: 'unreadable', message: 'scan.jpg was skipped: it is an image.' });
    expect(results.filter((result) => result.ok)).toHaveLength(7);
    expect((await imported()).map((d) => d.fileName).sort()).toEqual([...names].sort());
    expect(progress.at(-1)).toBe(8);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops at a cancel between parts, reads no further, and stores none of them; the next import works', async () => {
    const log: string[] = [];
    const importer = client();
    const files = later(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'], log);
    const running = importer.importLater(
      files,
      (done) => {
        if (done === 2) importer.cancel();
      },
      { files: 2, bytes: 1 << 20 },
    );
    await expect(running).rejects.toMatchObject({ name: 'CancelledError' });
    expect(log.length).toBeLessThan(5);
    expect(await imported()).toEqual([]);
    const next = await importer.importLater(later(['f.txt'], []));
    expect(next.map((result) => result.ok)).toEqual([true]);
    expect((await imported()).map((d) => d.fileName)).toEqual(['f.txt']);
  });

  it('reports a file whose read fails by its sentence, and imports the rest', async () => {
    const results = await client().importLater([
      {
        name: 'gone.pdf',
        read: () => Promise.reject(new Error('gone.pdf cannot be read (it may have been moved).')),
      },
      ...later(['here.txt'], []),
    ]);
    expect(results).toMatchObject([
      { fileName: 'gone.pdf', ok: false, code: 'unreadable', message: 'gone.pdf cannot be read (it may have been moved).' },
      { fileName: 'here.txt', ok: true },
    ]);
  });
});
