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
