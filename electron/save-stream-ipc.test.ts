import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { quietCall } from '../shared/rpc/server';

vi.mock('electron', () => ({ dialog: { showSaveDialog: vi.fn() } }));
const { dialog } = await import('electron');
const { saveStreamHandlers } = await import('./save-stream-ipc');

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-save-ipc-'));

// A window's page as the handlers see it: its webContents, which says when
// it goes.
function sender(id: number) {
  return Object.assign(new EventEmitter(), { id });
}
const contextOf = (page: ReturnType<typeof sender>) => ({ ...quietCall, event: { sender: page } as never });
const request = { title: 'Export annotations', defaultName: 'annotations.json', filters: [] };

describe('the streamed save over IPC', () => {
  it('asks where, writes the pieces there, and answers another window’s page as if the handle did not exist', async () => {
    const path = join(dir, 'export.json');
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: path });
    const handlers = saveStreamHandlers(() => null);
    const page = sender(1);
    const opened = await handlers.openSaveStream(request, contextOf(page));
    const handle = opened!.handle;
    await handlers.appendSaveStream({ handle, piece: '[1, ' }, contextOf(page));
    await expect(handlers.appendSaveStream({ handle, piece: '"stolen"' }, contextOf(sender(2)))).rejects.toThrow('This save is not open');
    await handlers.appendSaveStream({ handle, piece: '2]' }, contextOf(page));
    expect(await handlers.closeSaveStream({ handle, keep: true }, contextOf(page))).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('[1, 2]');
  });

  it('opens nothing when the user cancels the dialog', async () => {
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await saveStreamHandlers(() => null).openSaveStream(request, contextOf(sender(3)))).toBeNull();
  });

  it('drops a half-written save when its window closes', async () => {
    const path = join(dir, 'closed.json');
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: path });
    const handlers = saveStreamHandlers(() => null);
    const page = sender(4);
    const { handle } = (await handlers.openSaveStream(request, contextOf(page)))!;
    await handlers.appendSaveStream({ handle, piece: 'half' }, contextOf(page));
    page.emit('destroyed');
    await vi.waitFor(() => expect(readdirSync(dir).filter((name) => name.includes('closed.json'))).toEqual([]));
    expect(existsSync(path)).toBe(false);
  });
});
