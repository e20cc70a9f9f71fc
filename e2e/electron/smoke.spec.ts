import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bridgeKey } from '../../shared/ipc/contract';
import { methods } from '../../shared/ipc/methods';

const require = createRequire(import.meta.url);

/// The Electron binary's path, or why there is none.
function electronBinary(): { path: string } | { missing: string } {
  try {
    return { path: require('electron') as string };
  } catch (error) {
    return { missing: (error as Error).message };
  }
}

const binary = electronBinary();
const root = join(import.meta.dirname, '..', '..');

test('the desktop app opens a document and creates an annotation, locked down', async () => {
  if ('missing' in binary) {
    const reason = `Electron smoke test skipped: the Electron binary is not installed on this machine (${binary.missing}). It runs wherever \`npm install\` could download Electron.`;
    console.log(reason);
    test.skip(true, reason);
    return;
  }
  const app = await electron.launch({ executablePath: binary.path, args: [join(root, 'out', 'main', 'main.js')], cwd: root });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('library')).toBeVisible();
    // Served from the app's own scheme, not file://.
    expect(page.url()).toMatch(/^app:\/\/palimpsest\//);
    // The bridge offers exactly the API's calls and the two messages.
    const keys = await page.evaluate((key) => Object.keys((window as unknown as Record<string, object>)[key]!).sort(), bridgeKey);
    expect(keys).toEqual([...methods, 'onBeforeQuit', 'onMenuCommand'].sort());
    // A hostile request is refused in main, saying why.
    const refused = await page.evaluate(
      (key) =>
        (window as unknown as Record<string, { openBackupStream: (r: unknown) => Promise<unknown> }>)[key]!.openBackupStream({
          annotations: '1/../../../evil',
          created: '2026-11-22T10:00:00.000Z',
        }),
      bridgeKey,
    );
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('refused a malformed openBackupStream request') });
    // The menu carries the app's own items, and no DevTools item outside development.
    const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
    expect(menu).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    await page.getByTestId('doc-title').first().click();
    const text = page.locator('[data-testid="reader"] .ProseMirror');
    await expect(text).toBeVisible();
    await text
      .locator('p')
      .first()
      .click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    await page.keyboard.press('2');
    await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
    await expect(page.getByTestId('entry-quote')).toContainText(selected.trim());

    // getLastWebPreferences is Electron's own (undocumented) view of what the window runs with.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      return contents.getLastWebPreferences?.() ?? null;
    });
    if (prefs) expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(
      await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process]),
    ).toEqual(['undefined', 'undefined']);
  } finally {
    await app.close();
  }
});
