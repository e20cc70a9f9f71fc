import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SaveStreams } from './save-streams';

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-save-streams-'));
const window = 1;
const other = 2;

describe('a file saved piece by piece', () => {
  it('is written in order, as UTF-8 text and bytes, and appears only when kept', async () => {
    const streams = new SaveStreams();
    const path = join(dir, 'annotations.json');
    const handle = await streams.start(window, path);
    await streams.append(window, handle, '{"note": "Mëhilli, ');
    await streams.append(window, handle, new TextEncoder().encode('Хрущёв 🙂'));
    await streams.append(window, handle, '"}\n');
    expect(existsSync(path)).toBe(false);
    expect(await streams.close(window, handle, true)).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('{"note": "Mëhilli, Хрущёв 🙂"}\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('leaves nothing behind when cancelled, and the file it would have replaced as it was', async () => {
    const streams = new SaveStreams();
    const path = join(dir, 'kept.json');
    writeFileSync(path, 'the earlier export');
    const handle = await streams.start(window, path);
    await streams.append(window, handle, 'half of a new one');
    expect(await streams.close(window, handle, false)).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe('the earlier export');
    expect(readdirSync(dir).filter((name) => name.includes('kept.json.'))).toEqual([]);
  });

  it('is another window’s to use only by that window, and goes when its window closes', async () => {
    const streams = new SaveStreams();
    const path = join(dir, 'mine.json');
    const handle = await streams.start(window, path);
    await expect(streams.append(other, handle, 'x')).rejects.toThrow('This save is not open');
    await expect(streams.close(other, handle, true)).rejects.toThrow('This save is not open');
    await streams.append(window, handle, 'half');
    await streams.abandon(window);
    expect(streams.size).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('mine.json'))).toEqual([]);
    await expect(streams.append(window, handle, 'more')).rejects.toThrow('This save is not open');
  });

  it('refuses a folder it cannot write, naming the file, and more saves at once than its limit', async () => {
    const streams = new SaveStreams(2);
    await expect(streams.start(window, join(dir, 'no-such-folder', 'x.json'))).rejects.toThrow('x.json could not be written (ENOENT).');
    await streams.start(window, join(dir, 'a.json'));
    await streams.start(window, join(dir, 'b.json'));
    await expect(streams.start(window, join(dir, 'c.json'))).rejects.toThrow('Only 2 files can be saved at once');
    await streams.start(other, join(dir, 'd.json'));
    await streams.abandon(window);
    await streams.abandon(other);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
