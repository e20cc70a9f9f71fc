import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { readJson, writeJson } from './json-store';
import { type WindowState, minimumSize, placement, windowStateSchema } from './window-state';

/// The main window, locked down (isolated context, sandboxed renderer, no
/// Node in the page, DevTools only in development), where it was last
/// time, loading `url`.
export async function createMainWindow(url: string, userData: string, dev: boolean): Promise<BrowserWindow> {
  const statePath = join(userData, 'window-state.json');
  const stored = await readJson<WindowState | null>(statePath, windowStateSchema, null);
  const { bounds, maximised } = placement(
    stored,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    title: 'Palimpsest',
    backgroundColor: '#fbfaf6',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: dev,
      // A middle click opens no window of its own: links go through the
      // window-open handler (electron/security.ts) like any other.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (maximised) window.maximize();
    window.show();
  });
  rememberState(window, statePath);
  void window.loadURL(url);
  return window;
}

// Saved a moment after the window stops moving, and when it closes; the
// normal bounds, so a maximised window comes back maximised over the size
// it had before.
function rememberState(window: BrowserWindow, path: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const { x, y, width, height } = window.getNormalBounds();
    void writeJson(path, { x, y, width, height, maximised: window.isMaximized() } satisfies WindowState).catch(() => {});
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1000);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', later);
  window.on('close', save);
}
