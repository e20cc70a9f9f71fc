import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile, writeContent } from './files';

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
