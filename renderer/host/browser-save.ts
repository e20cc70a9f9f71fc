import type { FileFilter } from '../../shared/ipc/api';
import { messageOf } from '../../shared/errors';
import { HostError, type SavePiece } from './host';

/// A large file saved from a browser, piece by piece. Where the File System
/// Access API is (Chromium, Edge), the browser's own save picker, then a
/// writable stream each piece is written into as it is made: Chromium
/// writes to a swap file beside the chosen one and moves it into place only
/// when the stream closes, so a failure (`abort`) leaves no half file. Elsewhere
/// (Firefox, Safari) a download: the pieces are gathered into a Blob first,
/// which holds all of them in memory (as parts, never as one string) until
/// the download starts.

/// What `showSaveFilePicker` offers, as far as this file uses it.
type SavePicker = (options: { suggestedName: string; types?: { description: string; accept: Record<string, string[]> }[] }) => Promise<{
  createWritable(): Promise<{ write(data: SavePiece): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
}>;

/// Saves `pieces()` as `defaultName` through the picker, or as a download;
/// false when the user cancels the picker.
export async function saveStreamInBrowser(
  doc: Document,
  defaultName: string,
  filters: FileFilter[],
  pieces: () => AsyncIterable<SavePiece> | Promise<AsyncIterable<SavePiece>>,
): Promise<boolean> {
  const picker = (doc.defaultView as unknown as { showSaveFilePicker?: SavePicker } | null)?.showSaveFilePicker;
  if (!picker) {
    const parts: SavePiece[] = [];
    for await (const piece of await pieces()) parts.push(piece);
    download(doc, defaultName, parts);
    return true;
  }
  let writable: Awaited<ReturnType<Awaited<ReturnType<SavePicker>>['createWritable']>>;
  try {
    const handle = await picker.call(doc.defaultView, { suggestedName: defaultName, types: typesOf(filters) });
    writable = await handle.createWritable();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return false;
    throw new HostError(`${defaultName} could not be saved: ${messageOf(error)}`);
  }
  try {
    for await (const piece of await pieces()) await writable.write(piece);
    await writable.close();
    return true;
  } catch (error) {
    await writable.abort().catch(() => {});
    throw error;
  }
}

/// Offers `parts` as a download named `name`.
export function download(doc: Document, name: string, parts: readonly SavePiece[]): void {
  const type = parts.every((part) => typeof part === 'string') ? 'text/plain;charset=utf-8' : 'application/octet-stream';
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// The picker's file types: a type the browser knows by each filter's
// extensions (it refuses an unknown MIME type).
function typesOf(filters: FileFilter[]): { description: string; accept: Record<string, string[]> }[] {
  const mime: Record<string, string> = { json: 'application/json', jsonld: 'application/ld+json', csv: 'text/csv', qdpx: 'application/zip' };
  return filters
    .filter((filter) => filter.extensions.every((extension) => extension !== '*'))
    .map((filter) => ({
      description: filter.name,
      accept: { [mime[filter.extensions[0]!] ?? 'application/octet-stream']: filter.extensions.map((extension) => `.${extension}`) },
    }));
}
