import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { standInBridge } from './desktop-bridge';
import { openDocument, openImportMenu, screenshotDir } from './support';

// The desktop app's menu, driven through a stand-in for the preload's
// bridge: the page is the real renderer, which takes the Electron host when
// it finds `window.palimpsest`. Each item the menu sends must reach the
// screen that answers it, wherever the researcher is.
test.beforeEach(async ({ page }) => {
  await standInBridge(page);
  await page.addInitScript(() => {
    const calls: string[] = [];
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const w = window as unknown as Record<string, unknown>;
    w.menuCalls = calls;
    Object.assign(w.palimpsest as object, {
      openFile: () => (calls.push('openFile'), ok(null)),
      openFiles: () => (calls.push('openFiles'), ok(null)),
      openFolder: () => (calls.push('openFolder'), ok(null)),
      saveFile: () => (calls.push('saveFile'), ok(null)),
      print: () => (calls.push('print'), ok(null)),
      onMenuCommand: (listener: (command: string, documentId?: string) => void) => {
        w.sendMenu = listener;
        return () => {};
      },
    });
  });
});

const send = (page: import('@playwright/test').Page, command: string) =>
  page.evaluate((c) => (window as unknown as { sendMenu: (c: string) => void }).sendMenu(c), command);
const calls = (page: import('@playwright/test').Page) => page.evaluate(() => [...(window as unknown as { menuCalls: string[] }).menuCalls]);

test('the menu’s items reach their screens: find in the reader, the shortcut list, and Import documents from the reader', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await openDocument(page, 'Visit of the Italian Prime Minister');

  await send(page, 'find');
  await expect(page.getByTestId('find-bar')).toBeVisible();
  await page.keyboard.press('Escape');

  await send(page, 'shortcuts');
  await expect(page.getByRole('dialog')).toContainText('Keyboard shortcuts');
  await page.screenshot({ path: join(screenshotDir, 'desktop-menu-shortcuts.png') });
  await page.keyboard.press('Escape');

  // Import documents… from the reader: the library comes back and asks the
  // host for files once (a development double mount must not ask twice).
  await send(page, 'import-documents');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect.poll(() => calls(page)).toEqual(['openFiles']);

  // Answered once: leaving the library and coming back asks no more.
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await page.getByTestId('library').click();
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await page.waitForTimeout(300);
  expect(await calls(page)).toEqual(['openFiles']);

  // Import a folder… from the reader asks the host for a folder, once; the
  // library offers it too, as the desktop app can always pick a folder.
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await send(page, 'import-folder');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect.poll(() => calls(page)).toEqual(['openFiles', 'openFolder']);
  await openImportMenu(page);
  await expect(page.getByTestId('import-folder')).toBeVisible();
});
