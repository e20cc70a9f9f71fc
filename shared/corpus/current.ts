import type { Block } from '../document/model';
import { DocText } from '../document/text';
import { type LibraryDocument, type PageStart, loadDocument } from './document';
import { type DocumentMeta, markGuessedDate } from './metadata';

/// A document the researcher imported, as the library stores it and a
/// whole-library file carries it: its text parsed once into blocks.
export interface StoredDocument {
  id: string;
  fileName: string;
  format: LibraryDocument['format'];
  blocks: Block[];
  pages: PageStart[];
  meta: DocumentMeta;
  fingerprint: string;
}

/// A corrected transcription of a document: its source, parsed again.
export interface StoredRevision {
  fileName: string;
  source: string;
}

/// A document as the reader takes it, before the researcher's edits: an
/// import (`row`) or a bundled document (`bundled`), at its latest
/// revision if it has one. A revision replaces the text; what an imported
/// document is (its description) stays as it was. The app and the command
/// line read a library's and a file's documents through this one rule.
export function currentOf(row: StoredDocument | null, bundled: LibraryDocument | null, revision: StoredRevision | undefined): LibraryDocument {
  const before: LibraryDocument | null = row
    ? {
        id: row.id,
        fileName: row.fileName,
        format: row.format,
        blocks: row.blocks,
        text: new DocText(row.blocks),
        meta: markGuessedDate(row.meta, row.blocks),
        fingerprint: row.fingerprint,
        pages: row.pages,
        origin: 'imported',
        collection: null,
      }
    : bundled;
  if (!before) throw new RangeError('currentOf needs a stored row or a bundled document to read.');
  if (!revision) return before;
  const revised = loadDocument(revision.fileName, revision.source, { id: before.id });
  return { ...revised, meta: before.origin === 'imported' ? before.meta : revised.meta, origin: before.origin, pages: [] };
}
