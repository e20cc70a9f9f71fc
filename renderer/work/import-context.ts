import type { LibraryDocument } from '../../shared/corpus/document';
import { bundledDocuments } from '../corpus';
import { db } from '../store/db';
import type { PalimpsestDb } from '../store/db';
import { currentDocuments } from '../store/documents';

/// What the import workers' handlers work on: the library's database and
/// its documents as they are now (revisions included), read afresh for
/// every file.
export interface ImportContext {
  db: PalimpsestDb;
  documents(): Promise<ReadonlyMap<string, LibraryDocument>>;
}

/// A worker's own context: its own connection to the library's IndexedDB
/// (Dexie tells the page's live queries of its writes).
export function workerContext(): ImportContext {
  const library = db();
  return { db: library, documents: () => currentDocuments(library, bundledDocuments()) };
}
