import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
    const window = await app.firstWindow();
    await expect(window.getByTestId('library')).toBeVisible();
    await window.getByTestId('doc-title').first().click();
    const text = window.locator('[data-testid="reader"] .ProseMirror');
    await expect(text).toBeVisible();
    await text.locator('p').first().click({ position: { x: 2, y: 5 } });
    await window.keyboard.press('Home');
    for (let i = 0; i < 12; i++) await window.keyboard.press('Shift+ArrowRight');
    const selected = await window.evaluate(() => window.getSelection()?.toString() ?? '');
    await window.keyboard.press('2');
    await expect(window.getByTestId('annotation-entry')).toHaveCount(1);
    await expect(window.getByTestId('entry-quote')).toContainText(selected.trim());

    const prefs = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences());
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await window.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  } finally {
    await app.close();
  }
});
