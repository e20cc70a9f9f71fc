import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { quietCall } from '../shared/rpc/server';

vi.mock('electron', () => ({ ipcMain: { on: vi.fn(), removeListener: vi.fn() } }));
const { backupHandlers } = await import('./backups-ipc');
const { listBackups } = await import('./backups');
const { ReadStreams } = await import('./read-streams');

function sender(id: number) {
  return Object.assign(new EventEmitter(), { id });
}
const contextOf = (page: ReturnType<typeof sender>) => ({ ...quietCall, event: { sender: page } as never });
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 15, minute)).toISOString();
const none = async () => new Set<string>();

describe('a backup streamed to main', () => {
  it('appears among the backups only when closed, whole, and rotates them as a whole write does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backup-stream-'));
    const handlers = backupHandlers(dir, none);
    const page = sender(1);
    let last = null;
    for (let i = 0; i < 12; i++) {
      const { handle } = await handlers.openBackupStream({ annotations: i, created: at(i) }, contextOf(page));
      await handlers.appendBackupStream({ handle, piece: '{"n": ' }, contextOf(page));
      // Half written, it is not a backup yet.
      expect((await listBackups(dir)).map((b) => b.created)).not.toContain(at(i));
      await handlers.appendBackupStream({ handle, piece: `${i}}` }, contextOf(page));
      last = await handlers.closeBackupStream({ handle, keep: true }, contextOf(page));
    }
    expect(last).toMatchObject({ created: at(11), annotations: 11, bytes: 9 });
    const list = await listBackups(dir);
    expect(list).toHaveLength(10);
    expect(readFileSync(join(dir, list[0]!.id), 'utf8')).toBe('{"n": 11}');
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('leaves nothing of a backup dropped halfway, or of one another window tries to write into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backup-stream-'));
    const handlers = backupHandlers(dir, none);
    const page = sender(1);
    const { handle } = await handlers.openBackupStream({ annotations: 3, created: at(0) }, contextOf(page));
    await handlers.appendBackupStream({ handle, piece: '{"half": ' }, contextOf(page));
    await expect(handlers.appendBackupStream({ handle, piece: 'x' }, contextOf(sender(2)))).rejects.toThrow('This save is not open');
    await expect(handlers.closeBackupStream({ handle, keep: true }, contextOf(sender(2)))).rejects.toThrow('This save is not open');
    expect(await handlers.closeBackupStream({ handle, keep: false }, contextOf(page))).toBeNull();
    expect(readdirSync(dir)).toEqual([]);

    // A page gone halfway (reloaded, crashed) leaves no half backup either.
    const again = await handlers.openBackupStream({ annotations: 3, created: at(1) }, contextOf(page));
    await handlers.appendBackupStream({ handle: again.handle, piece: '{"half": ' }, contextOf(page));
    page.emit('destroyed');
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual([]));
  });
});

describe('a backup read from main piece by piece', () => {
  it('comes back byte for byte in chunks, then ends and lets its handle go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backup-read-'));
    const handlers = backupHandlers(dir, none, undefined, new ReadStreams(4, 5));
    const page = sender(1);
    const { handle } = await handlers.openBackupStream({ annotations: 2, created: at(0) }, contextOf(page));
    const text = '{"note": "Zürich — “ok”", "n": [1, 2, 3]}';
    await handlers.appendBackupStream({ handle, piece: text }, contextOf(page));
    const info = (await handlers.closeBackupStream({ handle, keep: true }, contextOf(page)))!;

    const opened = await handlers.openBackupRead(info.id, contextOf(page));
    expect(opened.bytes).toBe(Buffer.byteLength(text));
    const chunks: Uint8Array[] = [];
    for (let chunk = await handlers.readBackupChunk(opened, contextOf(page)); chunk; chunk = await handlers.readBackupChunk(opened, contextOf(page)))
      chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((chunk) => chunk.byteLength <= 5)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
    await expect(handlers.readBackupChunk(opened, contextOf(page))).rejects.toThrow('This backup is not open for reading');
  });

  it('reads only backups, only for the window that opened the read, and drops a window’s reads when it goes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backup-read-'));
    const reads = new ReadStreams(4, 5);
    const handlers = backupHandlers(dir, none, undefined, reads);
    const page = sender(1);
    await expect(handlers.openBackupRead('../../etc/passwd', contextOf(page))).rejects.toThrow('is not the name of a backup');
    await expect(handlers.openBackupRead('palimpsest-backup-2026-12-03T15-00-00-000Z-1.json', contextOf(page))).rejects.toThrow(
      'That backup is no longer there.',
    );
    const { handle } = await handlers.openBackupStream({ annotations: 1, created: at(0) }, contextOf(page));
    await handlers.appendBackupStream({ handle, piece: '{"n": 1234567890}' }, contextOf(page));
    const info = (await handlers.closeBackupStream({ handle, keep: true }, contextOf(page)))!;
    const opened = await handlers.openBackupRead(info.id, contextOf(page));
    await expect(handlers.readBackupChunk(opened, contextOf(sender(2)))).rejects.toThrow('This backup is not open for reading');
    await expect(handlers.closeBackupRead(opened, contextOf(sender(2)))).rejects.toThrow('This backup is not open for reading');
    expect(Buffer.from((await handlers.readBackupChunk(opened, contextOf(page)))!).toString()).toBe('{"n":');
    expect(reads.size).toBe(1);
    page.emit('destroyed');
    await vi.waitFor(() => expect(reads.size).toBe(0));
  });
});

describe('a file the researcher chose, read from main piece by piece', () => {
  const request = { title: 'Restore from a backup file', filters: [{ name: 'Palimpsest backup', extensions: ['json'] }] };

  it('reads the path the dialog gave, as often as asked, for the window that chose it only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-file-read-'));
    const path = join(dir, 'my backup.json');
    const text = '{"note": "Zürich — “ok”"}';
    writeFileSync(path, text);
    const reads = new ReadStreams(4, 5);
    const handlers = backupHandlers(dir, none, undefined, reads, async () => path);
    const page = sender(1);
    const chosen = (await handlers.openFileRead(request, contextOf(page)))!;
    expect(chosen).toMatchObject({ name: 'my backup.json', bytes: Buffer.byteLength(text) });
    expect(reads.size).toBe(0);
    for (let time = 0; time < 2; time++) {
      const opened = await handlers.readChosenFile({ file: chosen.file }, contextOf(page));
      const chunks: Uint8Array[] = [];
      for (let chunk = await handlers.readBackupChunk(opened, contextOf(page)); chunk; chunk = await handlers.readBackupChunk(opened, contextOf(page)))
        chunks.push(chunk);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
    }
    await expect(handlers.readChosenFile({ file: chosen.file }, contextOf(sender(2)))).rejects.toThrow('This file was not chosen in this window');
    const opened = await handlers.readChosenFile({ file: chosen.file }, contextOf(page));
    await expect(handlers.readBackupChunk(opened, contextOf(sender(2)))).rejects.toThrow('This backup is not open for reading');
    page.emit('destroyed');
    await vi.waitFor(() => expect(reads.size).toBe(0));
    await expect(handlers.readChosenFile({ file: chosen.file }, contextOf(page))).rejects.toThrow('This file was not chosen in this window');
  });

  it('gives nothing when the dialog is cancelled, and forgets the file chosen before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-file-read-'));
    const path = join(dir, 'backup.json');
    writeFileSync(path, '{}');
    let pick: string | null = path;
    const handlers = backupHandlers(dir, none, undefined, new ReadStreams(), async () => pick);
    const page = sender(1);
    const chosen = (await handlers.openFileRead(request, contextOf(page)))!;
    pick = null;
    expect(await handlers.openFileRead(request, contextOf(page))).toBeNull();
    await expect(handlers.readChosenFile({ file: chosen.file }, contextOf(page))).rejects.toThrow('This file was not chosen in this window');
  });
});
