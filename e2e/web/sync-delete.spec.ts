import { type Browser, type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dismissNotices, openLibrary, screenshotDir, tagPassage, chooseImport } from './support';
import { joinProject, shareLibrary, syncServer, syncStatus } from './sync-support';

// Two editors on a real sync server: a document one of them deletes goes
// from both libraries and stays gone; Undo brings it back on both.
test.use({ actionTimeout: 15_000 });

const server = syncServer('delete.sqlite');

const memo = ['Memorandum of 5 April 1962.', '', 'Hoxha spoke of the Soviet submarines at Vlorë.', ''].join('\n');
const row = (page: Page) => page.locator('[data-testid="doc-row"][data-document="memo-vlore"]');
const status = syncStatus;

async function person(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('a document deleted on one machine goes from both and stays gone; Undo brings it back on both', async ({ browser }) => {
  test.setTimeout(180_000);
  const ana = await person(browser);
  const ben = await person(browser);
  const { edit } = await shareLibrary(ana, server(), 'Ana Petrova', 'FO 371: Vlorë');
  await ana.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  await joinProject(ben, edit, 'Ben Okafor');

  const chooser = ana.waitForEvent('filechooser');
  await chooseImport(ana, 'documents');
  await (await chooser).setFiles([{ name: 'memo-vlore.txt', mimeType: 'text/plain', buffer: Buffer.from(memo) }]);
  await ana.getByTestId('import-results-close').click();
  await row(ana).getByTestId('doc-title').click();
  await tagPassage(ana, 'Hoxha spoke of the Soviet submarines', '2');
  await ana.getByTestId('back').click();
  await expect(row(ben).getByTestId('doc-count')).toHaveText('1', { timeout: 15_000 });

  await row(ana).getByTestId('doc-delete').click();
  await ana.getByTestId('delete-document-confirm').click();
  await expect(row(ben)).toHaveCount(0, { timeout: 15_000 });
  // Both round trips done and the server acknowledged: still gone on Ana's.
  await expect(ana.getByTestId('sync-pending')).toHaveCount(0, { timeout: 15_000 });
  await ana.waitForTimeout(1_000);
  await expect(row(ana)).toHaveCount(0);
  await ana.screenshot({ path: join(screenshotDir, 'sync-delete-ana.png') });
  await ben.reload();
  await openLibrary(ben);
  await expect(status(ben)).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await ben.waitForTimeout(1_000);
  await expect(row(ben)).toHaveCount(0);

  await dismissNotices(ana);
  await ana.keyboard.press('Control+z');
  await expect(ana.getByTestId('notice-info').last()).toHaveText(/Undid: delete document\./);
  await expect(row(ben).getByTestId('doc-count')).toHaveText('1', { timeout: 15_000 });
  await expect(row(ana).getByTestId('doc-count')).toHaveText('1');
  await ben.screenshot({ path: join(screenshotDir, 'sync-delete-undone-ben.png') });
});
