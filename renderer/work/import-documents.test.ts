import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../shared/test-support/corpus';
import { currentDocuments } from '../store/documents';
import { PalimpsestDb } from '../store/db';
import { ImportClient, mainThreadImportPort } from './import-client';

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
const client = () => new ImportClient(mainThreadImportPort({ db, documents: async () => currentDocuments(db, corpus) }));
const imported = async () => [...(await currentDocuments(db, corpus)).values()].filter((d) => d.origin === 'imported');

describe('document import with names that are also Object.prototype’s', () => {
  it('refuses extensions such as .constructor and .__proto__ as unsupported, naming the file, and stores nothing of them', async () => {
    const names = ['report.constructor', 'notes.__proto__', 'memo.toString', 'list.hasOwnProperty', 'letter.valueOf'];
    const results = await client().importDocuments(names.map((name) => ({ name, bytes: bytesOf('Some text.') })));
    for (const [i, result] of results.entries()) {
      expect(result).toMatchObject({ fileName: names[i], ok: false, code: 'unsupported' });
      expect(!result.ok && result.message).toContain(`${names[i]} cannot be imported`);
    }
    expect(await imported()).toEqual([]);
  });

  it('imports files named constructor.txt, __proto__.md and toString.html, and tags named so inside them are text', async () => {
    const results = await client().importDocuments([
      { name: 'constructor.txt', bytes: bytesOf('The first memorandum.') },
      { name: '__proto__.md', bytes: bytesOf('# Notes\n\nA <constructor>claim</constructor> and <b>bold</b> words.') },
      { name: 'toString.html', bytes: bytesOf('<html><body><p>A <constructor>report</constructor> of <hasOwnProperty>1962</hasOwnProperty>.</p></body></html>') },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const documents = await imported();
    expect(documents.map((d) => d.fileName).sort()).toEqual(['__proto__.md', 'constructor.txt', 'toString.html']);
    expect(documents.find((d) => d.fileName === 'toString.html')!.text.text).toContain('A report of 1962.');
    const markdown = documents.find((d) => d.fileName === '__proto__.md')!;
    expect(markdown.text.text).toContain('bold words');
  });
});
