import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { quietCall } from '../shared/rpc/server';

vi.mock('electron', () => ({ ipcMain: { on: vi.fn(), removeListener: vi.fn() } }));
const { backupHandlers } = await import('./backups-ipc');
const { listBackups } = await import('./backups');

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
