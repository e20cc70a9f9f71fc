// Draws the app icon, build/icon.png (1024 × 1024, from which
// electron-builder makes the .ico, .icns and Linux sizes): a sheet of
// parchment with lines of text, one of them highlighted, as in the reader.
// Run with `npx tsx scripts/make-icon.ts`; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const size = 1024;
type Rgba = [number, number, number, number];
const parchment: Rgba = [0xfb, 0xf6, 0xe8, 255];
const edge: Rgba = [0x8a, 0x6d, 0x3b, 255];
const ink: Rgba = [0x4a, 0x43, 0x3a, 255];
const highlight: Rgba = [0xf4, 0xb4, 0x6a, 255];
const pixels = new Uint8Array(size * size * 4);

// Whether (x, y) lies in the rectangle with rounded corners of radius r.
function inRounded(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function fill(colour: Rgba, test: (x: number, y: number) => boolean): void {
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (test(x + 0.5, y + 0.5)) pixels.set(colour, (y * size + x) * 4);
}

fill(edge, (x, y) => inRounded(x, y, 96, 64, 928, 960, 96));
fill(parchment, (x, y) => inRounded(x, y, 128, 96, 896, 928, 72));
// Lines of text, the fourth one highlighted, the last one short.
const lines = [0, 1, 2, 3, 4, 5, 6];
for (const i of lines) {
  const top = 200 + i * 96;
  const right = i === lines.length - 1 ? 560 : 776;
  if (i === 3) fill(highlight, (x, y) => inRounded(x, y, 224, top - 22, 800, top + 58, 16));
  fill(ink, (x, y) => inRounded(x, y, 248, top, right, top + 36, 18));
}

// PNG: signature, IHDR, one IDAT of filter-0 rows, IEND.
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', new Uint8Array()),
]);
const out = join(import.meta.dirname, '..', 'build', 'icon.png');
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
