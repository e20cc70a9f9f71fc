import { type CancelCheck, checkCancelled } from './cancel';
import { ImportFileError, shownName } from './errors';
import { type FileMeta, dateSpanOf, isJunkAuthor, isJunkTitle } from './file-meta';
import type { PdfPageText, PdfTextItem } from './pdf-layout';
import { type PdfJs, type PdfJsTextItem, loadPdfJs } from './pdfjs';

/// What a PDF holds for the import: each page's text items, and the
/// document's own properties.
export interface PdfContent {
  pages: PdfPageText[];
  meta: FileMeta;
  /// Pages (from 1) that pdf.js could not find in the file's damaged page
  /// tree and stood in for with a blank page.
  damagedPages: number[];
}

/// The most pages a PDF may have. Reading a page's text takes pdf.js some
/// milliseconds, and a 50,000-page file (a few hundred KB of repeated empty
/// pages) ran for minutes; books and archival files stay well under this.
export const maxPdfPages = 5000;

/// Reads a PDF's text layer page by page with pdf.js (`load` gives the
/// library; tests and the app may pass their own). Throws ImportFileError
/// 'encrypted' for a PDF that needs a password to open, 'corrupt' for one
/// pdf.js cannot read, 'too-large' for one of more than `maxPdfPages`
/// pages (before reading any); CancelledError when `cancelled` says so
/// between pages.
export async function readPdf(bytes: Uint8Array, fileName: string, load: () => Promise<PdfJs> = loadPdfJs, cancelled?: CancelCheck): Promise<PdfContent> {
  const name = shownName(fileName);
  // A PDF starts with "%PDF-", give or take some bytes of junk before it.
  if (!/%PDF-/.test(latin1(bytes.subarray(0, 1024)))) {
    throw new ImportFileError('corrupt', fileName, `${name} is not a PDF: it does not start as a PDF file does. Check that you chose the right file.`);
  }
  const pdfjs = await load();
  // pdf.js takes the bytes over (it detaches their buffer), so it gets a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new ImportFileError(
        'encrypted',
        fileName,
        `${name} is protected with a password. Open it in a PDF reader with the password, save or print a copy without one, and import that.`,
      );
    }
    throw new ImportFileError(
      'corrupt',
      fileName,
      `${name} is damaged and cannot be read as a PDF. If it opens in a PDF reader, save a new copy from there and import that.`,
    );
  }
  try {
    if (document.numPages > maxPdfPages) {
      throw new ImportFileError(
        'too-large',
        fileName,
        `${name} has ${document.numPages.toLocaleString('en-GB')} pages; Palimpsest imports PDFs of up to ${maxPdfPages.toLocaleString('en-GB')} pages. Split it into smaller files (a PDF reader can print or save a range of pages) and import those.`,
      );
    }
    const labels = await document.getPageLabels().catch(() => null);
    const pages: PdfPageText[] = [];
    const damagedPages: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      await checkCancelled(cancelled);
      const page = await document.getPage(number);
      if (page.ref === null) damagedPages.push(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is PdfJsTextItem => 'str' in item).flatMap(textItem);
      pages.push(labels?.[number - 1] ? { items, label: labels[number - 1]! } : { items });
      page.cleanup();
    }
    const metadata = await document.getMetadata().catch(() => null);
    return { pages, meta: metadata ? pdfFileMeta(metadata.info, metadata.metadata) : {}, damagedPages };
  } finally {
    await document.destroy();
  }
}

/// One pdf.js text item as the layout takes it; none for text that is
/// rotated (stamps, marginal notes, watermarks), which is not running text.
function textItem(item: PdfJsTextItem): PdfTextItem[] {
  const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform;
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) return [];
  return [{ str: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d), hasEOL: item.hasEOL }];
}

/// The document information dictionary (Title, Author, CreationDate) and,
/// where the info has none, the XMP metadata's dc:title, dc:creator and
/// xmp:CreateDate. Titles that programs write ("Microsoft Word - memo.doc")
/// and account names are dropped.
export function pdfFileMeta(info: Record<string, unknown>, xmp: { get(name: string): unknown } | null): FileMeta {
  const text = (value: unknown): string =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('; ') : '';
  const meta: FileMeta = {};
  const title = [text(info.Title), text(xmp?.get('dc:title'))].find((value) => value && !isJunkTitle(value));
  if (title) meta.title = title;
  const authors = (text(info.Author) || text(xmp?.get('dc:creator'))).split(/\s*;\s*/).filter((author) => author && !isJunkAuthor(author));
  if (authors.length > 0) meta.authors = authors;
  // When the file was made (a scan's day, an export's), not when its text
  // was written: offered as a guess, shown with a question mark until the
  // researcher confirms it.
  const date = dateSpanOf(text(info.CreationDate)) ?? dateSpanOf(text(xmp?.get('xmp:createdate')));
  if (date) meta.date = { ...date, guessed: true };
  const summary = text(info.Subject) || text(xmp?.get('dc:description'));
  if (summary) meta.summary = summary;
  return meta;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
