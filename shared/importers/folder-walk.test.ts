import { describe, expect, it } from 'vitest';
import { type FolderEntry, walkFolder } from './folder-walk';

// A folder as a nested object: a string is a file (its content stands for
// its handle), an object a folder.
type Tree = { [name: string]: string | Tree };

function folder(name: string, tree: Tree, listed: string[] = []): FolderEntry<string> {
  return {
    kind: 'folder',
    name,
    async *entries() {
      listed.push(name);
      for (const [child, value] of Object.entries(tree)) {
        yield typeof value === 'string' ? { kind: 'file', name: child, file: value } : folder(child, value, listed);
      }
    },
  };
}

describe('walkFolder', () => {
  it('tells how many files it has found, ending with them all, and stops when cancelled', async () => {
    const fonds = folder('Fonds 102', { 'a.txt': 'a', 'b.jpg': 'b', sub: { 'c.pdf': 'c' } });
    const counts: number[] = [];
    await walkFolder(fonds, undefined, { found: (files) => counts.push(files) });
    expect(counts.at(-1)).toBe(3);
    const signal = { aborted: false };
    const walk = walkFolder(fonds, undefined, {
      signal,
      found: () => {
        signal.aborted = true;
      },
    });
    await expect(walk).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('queues the documents of a fonds and its subfolders in the order a file manager lists them', async () => {
    const walk = await walkFolder(
      folder('FO 371', {
        'item 10.pdf': 'a',
        'item 2.pdf': 'b',
        '1962': { 'Brief.docx': 'c', 'annex.md': 'd' },
        'Notes.txt': 'e',
      }),
    );
    expect(walk.files.map((file) => file.path)).toEqual(['1962/annex.md', '1962/Brief.docx', 'item 2.pdf', 'item 10.pdf', 'Notes.txt']);
    expect(walk.files.map((file) => file.file)).toEqual(['d', 'c', 'b', 'a', 'e']);
    expect(walk.skipped).toEqual([]);
    expect(walk.notes).toEqual([]);
  });

  it('lists files of other kinds as skipped, by name and with the reason, and passes hidden ones over', async () => {
    const walk = await walkFolder(folder('scans', { 'page 1.jpg': 'a', 'letter.doc': 'b', 'memo.pdf': 'c', '.DS_Store': 'd', '.git': { 'HEAD.txt': 'e' } }));
    expect(walk.files.map((file) => file.path)).toEqual(['memo.pdf']);
    expect(walk.skipped.map((file) => file.path)).toEqual(['letter.doc', 'page 1.jpg']);
    expect(walk.skipped[0]!.reason).toMatch(/^letter\.doc was skipped: it is an old Word \(\.doc\) file/);
    expect(walk.skipped[1]!.reason).toMatch(/^page 1\.jpg was skipped: it is an image/);
  });

  it('does not open folders past the depth bound, and names them', async () => {
    const listed: string[] = [];
    const walk = await walkFolder(folder('root', { 'a.txt': 'a', one: { 'b.txt': 'b', two: { 'c.txt': 'c', three: { 'd.txt': 'd' } } } }, listed), {
      entries: 100,
      depth: 2,
    });
    expect(walk.files.map((file) => file.path)).toEqual(['a.txt', 'one/b.txt', 'one/two/c.txt']);
    expect(listed).not.toContain('three');
    expect(walk.notes).toEqual(['Folders more than 2 deep were not opened: one/two/three. Import it as a folder of its own.']);
  });

  it('stops listing at the entry bound and says so, keeping what it had listed', async () => {
    const many: Tree = {};
    for (let i = 1; i <= 50; i++) many[`doc ${i}.txt`] = String(i);
    const walk = await walkFolder(folder('big', { sub: many, 'z.txt': 'z' }), { entries: 10, depth: 8 });
    // "sub" and "z.txt" are two entries; eight of sub's fifty fit.
    expect(walk.files).toHaveLength(9);
    expect(walk.files.at(-1)!.path).toBe('z.txt');
    expect(walk.notes).toEqual(['Only the first 10 files and folders were looked at, the most one import takes; import the rest a subfolder at a time.']);
  });

  it('takes the entries of a drop, files and folders together', async () => {
    const walk = await walkFolder([{ kind: 'file', name: 'b.txt', file: 'b' }, folder('a', { 'x.md': 'x' }), { kind: 'file', name: 'c.png', file: 'c' }]);
    expect(walk.files.map((file) => file.path)).toEqual(['a/x.md', 'b.txt']);
    expect(walk.skipped.map((file) => file.path)).toEqual(['c.png']);
  });

  it('reports a folder it cannot list and walks the rest', async () => {
    const locked: FolderEntry<string> = {
      kind: 'folder',
      name: 'locked',
      // biome-ignore lint/correctness/useYield: a folder that fails as it is listed
      async *entries() {
        throw new Error('permission denied');
      },
    };
    const walk = await walkFolder([locked, { kind: 'file', name: 'open.txt', file: 'o' }]);
    expect(walk.files.map((file) => file.path)).toEqual(['open.txt']);
    expect(walk.notes).toEqual(['The folder locked could not be read (permission denied); what it holds was not imported.']);
  });
});
