import { describe, expect, it } from 'vitest';
import { walkFolder } from '../../../../shared/importers/folder-walk';
import { droppedFolder } from './use-file-drop';

// Dropped items as the browser gives them: each an old-style entry, and
// (Chromium) a handle.
const fileEntry = (name: string) => ({ isFile: true, isDirectory: false, name, file: (resolve: (file: File) => void) => resolve(new File([name], name)) });
const folderEntry = (name: string, children: ReturnType<typeof fileEntry>[]) => {
  let read = false;
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => ({
      readEntries: (resolve: (entries: unknown[]) => void) => {
        resolve(read ? [] : children);
        read = true;
      },
    }),
  };
};
const item = (entry: unknown, handle?: unknown) => ({
  kind: 'file',
  webkitGetAsEntry: () => entry,
  ...(handle === undefined ? {} : { getAsFileSystemHandle: () => Promise.resolve(handle) }),
});
const transfer = (items: unknown[]) => ({ items }) as unknown as DataTransfer;

describe('a drop on the library', () => {
  it('of files alone is not a folder drop: the files go the old way', () => {
    expect(droppedFolder(transfer([item(fileEntry('a.txt')), item(fileEntry('b.pdf'))]))).toBeNull();
  });

  it('of a folder is walked through the older Entries API where the browser gives no handles (Firefox)', async () => {
    const dropped = droppedFolder(transfer([item(folderEntry('FO 371', [fileEntry('memo 10.txt'), fileEntry('memo 2.txt'), fileEntry('scan.jpg')]))]));
    expect(dropped!.name).toBe('FO 371');
    const walk = await walkFolder(await dropped!.entries);
    expect(walk.files.map((file) => file.path)).toEqual(['FO 371/memo 2.txt', 'FO 371/memo 10.txt']);
    expect(await (await walk.files[0]!.file()).text()).toBe('memo 2.txt');
    expect(walk.skipped.map((file) => file.path)).toEqual(['FO 371/scan.jpg']);
  });

  it('of a folder and a file takes both, through handles where the browser gives them', async () => {
    const handle = {
      kind: 'directory',
      name: 'FO 371',
      async *values() {
        yield { kind: 'file', name: 'brief.md', getFile: async () => new File(['# Brief'], 'brief.md') };
      },
    };
    const dropped = droppedFolder(transfer([item(folderEntry('FO 371', []), handle), item(fileEntry('note.txt'))]));
    expect(dropped!.name).toBe('the drop');
    const walk = await walkFolder(await dropped!.entries);
    expect(walk.files.map((file) => file.path)).toEqual(['FO 371/brief.md', 'note.txt']);
  });
});
