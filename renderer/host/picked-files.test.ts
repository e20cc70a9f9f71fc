import { describe, expect, it } from 'vitest';
import { readPickedFiles } from './picked-files';

const file = (name: string, bytes: number[] | number) => new File([typeof bytes === 'number' ? new Uint8Array(bytes) : new Uint8Array(bytes)], name);

describe('files picked or dropped in the page', () => {
  it('are read as their exact bytes, in order', async () => {
    const picked = await readPickedFiles([file('brief.pdf', [0x25, 0x50, 0x44, 0x46]), file('хрущёв.txt', [0xd5, 0xf0, 0xf3])]);
    expect(picked.map((p) => ('bytes' in p ? [p.name, [...new Uint8Array(p.bytes)]] : p))).toEqual([
      ['brief.pdf', [0x25, 0x50, 0x44, 0x46]],
      ['хрущёв.txt', [0xd5, 0xf0, 0xf3]],
    ]);
  });

  it('over the limit are reported without being read, the others still read', async () => {
    const picked = await readPickedFiles([file('scans.pdf', 3 * 1048576), file('memo.txt', [0x4d])], { each: 2 * 1048576, total: 10 * 1048576 });
    expect(picked[0]).toEqual({
      name: 'scans.pdf',
      problem: 'scans.pdf is too large to import (3 MB; the limit is 2 MB). Split it into smaller files and import those.',
    });
    expect('bytes' in picked[1]!).toBe(true);
  });

  it('past the batch limit are named and left for another batch', async () => {
    const picked = await readPickedFiles([file('a.txt', 600_000), file('b.txt', 600_000)], { each: 1048576, total: 1048576 });
    expect(picked[1]).toEqual({ name: 'b.txt', problem: expect.stringMatching(/^b\.txt was not read: the files chosen with it already come to 1 MB/) });
  });
});
