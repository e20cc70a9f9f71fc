import { scoreLegacyEncodings, legacyEncodings } from '../../../../shared/importers/encoding-guess';
import type { FileFilter } from '../../../../shared/ipc/api';
import type { PickedFile } from '../../../host/host';
import type { DocumentFileResult } from '../../../work/import-protocol';

/// The files the document import offers in its dialog.
export const documentFilters: FileFilter[] = [
  { name: 'Documents (text, Markdown, HTML, Word, PDF)', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] },
];

const formatNames: Record<string, string> = { plain: 'Plain text', markdown: 'Markdown', html: 'HTML', docx: 'Word', pdf: 'PDF' };

/// A format as the results name it: "PDF", "Word", "Plain text".
export function formatName(format: string): string {
  return formatNames[format] ?? format;
}

/// What a stored file was found to be, in one line: "PDF · 3 pages",
/// "Plain text · windows-1251, detected".
export function describeImported(result: Extract<DocumentFileResult, { ok: true }>): string {
  const parts = [formatName(result.format)];
  if (result.pages > 0) parts.push(`${result.pages} page${result.pages === 1 ? '' : 's'}`);
  if (result.encoding) parts.push(`${result.encoding.name}, ${result.encoding.detected ? 'detected' : 'chosen'}`);
  return parts.join(' · ');
}

/// The encodings offered for a text whose encoding could not be told: the
/// likeliest for its bytes first, then every other legacy encoding and
/// Unicode's, each once.
export function encodingChoices(bytes: ArrayBuffer): string[] {
  // The same scoring the importer ran: its three best are its candidates.
  const candidates = scoreLegacyEncodings(new Uint8Array(bytes))
    .slice(0, 3)
    .map((score) => score.encoding);
  return [...new Set<string>([...candidates, ...legacyEncodings, 'utf-8', 'utf-16le', 'utf-16be'])];
}

/// The results of an import in the order the files were picked: the
/// worker's for the files it read, and a failure for each whose bytes were
/// never read (too large, unreadable).
export function mergeResults(picked: readonly PickedFile[], read: readonly DocumentFileResult[]): DocumentFileResult[] {
  if (read.length !== picked.filter((file) => 'bytes' in file).length) {
    throw new RangeError(`The import reported ${read.length} files, but ${picked.filter((file) => 'bytes' in file).length} were sent to it.`);
  }
  let next = 0;
  return picked.map((file) => ('bytes' in file ? read[next++]! : { fileName: file.name, ok: false, code: 'unreadable', message: file.problem }));
}

/// The places in `results` of those the results dialog lists: every
/// one, or with `onlyFailed` those not imported, in the order picked.
export function resultsShown(results: readonly DocumentFileResult[], onlyFailed: boolean): number[] {
  const shown: number[] = [];
  results.forEach((result, index) => {
    if (!onlyFailed || !result.ok) shown.push(index);
  });
  return shown;
}

/// The notice after an import: how many files came in, how many did not.
export function importSummary(results: readonly DocumentFileResult[]): string {
  const stored = results.filter((result) => result.ok).length;
  const failed = results.length - stored;
  // Counted as the library counts (1,000), not 1000.
  const documents = `${stored.toLocaleString('en')} document${stored === 1 ? '' : 's'}`;
  if (failed === 0) return `Imported ${documents}.`;
  return `Imported ${documents}; ${failed.toLocaleString('en')} file${failed === 1 ? '' : 's'} could not be imported (see the results).`;
}
