import { mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChosenImportFile } from '../shared/ipc/contract';
import { ImportChoices } from './import-choices';

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-choices-'));
const window = 1;

// Every file of a pick read as the page reads them, one after another:
// bytes, or the sentence a file that cannot be used is reported with.
async function readAll(choices: ImportChoices, picked: ChosenImportFile[], owner = window): Promise<(Uint8Array | string)[]> {
  const read: (Uint8Array | string)[] = [];
  for (const file of picked) read.push('file' in file ? await choices.read(owner, file.file) : file.problem);
  return read;
}

describe('the documents a researcher picks to import, read one at a time', () => {
  it('reads each file as its exact bytes, in the order picked, sizes told before any is read', async () => {
    const pdf = join(dir, 'brief.pdf');
    const txt = join(dir, 'хрущёв.txt');
    writeFileSync(pdf, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]));
    writeFileSync(txt, Buffer.from([0xd5, 0xf0, 0xf3, 0xf9, 0xe5, 0xe2])); // Windows-1251, not UTF-8: still read
    const choices = new ImportChoices();
    const picked = await choices.choose(window, [pdf, txt]);
    expect(picked.map((file) => ['bytes' in file && file.bytes, file.name])).toEqual([
      [7, 'brief.pdf'],
      [6, 'хрущёв.txt'],
    ]);
    expect(await readAll(choices, picked)).toEqual([
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]),
      new Uint8Array([0xd5, 0xf0, 0xf3, 0xf9, 0xe5, 0xe2]),
    ]);
    expect(choices.size).toBe(0);
  });

  it('reports a file over the limit without reading it, and still reads the others', async () => {
    const big = join(dir, 'scans.pdf');
    const small = join(dir, 'memo.txt');
    writeFileSync(big, Buffer.alloc(3 * 1048576));
    writeFileSync(small, 'Memorandum');
    const choices = new ImportChoices({ each: 2 * 1048576, total: 10 * 1048576 });
    expect(await readAll(choices, await choices.choose(window, [big, small]))).toEqual([
      'scans.pdf is too large to import (3 MB; the limit is 2 MB). Split it into smaller files and import those.',
      new Uint8Array(Buffer.from('Memorandum')),
    ]);
  });

  it('stops taking files once those chosen together reach the batch limit, naming those left', async () => {
    const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => join(dir, name));
    for (const path of paths) writeFileSync(path, 'x'.repeat(600_000));
    const choices = new ImportChoices({ each: 1048576, total: 1048576 });
    const read = await readAll(choices, await choices.choose(window, paths));
    expect(read.map((r) => (typeof r === 'string' ? r : r.byteLength))).toEqual([
      600_000,
      'b.txt was not read: the files chosen with it already come to 1 MB, as much as one import takes. Import it in another batch.',
      'c.txt was not read: the files chosen with it already come to 1 MB, as much as one import takes. Import it in another batch.',
    ]);
  });

  it('names a missing file and a folder instead of failing the whole pick', async () => {
    const picked = await new ImportChoices().choose(window, [join(dir, 'gone.pdf'), dir]);
    expect(picked).toEqual([
      { name: 'gone.pdf', problem: 'gone.pdf cannot be read (ENOENT).' },
      {
        name: expect.stringMatching(/^palimpsest-choices-/),
        problem: expect.stringMatching(/is not a file \(a folder, perhaps\); choose the files inside it\.$/),
      },
    ]);
  });

  it('names a file gone, or grown past the limit, between the pick and its read', async () => {
    const gone = join(dir, 'moved.txt');
    const grown = join(dir, 'grown.txt');
    writeFileSync(gone, 'Memorandum');
    writeFileSync(grown, 'x');
    const choices = new ImportChoices({ each: 1024, total: 1048576 });
    const [first, second] = (await choices.choose(window, [gone, grown])) as { file: string }[];
    unlinkSync(gone);
    writeFileSync(grown, 'x'.repeat(2048));
    await expect(choices.read(window, first!.file)).rejects.toThrow('moved.txt cannot be read (ENOENT).');
    await expect(choices.read(window, second!.file)).rejects.toThrow(/^grown\.txt is too large to import/);
  });

  it('reads a file only for the window that chose it, once; a second pick leaves the first to finish', async () => {
    const path = join(dir, 'note.txt');
    writeFileSync(path, 'Dvořák');
    const choices = new ImportChoices();
    const [chosen] = (await choices.choose(window, [path])) as { file: string }[];
    const refused = /was not chosen in this window, or was read already; choose it again\./;
    await expect(choices.read(2, chosen!.file)).rejects.toThrow(refused);
    expect(new TextDecoder().decode(await choices.read(window, chosen!.file))).toBe('Dvořák');
    await expect(choices.read(window, chosen!.file)).rejects.toThrow(refused);

    const [first] = (await choices.choose(window, [path])) as { file: string }[];
    await choices.choose(window, [path]);
    expect(new TextDecoder().decode(await choices.read(window, first!.file))).toBe('Dvořák');
    choices.abandon(window);
    expect(choices.size).toBe(0);
  });

  it('hands over no more than the pick’s limit when its files grow between the pick and their reads', async () => {
    const paths = ['grows-a.txt', 'grows-b.txt'].map((name) => join(dir, name));
    for (const path of paths) writeFileSync(path, 'x'.repeat(10));
    const choices = new ImportChoices({ each: 1000, total: 1000 });
    const picked = (await choices.choose(window, paths)) as { file: string }[];
    for (const path of paths) writeFileSync(path, 'x'.repeat(900));
    expect((await choices.read(window, picked[0]!.file)).byteLength).toBe(900);
    await expect(choices.read(window, picked[1]!.file)).rejects.toThrow(/^grows-b\.txt was not read: the files chosen with it already come to 0 MB/);
  });
});

describe('a folder a researcher chooses to import, listed in main', () => {
  it('takes the documents of the folder and its subfolders by name, each read by its token, the rest skipped by name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'palimpsest-fonds-'));
    mkdirSync(join(root, '1962'));
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'item 10.txt'), 'ten');
    writeFileSync(join(root, 'item 2.txt'), 'two');
    writeFileSync(join(root, '1962', 'brief.md'), '# Brief');
    writeFileSync(join(root, '1962', 'scan.jpg'), 'jpeg');
    writeFileSync(join(root, '.git', 'HEAD.txt'), 'hidden');
    writeFileSync(join(root, '.DS_Store'), 'hidden');
    symlinkSync(root, join(root, 'loop'));
    const choices = new ImportChoices();
    const folder = await choices.chooseFolder(window, root);
    expect(folder.name).toBe(basename(root));
    expect(folder.files.map((file) => file.name)).toEqual(['1962/brief.md', 'item 2.txt', 'item 10.txt', '1962/scan.jpg']);
    expect(folder.files.at(-1)).toEqual({ name: '1962/scan.jpg', problem: expect.stringMatching(/^1962\/scan\.jpg was skipped: it is an image/) });
    expect(folder.notes).toEqual([]);
    expect(await readAll(choices, folder.files.slice(0, 3))).toEqual([
      new Uint8Array(Buffer.from('# Brief')),
      new Uint8Array(Buffer.from('two')),
      new Uint8Array(Buffer.from('ten')),
    ]);
    // Another window cannot read what this one chose.
    const again = await choices.chooseFolder(window, root);
    const first = again.files[0]!;
    await expect(choices.read(2, 'file' in first ? first.file : '')).rejects.toThrow(/not chosen in this window/);
  });

  it('stops at the depth and entry bounds and says where', async () => {
    const root = mkdtempSync(join(tmpdir(), 'palimpsest-many-'));
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `f${i}.txt`), String(i));
    // Which four of five the folder lists first is the file system's choice.
    const many = await new ImportChoices().chooseFolder(window, root, { entries: 4, depth: 8 });
    expect(many.files).toHaveLength(4);
    expect(many.notes).toEqual(['Only the first 4 files and folders were looked at, the most one import takes; import the rest a subfolder at a time.']);
    const deep = mkdtempSync(join(tmpdir(), 'palimpsest-deep-'));
    mkdirSync(join(deep, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(deep, 'a', 'b', 'c', 'deep.txt'), 'deep');
    writeFileSync(join(deep, 'a', 'near.txt'), 'near');
    const shallow = await new ImportChoices().chooseFolder(window, deep, { entries: 100, depth: 1 });
    expect(shallow.files.map((file) => file.name)).toEqual(['a/near.txt']);
    expect(shallow.notes).toEqual(['Folders more than 1 deep were not opened: a/b. Import it as a folder of its own.']);
  });
});
