import { deflateRawSync, constants } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

/// One entry of a generated zip: `repeat` copies of `chunk`, deflated once
/// and repeated as compressed blocks, so a test can make a "zip bomb" (a
/// few hundred KB that inflate to hundreds of MB) at once, without ever
/// holding the inflated bytes.
export interface BombEntry {
  name: string;
  chunk: Uint8Array | string;
  repeat?: number;
}

/// A zip of deflated entries whose sizes say what they really hold (CRCs
/// are left 0: the readers under test refuse before any check of them).
export function zipOf(entries: readonly BombEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const chunk = typeof entry.chunk === 'string' ? strToU8(entry.chunk) : entry.chunk;
    const repeat = entry.repeat ?? 1;
    // A sync flush ends the blocks on a byte boundary, so copies of them
    // follow one another in a valid stream; the empty final block ends it.
    const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
    const last = deflateRawSync(new Uint8Array(0));
    const compressed = block.length * repeat + last.length;
    const inflated = chunk.length * repeat;
    const name = strToU8(entry.name);
    const local = header(0x04034b50, 30, name, compressed, inflated, 0);
    parts.push(local);
    for (let i = 0; i < repeat; i++) parts.push(block);
    parts.push(last);
    central.push(header(0x02014b50, 46, name, compressed, inflated, offset));
    offset += local.length + compressed;
  }
  const directorySize = central.reduce((n, p) => n + p.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

function header(signature: number, size: number, name: Uint8Array, compressed: number, inflated: number, offset: number): Uint8Array {
  const out = new Uint8Array(size + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, signature, true);
  const central = signature === 0x02014b50;
  // The central directory has "version made by" before the same fields.
  const at = central ? 2 : 0;
  view.setUint16(4 + at, 20, true);
  view.setUint16(8 + at, 8, true);
  view.setUint32(18 + at, compressed >>> 0, true);
  view.setUint32(22 + at, inflated >>> 0, true);
  view.setUint16(26 + at, name.length, true);
  if (central) view.setUint32(42, offset, true);
  out.set(name, size);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const paragraph = '<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>';
/// One MB of Word paragraphs.
export const megabyteOfXml = strToU8(paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length)).slice(0, 1024 * 1024));

/// A .docx whose `word/document.xml` inflates to `megabytes` MB.
export function docxBomb(megabytes: number): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', chunk: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', chunk: megabyteOfXml, repeat: megabytes },
  ]);
}

/// A zip of `count` tiny files.
export function manyFiles(count: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) files[`f${i}.txt`] = strToU8('x');
  return zipSync(files, { level: 0 });
}

/// Sets every entry's declared inflated size to `size`, as a hostile zip
/// would, to show that the limits do not trust it.
export function lieAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}
