import { describe, expect, it } from 'vitest';
import { CancelledError } from './cancel';
import { ImportFileError } from './errors';
import { importFile } from './import-file';
import { readPdf } from './pdf';
import { manyPagesPdf } from './test-support/many-pages-pdf';
import type { PdfDocument, PdfJs, PdfJsTextItem } from './pdfjs';

const run = (str: string, x: number, y: number, transform?: number[]): PdfJsTextItem => ({
  str,
  transform: transform ?? [10, 0, 0, 10, x, y],
  width: str.length * 5,
  height: 10,
  hasEOL: true,
});

/// A stand-in for pdf.js: two pages, a rotated watermark, page labels and
/// an info dictionary as a word processor writes it.
function fakePdfJs(destroyed: string[]): () => Promise<PdfJs> {
  const pages = [
    [run('Report on the Stance of the DPRK towards Albania.', 72, 700), { type: 'beginMarkedContent' }, run('DRAFT', 200, 400, [7, 7, -7, 7, 200, 400])],
    [run('Tirana, 16 January 1967.', 72, 700)],
  ];
  const document: PdfDocument = {
    numPages: 2,
    getPage: async (n) => ({ getTextContent: async () => ({ items: pages[n - 1]! }), cleanup: () => {} }),
    getMetadata: async () => ({
      info: { Title: 'Microsoft Word - report.doc', Author: 'Mehmet Shehu', CreationDate: "D:19670116120000+01'00'" },
      metadata: { get: (name) => (name === 'dc:title' ? 'Report on the Stance of the DPRK' : null) },
    }),
    getPageLabels: async () => ['i', 'ii'],
    destroy: async () => {
      destroyed.push('document');
    },
  };
  return async () => ({ getDocument: () => ({ promise: Promise.resolve(document), destroy: async () => {} }) });
}

describe('reading a PDF through pdf.js', () => {
  it('takes each page’s text, leaves rotated text out, keeps page labels, and closes the document', async () => {
    const destroyed: string[] = [];
    const content = await readPdf(new TextEncoder().encode('%PDF-1.7\n'), 'report.pdf', fakePdfJs(destroyed));
    expect(content.pages.map((page) => [page.label, page.items.map((item) => item.str)])).toEqual([
      ['i', ['Report on the Stance of the DPRK towards Albania.']],
      ['ii', ['Tirana, 16 January 1967.']],
    ]);
    expect(content.pages[0]!.items[0]).toEqual({
      str: 'Report on the Stance of the DPRK towards Albania.',
      x: 72,
      y: 700,
      width: 245,
      height: 10,
      hasEOL: true,
    });
    expect(destroyed).toEqual(['document']);
  });

  it('prefers the XMP title to a word processor’s placeholder, and offers the PDF’s creation date as a guess', async () => {
    const content = await readPdf(new TextEncoder().encode('%PDF-1.7\n'), 'report.pdf', fakePdfJs([]));
    expect(content.meta).toEqual({
      title: 'Report on the Stance of the DPRK',
      authors: ['Mehmet Shehu'],
      date: { start: { year: 1967, month: 1, day: 16 }, guessed: true },
    });
  });

  it('refuses a file that does not start as a PDF before loading pdf.js', async () => {
    let loaded = false;
    const load = async (): Promise<PdfJs> => {
      loaded = true;
      throw new Error('not reached');
    };
    await expect(readPdf(new TextEncoder().encode('PK\u0003\u0004'), 'memo.pdf', load)).rejects.toMatchObject({ code: 'corrupt' });
    expect(loaded).toBe(false);
  });
});

describe('PDFs of very many pages', () => {
  it('refuses a 50,000-page PDF at once, before reading a page, saying how many pages it may have', async () => {
    const bytes = manyPagesPdf(50_000);
    expect(bytes.byteLength).toBeLessThan(400_000);
    const started = Date.now();
    const refusal = await importFile('ledger.pdf', bytes).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportFileError);
    expect(refusal).toMatchObject({
      code: 'too-large',
      message: `ledger.pdf has 50,000 pages; Palimpsest imports PDFs of up to 5,000 pages. Split it into smaller files (a PDF reader can print or save a range of pages) and import those.`,
    });
    // Bounded: nothing near the minutes it ran before (no timing target).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('reads the same generated PDF when it has a page, so the refusal above is the page count’s', async () => {
    const imported = await importFile('ledger.pdf', manyPagesPdf(1));
    expect(imported.pages).toHaveLength(1);
    expect(imported.blocks.map((block) => block.spans.map((span) => span.text).join(''))).toEqual(['Page text']);
  });

  it('stops between pages when cancelled, with CancelledError', async () => {
    let asked = 0;
    await expect(importFile('ledger.pdf', manyPagesPdf(200), { cancelled: () => ++asked > 3 })).rejects.toBeInstanceOf(CancelledError);
    expect(asked).toBe(4);
  });
});
