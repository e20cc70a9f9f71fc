import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type LibraryDocument, loadDocument } from '../corpus/document';

/// The bundled corpus, read from disk for tests the way the app reads it.
export const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');

export function loadCorpus(): Map<string, LibraryDocument> {
  const documents = new Map<string, LibraryDocument>();
  for (const fileName of readdirSync(corpusDir).sort()) {
    const document = loadDocument(fileName, readFileSync(join(corpusDir, fileName), 'utf8'));
    documents.set(document.id, document);
  }
  return documents;
}

/// Ids of the five seed documents, by what they are.
export const seedIds = {
  foBrief: 'fo-brief-sino-soviet-relations-and-albania-1962',
  article: 'edemskiy-final-break-moscow-tirana-balcanica-2019',
  listing: 'archive-search-khrushchev-albania',
  albanianReport: 'albanian-report-dprk-stance-1967',
  czechMemo: 'czechoslovak-memorandum-ri-song-un-1962',
} as const;

export function seed(documents: Map<string, LibraryDocument>, id: string): LibraryDocument {
  const document = documents.get(id);
  if (!document) throw new Error(`The seed ${id} is missing from corpus/.`);
  return document;
}
