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
    const page = await app.firstWindow();
    await expect(page.getByTestId('library')).toBeVisible();
    await page.getByTestId('doc-title').first().click();
    const text = page.locator('[data-testid="reader"] .ProseMirror');
    await expect(text).toBeVisible();
    await text.locator('p').first().click({ position: { x: 2, y: 5 } });
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
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  } finally {
    await app.close();
  }
});
