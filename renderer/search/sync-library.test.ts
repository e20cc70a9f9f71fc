import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { libraryAsShipped } from '../store/test-support/old-schemas';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../shared/importers/import-file';
import { corpusText } from '../../shared/importers/test-support/sources';
import { loadCorpus } from '../../shared/test-support/corpus';
import { DocumentsRepository } from '../data/documents';
import { PalimpsestDb } from '../store/db';
import { documentRowOf } from '../store/documents';
import { mainThreadPort } from '../work/ports';
import { IndexDb, PersistentIndex } from './index-store';
import { SearchClient } from './search-client';
import { createSearchHandler } from './search-handler';
import { syncLibrary } from './sync-library';

const corpus = loadCorpus();
const time = '2026-12-01T10:00:00.000Z';

/// A library as version 6 left it (no listing rows), with its schema as
/// it shipped, holding one imported document.
async function versionSixLibrary(name: string): Promise<string> {
  const db = libraryAsShipped(name, 6);
  const row = documentRowOf(
    await importFile('memo-copy.txt', new TextEncoder().encode(corpusText('czechoslovak-memorandum-ri-song-un-1962.txt'))),
    new Set(corpus.keys()),
    new Date(time),
  );
  await db.table('documents').add(row);
  db.close();
  return row.id;
}

/// A search index as the first kept version wrote it: one segment row per
/// document, no lexicons; this one of a document the library no longer has.
async function versionOneIndex(name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores({ segments: 'id' });
  await db.table('segments').add({
    id: 'gone',
    revision: 'r',
    text: 'Zhivkov',
    words: ['zhivkov'],
    terms: Int32Array.of(0),
    starts: Int32Array.of(0),
    ends: Int32Array.of(7),
    paragraphStarts: new Int32Array(0),
  });
  db.close();
}

/// One launch of the app's library and search: the list read, the index
/// synced, and what the worker was sent.
async function launch(library: string, index: string): Promise<{ search: SearchClient; documents: DocumentsRepository; sent: string[]; close(): void }> {
  const db = new PalimpsestDb(library);
  const documents = new DocumentsRepository(db, corpus);
  await new Promise<void>((resolve) => {
    const stop = documents.subscribe(() => {
      if (!documents.isLoaded()) return;
      stop();
      resolve();
    });
  });
  const port = mainThreadPort(createSearchHandler(new PersistentIndex(new IndexDb(index))), { serial: true });
  const sent: string[] = [];
  const post = port.postMessage.bind(port);
  port.postMessage = (message) => {
    if ('method' in message && message.method === 'index') sent.push(...(message.request as { documents: { id: string }[] }).documents.map((d) => d.id));
    post(message);
  };
  const search = new SearchClient(port);
  await syncLibrary(search, documents);
  return { search, documents, sent, close: () => (search.dispose(), db.close()) };
}

describe('moving a library to the kept search index', () => {
  it('indexes every document of a library from before, once, and finds the same after the next launch', async () => {
    const library = 'migrate-search-library';
    const index = 'migrate-search-index';
    const imported = await versionSixLibrary(library);
    await versionOneIndex(index);

    const first = await launch(library, index);
    // The bundled five and the imported memo, each read and sent once; the
    // old index's segments were dropped with its schema.
    expect(first.sent.sort()).toEqual([...corpus.keys(), imported].sort());
    const memo = await first.search.search('"Ri Song Un"', { limit: 10 });
    expect(memo.documents.map((d) => d.documentId)).toContain(imported);
    expect((await first.search.search('zhivkov', { limit: 10 })).documents.map((d) => d.documentId)).not.toContain('gone');
    const before = await first.search.search('dvorak', { limit: 10 });
    first.close();

    const second = await launch(library, index);
    expect(second.sent).toEqual([]);
    expect(await second.search.search('dvorak', { limit: 10 })).toEqual(before);
    second.close();
    await Dexie.delete(library);
    await Dexie.delete(index);
  });
});
