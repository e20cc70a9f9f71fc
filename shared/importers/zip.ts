import { Inflate, strFromU8 } from 'fflate';
import { ImportFileError, shownName } from './errors';

/// How much a zip (a .docx, a .qdpx) may hold once inflated. A small zip
/// can inflate a thousandfold (a 1 MB .docx to 300 MB of XML), so the
/// limits count the bytes actually inflated, never the sizes the zip
/// declares, and reading stops as soon as one is passed.
export interface ZipLimits {
  /// Entries in the zip's directory.
  entries: number;
  /// Inflated bytes of all entries together.
  totalBytes: number;
  /// Inflated bytes of one entry, by its name.
  entryBytes: (name: string) => number;
}

/// One entry of a zip as its central directory describes it.
interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  headerOffset: number;
}

// Input is fed to the inflater in slices this size: deflate inflates at
// most about 1032 to 1, so one step makes at most ~33 MB however hostile
// the data, and the count is checked after every step. (Smaller slices
// cost fflate far more time: 8 KB ones inflate six times slower.)
const step = 32 * 1024;

/// Reads a zip's entries within `limits`: every entry is inflated (and its
/// size counted) as a stream, but only those `keep` accepts are kept, so
/// checking a zip whose pictures another library will read costs no memory.
/// Throws ImportFileError 'too-large' naming the file and the limit passed,
/// and 'corrupt' for what is not a zip or is damaged.
export function readZip(bytes: Uint8Array, fileName: string, limits: ZipLimits, keep: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  const entries = directory(bytes, fileName, limits);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const dataStart = dataOffset(bytes, entry, fileName);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (data.length < entry.compressedSize) throw damaged(fileName);
    const entryLimit = limits.entryBytes(entry.name);
    const chunks: Uint8Array[] | null = keep(entry.name) ? [] : null;
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      total += chunk.length;
      if (size > entryLimit) throw tooLarge(fileName, `its part “${entry.name}” inflates to more than ${megabytes(entryLimit)}`);
      if (total > limits.totalBytes) throw tooLarge(fileName, `its contents inflate to more than ${megabytes(limits.totalBytes)}`);
      chunks?.push(chunk);
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += step) take(data.subarray(i, i + step));
    } else if (entry.method === 8) {
      let ended = false;
      const inflate = new Inflate((chunk, final) => {
        take(chunk);
        if (final) ended = true;
      });
      try {
        for (let i = 0; i < data.length && !ended; i += step) inflate.push(data.subarray(i, Math.min(i + step, data.length)), i + step >= data.length);
      } catch (error) {
        if (error instanceof ImportFileError) throw error;
        throw damaged(fileName);
      }
      if (!ended && data.length > 0) throw damaged(fileName);
    } else {
      throw new ImportFileError(
        'corrupt',
        fileName,
        `${shownName(fileName)} uses a kind of zip compression (method ${entry.method}) that cannot be read. Save it again from the program that made it, then import it.`,
      );
    }
    if (chunks) out.set(entry.name, join(chunks, size));
  }
  return out;
}

/// The entry names of a zip, read from its central directory without
/// inflating anything (within `limits.entries`).
export function zipEntryNames(bytes: Uint8Array, fileName: string, limits: Pick<ZipLimits, 'entries'>): string[] {
  return directory(bytes, fileName, limits).map((e) => e.name);
}

function directory(bytes: Uint8Array, fileName: string, limits: Pick<ZipLimits, 'entries'>): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ImportFileError(
      'unsupported',
      fileName,
      `${shownName(fileName)} is a ZIP64 archive, which is not supported: it is larger than a document or project file should be. Split it, then import the parts.`,
    );
  }
  if (count > limits.entries) throw tooLarge(fileName, `it holds ${count} files (the limit is ${limits.entries})`);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw damaged(fileName);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      // Names are UTF-8 (flag 11) or, in old zips, CP437: readable for ASCII.
      name: strFromU8(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      headerOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function dataOffset(bytes: Uint8Array, entry: Entry, fileName: string): number {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length) throw damaged(fileName);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) throw damaged(fileName);
  if (entry.flags & 1)
    throw new ImportFileError('encrypted', fileName, `${shownName(fileName)} is protected with a password. Save it again without one, then import it.`);
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function damaged(fileName: string): ImportFileError {
  return new ImportFileError(
    'corrupt',
    fileName,
    `${shownName(fileName)} is damaged or is not a zip file, so it cannot be opened. Save it again from the program that made it, then import it.`,
  );
}

function tooLarge(fileName: string, what: string): ImportFileError {
  return new ImportFileError(
    'too-large',
    fileName,
    `${shownName(fileName)} was refused: ${what}, more than a real document needs, so it may be a “zip bomb”. Nothing was imported.`,
  );
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
