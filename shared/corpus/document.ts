import { textFingerprint } from '../document/fingerprint';
import type { Block } from '../document/model';
import { type SourceFormat, formatOfFile, parseSource } from '../document/parse';
import { DocText } from '../document/text';
import { type DocumentMeta, extractMetadata } from './metadata';

/// A document of the library: its source parsed once into blocks, its
/// canonical text and its metadata.
export interface LibraryDocument {
  /// Stable id: the file name without its extension.
  id: string;
  fileName: string;
  format: SourceFormat;
  blocks: Block[];
  text: DocText;
  meta: DocumentMeta;
  fingerprint: string;
}

/// Reads a document from its file name and source text. A revision keeps
/// the id of the document it revises (`options.id`).
export function loadDocument(fileName: string, source: string, options: { id?: string } = {}): LibraryDocument {
  const id = options.id ?? documentIdOf(fileName);
  const format = formatOfFile(fileName);
  const blocks = parseSource(source, format);
  if (blocks.length === 0) throw new RangeError(`The document ${fileName} has no text.`);
  const text = new DocText(blocks);
  return { id, fileName, format, blocks, text, meta: extractMetadata(blocks), fingerprint: textFingerprint(text.text) };
}

/// The id a file's document gets: its base name without extension.
export function documentIdOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '');
}
