import { textFingerprint } from '../document/fingerprint';
import type { Block } from '../document/model';
import { type SourceFormat, formatOfFile, parseSource } from '../document/parse';
import { DocText } from '../document/text';
import { type DocumentMeta, extractMetadata } from './metadata';
import { InvalidInput } from '../errors';

/// A document of the library: its source parsed once into blocks, its
/// canonical text and its metadata.
export interface LibraryDocument {
  /// Stable id: the file name without its extension.
  id: string;
  fileName: string;
  format: SourceFormat | 'html' | 'docx' | 'pdf';
  blocks: Block[];
  text: DocText;
  meta: DocumentMeta;
  fingerprint: string;
  /// Where the pages of the source begin, as offsets into the canonical
  /// text, with each page's label ("12"); empty where the source has no
  /// pages (a transcription, a web page).
  pages: PageStart[];
  /// Bundled with the app, or imported by the researcher.
  origin: 'bundled' | 'imported';
  /// The collection the researcher filed it in, if any.
  collection: string | null;
}

/// What whole-library work (a native or CSV export, a backup, a set file)
/// needs of a document besides its annotations: its description, its
/// text's fingerprint and where its pages begin, never the text itself.
export type DocumentInfo = Pick<LibraryDocument, 'id' | 'meta' | 'fingerprint' | 'pages'>;

/// Where a page of the source begins in the canonical text.
export interface PageStart {
  offset: number;
  label: string;
}

/// Reads a document from its file name and source text. A revision keeps
/// the id of the document it revises (`options.id`).
export function loadDocument(fileName: string, source: string, options: { id?: string } = {}): LibraryDocument {
  const id = options.id ?? documentIdOf(fileName);
  const format = formatOfFile(fileName);
  const blocks = parseSource(source, format);
  if (blocks.length === 0) throw new InvalidInput('$', `The document ${fileName} has no text.`);
  const text = new DocText(blocks);
  return {
    id,
    fileName,
    format,
    blocks,
    text,
    meta: extractMetadata(blocks),
    fingerprint: textFingerprint(text.text),
    pages: [],
    origin: 'bundled',
    collection: null,
  };
}

/// The id a file's document gets: its base name without extension.
export function documentIdOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '');
}
