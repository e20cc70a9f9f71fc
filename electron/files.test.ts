import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFilesForImport, readTextFile, writeContent } from './files';

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-files-'));

describe('reading and writing the files a researcher picks', () => {
  it('round-trips Albanian, Czech and Russian text as UTF-8', async () => {
    const path = join(dir, 'notes.json');
    const text = '{"note": "Mëhilli, Dvořàk, Хрущёв, Çarçani"}';
    await writeContent(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(await readTextFile(path)).toEqual({ name: 'notes.json', text });
  });

  it('drops a byte-order mark', async () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, '\uFEFF{}');
    expect((await readTextFile(path)).text).toBe('{}');
  });

  it('refuses bytes that are not UTF-8, saying so', async () => {
    const path = join(dir, 'cp1251.txt');
    writeFileSync(path, Buffer.from([0xd5, 0xf0, 0xf3, 0xf9, 0xe5, 0xe2])); // "Хрущев" in Windows-1251
    await expect(readTextFile(path)).rejects.toThrow('cp1251.txt is not UTF-8 text.');
  });

  it('refuses a file over the limit before reading it', async () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, 'x'.repeat(2048));
    await expect(readTextFile(path, 1024)).rejects.toThrow(/big\.json is 0\.0 MB; files over 0 MB are not opened\./);
  });

  it('names a missing file', async () => {
    await expect(readTextFile(join(dir, 'gone.json'))).rejects.toThrow('gone.json cannot be read (ENOENT).');
  });
});

describe('writing a binary export', () => {
  it('writes bytes unchanged (a .qdpx zip)', async () => {
    const path = join(dir, 'project.qdpx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    await writeContent(path, bytes);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });
});

describe('reading the documents a researcher picks to import', () => {
  it('reads each file as its exact bytes, in the order picked', async () => {
    const pdf = join(dir, 'brief.pdf');
    const txt = join(dir, 'хрущёв.txt');
    writeFileSync(pdf, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]));
    writeFileSync(txt, Buffer.from([0xd5, 0xf0, 0xf3, 0xf9, 0xe5, 0xe2])); // Windows-1251, not UTF-8: still read
    const files = await readFilesForImport([pdf, txt]);
    expect(files).toEqual([
      { name: 'brief.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]) },
      { name: 'хрущёв.txt', bytes: new Uint8Array([0xd5, 0xf0, 0xf3, 0xf9, 0xe5, 0xe2]) },
    ]);
  });

  it('reports a file over the limit without reading it, and still reads the others', async () => {
    const big = join(dir, 'scans.pdf');
    const small = join(dir, 'memo.txt');
    writeFileSync(big, Buffer.alloc(3 * 1048576));
    writeFileSync(small, 'Memorandum');
    const files = await readFilesForImport([big, small], { each: 2 * 1048576, total: 10 * 1048576 });
    expect(files[0]).toEqual({
      name: 'scans.pdf',
      problem: 'scans.pdf is too large to import (3 MB; the limit is 2 MB). Split it into smaller files and import those.',
    });
    expect(files[1]).toEqual({ name: 'memo.txt', bytes: new Uint8Array(Buffer.from('Memorandum')) });
  });

  it('stops reading once the files together reach the batch limit, naming those left', async () => {
    const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => join(dir, name));
    for (const path of paths) writeFileSync(path, 'x'.repeat(600_000));
    const files = await readFilesForImport(paths, { each: 1048576, total: 1048576 });
    expect(files.map((f) => ('bytes' in f ? f.bytes.byteLength : f.problem))).toEqual([
      600_000,
      'b.txt was not read: the files chosen with it already come to 1 MB, as much as one import takes. Import it in another batch.',
      'c.txt was not read: the files chosen with it already come to 1 MB, as much as one import takes. Import it in another batch.',
    ]);
  });

  it('names a missing file and a folder instead of failing the whole pick', async () => {
    const files = await readFilesForImport([join(dir, 'gone.pdf'), dir]);
    expect(files).toEqual([
      { name: 'gone.pdf', problem: 'gone.pdf cannot be read (ENOENT).' },
      {
        name: expect.stringMatching(/^palimpsest-files-/),
        problem: expect.stringMatching(/is not a file \(a folder, perhaps\); choose the files inside it\.$/),
      },
    ]);
  });
});
