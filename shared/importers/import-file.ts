import type { Block } from '../document/model';
import { parseSource } from '../document/parse';
import { BlockLimitError, maxBlocks } from './block-builder';
import { decodeText } from './decode';
import { docxToHtml, openDocx } from './docx';
import { docxFileMeta } from './docx-meta';
import { ImportFileError, shownName } from './errors';
import type { FileMeta } from './file-meta';
import { type ImportFormat, importFormatOf } from './formats';
import { htmlToBlocks, parseHtml } from './html';
import { maxImportBytes } from './limits';
import { declaredCharset, htmlFileMeta } from './html-meta';
import type { CancelCheck } from './cancel';
import { readPdf } from './pdf';
import { pdfPagesToBlocks } from './pdf-layout';
import type { PdfJs } from './pdfjs';

/// A file turned into the document model, before it joins the library.
export interface ImportedFile {
  fileName: string;
  format: ImportFormat;
  blocks: Block[];
  /// Where each page starts, as offsets into the canonical text
  /// (`new DocText(blocks).text`), with the page's label: its printed
  /// number, or "1", "2"…. For PDFs; empty for formats without pages.
  pages: { offset: number; label: string }[];
  /// What the file says about itself in its properties (PDF info, Word core
  /// properties, HTML meta tags). Merge it over the text's metadata with
  /// mergeFileMeta.
  fileMeta: FileMeta;
  /// For text files (.txt, .md, .html): the encoding read, and whether it
  /// was detected rather than chosen. Null for .docx and .pdf.
  encoding: { name: string; detected: boolean } | null;
  /// What the researcher should know but that did not stop the import.
  warnings: string[];
}

/// Options of `importFile`; the loaders let the app supply its own build
/// of pdf.js or mammoth, and tests a stand-in.
export interface ImportOptions {
  /// The encoding of a text file, chosen by the person: overrides detection.
  encoding?: string;
  /// Loads pdf.js; by default its legacy build (see pdfjs.ts).
  loadPdfJs?: () => Promise<PdfJs>;
  /// Loads mammoth; by default `import('mammoth')`.
  loadMammoth?: () => Promise<unknown>;
  /// Asked between a PDF's pages: true stops the import (CancelledError).
  cancelled?: CancelCheck;
}

/// Turns a file's bytes into blocks, by the format its name gives: .txt
/// and .md through the same parsers as the bundled corpus, .html through
/// htmlparser2, .docx through mammoth, .pdf through pdf.js. Runs anywhere
/// (a Web Worker, Node): no DOM, no file system. Throws ImportFileError,
/// whose message names the file and says what to do, for a file that
/// cannot be imported.
export async function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedFile> {
  const format = checkImportable(fileName, bytes.byteLength);
  let imported: ImportedFile;
  try {
    imported = await importByFormat(fileName, format, bytes, options);
  } catch (error) {
    if (error instanceof BlockLimitError) throw tooManyBlocks(fileName);
    throw error;
  }
  if (imported.blocks.length === 0) throw noText(fileName, format);
  if (imported.blocks.length > maxBlocks) throw tooManyBlocks(fileName);
  return imported;
}

/// The format of a file about to be imported, from its name and size
/// alone, so a caller can refuse a file before reading it. Throws
/// ImportFileError 'unsupported', 'empty' or 'too-large'.
export function checkImportable(fileName: string, byteLength: number): ImportFormat {
  const name = shownName(fileName);
  const format = importFormatOf(fileName);
  if (byteLength === 0) throw new ImportFileError('empty', fileName, `${name} is empty: the file has no content at all.`);
  if (byteLength > maxImportBytes) {
    throw new ImportFileError(
      'too-large',
      fileName,
      `${name} is too large to import (${megabytes(byteLength)}; the limit is ${megabytes(maxImportBytes)}). Split it into smaller files and import those.`,
    );
  }
  return format;
}

async function importByFormat(fileName: string, format: ImportFormat, bytes: Uint8Array, options: ImportOptions): Promise<ImportedFile> {
  switch (format) {
    case 'plain':
    case 'markdown': {
      const decoded = decodeText(bytes, fileName, { encoding: options.encoding });
      if (decoded.text.trim() === '') throw new ImportFileError('empty', fileName, `${shownName(fileName)} is empty: it holds only blank space.`);
      const blocks = parseSource(decoded.text, format);
      return { fileName, format, blocks, pages: [], fileMeta: {}, encoding: decoded.encoding, warnings: decoded.warnings };
    }
    case 'html': {
      const decoded = decodeText(bytes, fileName, { encoding: options.encoding, declared: declaredCharset(bytes) });
      const document = parseHtml(decoded.text);
      const { blocks, warnings } = htmlToBlocks(document);
      return {
        fileName,
        format,
        blocks,
        pages: [],
        fileMeta: htmlFileMeta(document),
        encoding: decoded.encoding,
        warnings: [...decoded.warnings, ...warnings],
      };
    }
    case 'docx': {
      const { coreXml } = openDocx(bytes, fileName);
      const html = await docxToHtml(bytes, fileName, options.loadMammoth);
      const { blocks, warnings } = htmlToBlocks(parseHtml(html));
      return { fileName, format, blocks, pages: [], fileMeta: docxFileMeta(coreXml), encoding: null, warnings };
    }
    case 'pdf': {
      const content = await readPdf(bytes, fileName, options.loadPdfJs, options.cancelled);
      const layout = pdfPagesToBlocks(content.pages);
      // A page tree pdf.js could not walk (a loop) leaves no text for a
      // reason OCR cannot mend: the file is damaged, not a scan.
      if (layout.blocks.length === 0 && content.damagedPages.length > 0) throw damagedPdf(fileName);
      const warnings: string[] = [];
      if (content.damagedPages.length > 0) {
        const labels = content.damagedPages.map((page) => layout.pages[page - 1]!.label);
        warnings.push(
          `${labels.length === 1 ? `Page ${labels[0]} is` : `Pages ${listed(labels)} are`} missing: the PDF is damaged there (its list of pages cannot be read). If it opens whole in a PDF reader, save a new copy from there and import that.`,
        );
      }
      const empty = layout.emptyPages.filter((page) => !content.damagedPages.includes(page));
      if (layout.blocks.length > 0 && empty.length > 0) {
        const labels = empty.map((page) => layout.pages[page - 1]!.label);
        warnings.push(
          `${labels.length === 1 ? `Page ${labels[0]} has` : `Pages ${listed(labels)} have`} no text layer (scanned images only), so ${labels.length === 1 ? 'its' : 'their'} text is missing. Run OCR on the PDF to include ${labels.length === 1 ? 'it' : 'them'}.`,
        );
      }
      return { fileName, format, blocks: layout.blocks, pages: layout.pages, fileMeta: content.meta, encoding: null, warnings };
    }
  }
}

function tooManyBlocks(fileName: string): ImportFileError {
  return new ImportFileError(
    'too-large',
    fileName,
    `${shownName(fileName)} was refused: its text makes more than ${maxBlocks.toLocaleString('en')} paragraphs, the most one document may have. Split it into smaller files and import those.`,
  );
}

function damagedPdf(fileName: string): ImportFileError {
  return new ImportFileError(
    'corrupt',
    fileName,
    `${shownName(fileName)} is damaged: its list of pages cannot be read (it loops back on itself or is broken), so no page of it can be found. If it opens in a PDF reader, save a new copy from there and import that.`,
  );
}

function noText(fileName: string, format: ImportFormat): ImportFileError {
  const name = shownName(fileName);
  if (format === 'pdf') {
    return new ImportFileError(
      'no-text',
      fileName,
      `${name} has no text layer: it is an image-only PDF, such as a scan. Run OCR on it first, then import the result.`,
    );
  }
  return new ImportFileError('no-text', fileName, `${name} has no text to import: once its markup is set aside, nothing is left to read.`);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
