import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));
const { ipcMain } = await import('electron');
const { guarded, handle } = await import('./ipc');

const app = 'file:///opt/Palimpsest/out/renderer/index.html';

describe('IPC handlers', () => {
  it('run for the app’s own page and wrap the result', async () => {
    expect(await guarded(app, app, async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it('refuse any other sender without running the handler', async () => {
    const run = vi.fn(async () => 'secret');
    for (const sender of ['file:///tmp/evil.html', 'https://example.org/', undefined, null]) {
      const reply = await guarded(sender, app, run);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/did not come from Palimpsest’s own window/) });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('turn a thrown error into a reply the renderer can show', async () => {
    expect(await guarded(app, app, async () => Promise.reject(new Error('The disk is full: x.json was not written.')))).toEqual({
      ok: false,
      error: 'The disk is full: x.json was not written.',
    });
  });

  it('handle() checks the sender frame of the real event', async () => {
    const handler = vi.fn(async () => 'ok');
    handle('palimpsest:open-file', () => app, handler);
    const registered = vi.mocked(ipcMain.handle).mock.calls.at(-1)![1] as (event: unknown, request: unknown) => Promise<unknown>;
    expect(await registered({ senderFrame: { url: app } }, {})).toEqual({ ok: true, value: 'ok' });
    expect(await registered({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
