import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Method } from '../shared/ipc/methods';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));
const { ipcMain } = await import('electron');
const { guarded, registerApi } = await import('./ipc');
const { channelOf, methods } = await import('../shared/ipc/methods');

const app = 'app://palimpsest/index.html';

describe('IPC handlers', () => {
  it('run for the app’s own page and wrap the result', async () => {
    expect(await guarded(app, app, async () => ({ ok: true, value: 42 }))).toEqual({ ok: true, value: 42 });
  });

  it('refuse any other sender without running the handler', async () => {
    const run = vi.fn(async () => ({ ok: true as const, value: 'secret' }));
    for (const sender of ['file:///tmp/evil.html', 'https://example.org/', 'app://evil/index.html', 'other://palimpsest/', undefined, null]) {
      const reply = await guarded(sender, app, run);
      expect(reply).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/did not come from Palimpsest’s own window/) }) });
    }
    expect(run).not.toHaveBeenCalled();
  });
});

// A valid request of each method, and hostile ones a taken-over page might
// send instead.
const valid: Record<Method, unknown> = {
  openFile: { title: 'Import annotations', filters: [{ name: 'JSON', extensions: ['json'] }] },
  openFiles: { title: 'Import documents', filters: [{ name: 'Documents', extensions: ['txt', 'pdf'] }] },
  openFolder: { title: 'Import a folder' },
  readImportFile: { file: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f' },
  saveFile: { title: 'Export', defaultName: 'annotations.json', filters: [{ name: 'JSON', extensions: ['json'] }], content: '{}' },
  listBackups: undefined,
  openBackupRead: 'palimpsest-backup-2026-11-22T10-00-00-000Z-3.json',
  readBackupChunk: { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f' },
  closeBackupRead: { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f' },
  openFileRead: { title: 'Restore from a backup file', filters: [{ name: 'Palimpsest backup', extensions: ['json'] }] },
  readChosenFile: { file: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f' },
  print: { defaultName: 'FO brief 1962.pdf' },
  documentOpened: { id: 'fo-brief-1962', title: 'FO brief on Albania, 1962' },
  openSaveStream: { title: 'Export', defaultName: 'annotations.json', filters: [{ name: 'JSON', extensions: ['json'] }] },
  appendSaveStream: { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', piece: '{"format": "palimpsest.annotations",' },
  closeSaveStream: { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', keep: true },
  openBackupStream: { annotations: 3, created: '2026-11-22T10:00:00.000Z' },
  appendBackupStream: { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', piece: '{"format": "palimpsest.annotations",' },
  closeBackupStream: { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', keep: true },
};
const hostile: Record<Method, unknown[]> = {
  openFile: [null, 'x', { title: 'x', filters: [{ name: 'x', extensions: ['../../x'] }] }, { title: 'x', filters: [], defaultPath: '/etc' }],
  openFiles: [
    { title: 1, filters: [] },
    { title: 'x', filters: Array.from({ length: 100 }, () => ({ name: 'x', extensions: ['x'] })) },
  ],
  // The page names no folder: main asks the researcher for it.
  openFolder: [{ title: 'x', defaultPath: '/home' }, { title: 'x', path: '/etc' }, '/etc', { title: 'x'.repeat(301) }],
  readImportFile: ['/etc/passwd', { file: '../../etc/passwd' }, { file: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', path: '/etc/passwd' }],
  saveFile: [
    { ...(valid.saveFile as object), defaultName: '../../.bashrc' },
    { ...(valid.saveFile as object), defaultName: '/home/me/.config/autostart/x.desktop' },
    { ...(valid.saveFile as object), defaultName: 'C:\\Users\\me\\x.json' },
    { ...(valid.saveFile as object), content: { length: 5 } },
  ],
  listBackups: [{ dir: '/' }, '../'],
  openBackupRead: ['../../etc/passwd', 'palimpsest-backup-2026-11-22T10-00-00-000Z-3.json/../../x.json', 42, { id: 'x' }],
  readBackupChunk: [null, 'x', { handle: '../x' }, { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', position: 0 }],
  closeBackupRead: [undefined, { handle: 42 }, { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', keep: true }],
  openFileRead: [{ title: 'x', filters: [], defaultPath: '/etc/passwd' }, { title: 'x', filters: [], path: '/etc/passwd' }, '/etc/passwd'],
  readChosenFile: ['/etc/passwd', { file: '../../etc/passwd' }, { file: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', path: '/etc/passwd' }],
  print: [{ defaultName: '../x.pdf' }, { defaultName: '' }, 'x.pdf'],
  documentOpened: [{ id: '', title: 'x' }, { id: 'x'.repeat(1000), title: 'x' }, { id: 'x' }, []],
  openSaveStream: [
    { ...(valid.openSaveStream as object), defaultName: '../../.bashrc' },
    { ...(valid.openSaveStream as object), path: '/tmp/x.json' },
  ],
  appendSaveStream: [
    { handle: '../../x', piece: 'x' },
    { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', piece: 'x'.repeat(4 * 1024 * 1024 + 1) },
    { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', piece: { length: 3 } },
  ],
  closeSaveStream: [
    { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', keep: 'yes' },
    { handle: 'x', keep: true },
  ],
  openBackupStream: [
    { annotations: '1/../../../../home/me/.config/x', created: '2026-11-22T10:00:00.000Z' },
    { annotations: 1, created: '../../../x' },
    { annotations: 1, created: '2026-11-22T10:00:00.000Z', base: '../x.json' },
    { annotations: 1, created: '2026-11-22T10:00:00.000Z', path: '/tmp/x.json' },
    { content: '{}', annotations: 1, created: '2026-11-22T10:00:00.000Z' },
  ],
  appendBackupStream: [
    { handle: '../../x', piece: 'x' },
    { handle: '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f', piece: 'x'.repeat(4 * 1024 * 1024 + 1) },
  ],
  closeBackupStream: [{ handle: 'x', keep: true }],
};

describe('registerApi', () => {
  beforeEach(() => vi.mocked(ipcMain.handle).mockClear());

  const register = () => {
    const handlers = Object.fromEntries(methods.map((m) => [m, vi.fn(async () => 'done')])) as unknown as Record<Method, ReturnType<typeof vi.fn>>;
    registerApi(handlers as never, () => app);
    const registered = new Map(
      vi.mocked(ipcMain.handle).mock.calls.map(([channel, listener]) => [channel, listener as (event: unknown, request: unknown) => Promise<unknown>]),
    );
    return { handlers, registered };
  };

  it('registers one channel per method of the API', () => {
    const { registered } = register();
    expect([...registered.keys()].sort()).toEqual(methods.map(channelOf).sort());
  });

  it.each(methods)('%s: runs for the app’s page with a valid request, refuses another sender first', async (method) => {
    const { handlers, registered } = register();
    const call = registered.get(channelOf(method))!;
    expect(await call({ senderFrame: { url: app } }, valid[method])).toEqual({ ok: true, value: 'done' });
    expect(await call({ senderFrame: { url: 'https://example.org/' } }, valid[method])).toMatchObject({ ok: false });
    expect(await call({ senderFrame: null }, valid[method])).toMatchObject({ ok: false });
    expect(handlers[method]).toHaveBeenCalledTimes(1);
  });

  it.each(methods)('%s: refuses hostile arguments, saying which, before the handler runs', async (method) => {
    const { handlers, registered } = register();
    const call = registered.get(channelOf(method))!;
    for (const request of hostile[method]) {
      const reply = (await call({ senderFrame: { url: app } }, request)) as { ok: boolean; error?: { name: string; message: string } };
      expect(reply.ok, JSON.stringify(request)).toBe(false);
      expect(reply.error).toMatchObject({ name: 'RequestRefused', message: expect.stringMatching(new RegExp(`refused a malformed ${method} request`)) });
    }
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('turns a thrown error into a reply the renderer can show, and passes the handler its event', async () => {
    const { handlers, registered } = register();
    const event = { senderFrame: { url: app } };
    handlers.listBackups!.mockImplementationOnce(async (_request: unknown, context: { event: unknown }) => {
      expect(context.event).toBe(event);
      throw new Error('The disk is full: x.json was not written.');
    });
    expect(await registered.get(channelOf('listBackups'))!(event, undefined)).toEqual({
      ok: false,
      error: { kind: 'bug', name: 'Error', message: 'The disk is full: x.json was not written.' },
    });
  });
});
