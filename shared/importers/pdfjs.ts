/// <reference path="./pdfjs-worker.d.ts" />

/// The part of pdf.js (pdfjs-dist) the import uses, typed here so that the
/// rest of shared/ never sees pdf.js's own typings, which name DOM types.
export interface PdfJs {
  getDocument(source: PdfSource): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

/// What `getDocument` is given: the bytes, and no eval, system fonts,
/// font loading or fetching, none of which text extraction needs.
export interface PdfSource {
  data: Uint8Array;
  isEvalSupported: boolean;
  useSystemFonts: boolean;
  disableFontFace: boolean;
  useWorkerFetch: boolean;
  verbosity: number;
}

/// An open PDF: its pages (from 1), properties and page labels.
export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info: Record<string, unknown>; metadata: { get(name: string): unknown } | null }>;
  getPageLabels(): Promise<string[] | null>;
  destroy(): Promise<void>;
}

/// A page, for its text layer; `cleanup` frees what reading it cached.
/// `ref` is the page's object in the file; pdf.js gives null for a blank
/// stand-in it makes where the file's page tree cannot be read (a loop, a
/// missing page).
export interface PdfPage {
  readonly ref?: { num: number; gen: number } | null;
  getTextContent(): Promise<{ items: (PdfJsTextItem | { type: string })[] }>;
  cleanup(): void;
}

/// A run of text in pdf.js's text content (marked-content entries aside).
export interface PdfJsTextItem {
  str: string;
  /// [a, b, c, d, x, y]: the text's matrix; x and y are where it starts.
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/// Loads pdf.js: the legacy build, the one that runs both in Node (tests,
/// the command line) and in a browser or Web Worker. pdf.js would start a
/// worker of its own; the import already runs in one, so its worker module
/// is loaded alongside and run on the same thread.
export async function loadPdfJs(): Promise<PdfJs> {
  const [pdfjs] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  return pdfjs as unknown as PdfJs;
}
