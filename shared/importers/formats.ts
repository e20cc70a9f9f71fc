import { ImportFileError, shownName } from './errors';

/// The file formats a researcher can import as a document.
export type ImportFormat = 'plain' | 'markdown' | 'html' | 'docx' | 'pdf';

// Maps, not plain objects: an extension is the user's string, and
// "report.constructor" must not find Object.prototype.constructor.
const byExtension = new Map<string, ImportFormat>(
  Object.entries({
    txt: 'plain',
    text: 'plain',
    md: 'markdown',
    markdown: 'markdown',
    html: 'html',
    htm: 'html',
    xhtml: 'html',
    docx: 'docx',
    pdf: 'pdf',
  }),
);

// Formats people often have and what to do with each, so the refusal says
// more than "unsupported".
const advice = new Map<string, string>(
  Object.entries({
    doc: 'it is an old Word (.doc) file. Open it in Word or LibreOffice, save it as .docx, and import that',
    rtf: 'Rich Text Format is not supported. Open it in Word or LibreOffice, save it as .docx, and import that',
    odt: 'OpenDocument text is not supported. Open it in LibreOffice, save it as .docx, and import that',
    pages: 'Pages documents are not supported. Export it from Pages as Word (.docx) or PDF, and import that',
    epub: 'e-books are not supported. Import the chapter as HTML, Word (.docx) or PDF instead',
    jpg: 'it is an image. Run OCR on it first, then import the resulting text or PDF',
    jpeg: 'it is an image. Run OCR on it first, then import the resulting text or PDF',
    png: 'it is an image. Run OCR on it first, then import the resulting text or PDF',
    tif: 'it is an image. Run OCR on it first, then import the resulting text or PDF',
    tiff: 'it is an image. Run OCR on it first, then import the resulting text or PDF',
  }),
);

/// The extension of a file name, lower case, without the dot ("" for none).
export function extensionOf(fileName: string): string {
  const base = shownName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/// The format a file's name says it is, or null for a name the library
/// does not import (see `importFormatOf`, which says why).
export function knownFormatOf(fileName: string): ImportFormat | null {
  return byExtension.get(extensionOf(fileName)) ?? null;
}

/// The format a file's name says it is. Throws an ImportFileError
/// ('unsupported') for any other extension, with advice where there is some.
export function importFormatOf(fileName: string): ImportFormat {
  const format = knownFormatOf(fileName);
  if (format) return format;
  const extension = extensionOf(fileName);
  const name = shownName(fileName);
  const why = advice.get(extension) ?? (extension ? `.${extension} files cannot be imported` : 'it has no extension, so its format is unknown');
  throw new ImportFileError('unsupported', fileName, `${name} cannot be imported: ${why}. Palimpsest imports .txt, .md, .html, .docx and .pdf files.`);
}
