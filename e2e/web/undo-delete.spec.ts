import { type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dismissNotices, openLibrary, screenshotDir, tagPassage, chooseImport } from './support';

const row = (page: Page, documentId: string) => page.locator(`[data-testid="doc-row"][data-document="${documentId}"]`);

const memo = [
  'Memorandum of 3 April 1962.',
  '',
  'Khrushchev spoke of Albania at length, and of the Chinese comrades.',
  '',
  'The ambassador said nothing of the loans.',
  '',
].join('\n');

test('undo after deleting a document brings it back whole, redo deletes it again, and backups and Export all keep working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles([{ name: 'memo-april.txt', mimeType: 'text/plain', buffer: Buffer.from(memo) }]);
  await expect(page.getByTestId('import-results')).toBeVisible();
  await page.getByTestId('import-results-close').click();

  await row(page, 'memo-april').getByTestId('doc-title').click();
  await tagPassage(page, 'Khrushchev spoke of Albania', '2');
  await page.getByTestId('back').click();
  await expect(row(page, 'memo-april').getByTestId('doc-count')).toHaveText('1');

  await row(page, 'memo-april').getByTestId('doc-delete').click();
  await page.getByTestId('delete-document-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Undo (Ctrl+Z) brings it all back');
  await expect(row(page, 'memo-april')).toHaveCount(0);
  await dismissNotices(page);

  // Another document open, as in the report, then Ctrl+Z.
  await page.getByTestId('doc-title').first().click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Undid: delete document\./);
  await page.getByTestId('back').click();
  await expect(row(page, 'memo-april').getByTestId('doc-count')).toHaveText('1');
  await row(page, 'memo-april').getByTestId('doc-title').click();
  await expect(page.getByTestId('entry-quote')).toHaveText(['Khrushchev spoke of Albania']);
  await page.screenshot({ path: join(screenshotDir, 'undo-delete-document.png') });

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Redid: delete document\./);
  // The reader of a document deleted under it says so.
  await expect(page.getByRole('alert')).toHaveText('This document is no longer in the library.');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(row(page, 'memo-april')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(row(page, 'memo-april').getByTestId('doc-count')).toHaveText('1');

  // A backup is written (opening Backups writes one first), and no backup
  // failed on the way.
  await page.getByTestId('backups').click();
  await expect(page.getByTestId('backup-entry').first()).toBeVisible();
  await page.getByTestId('backups-dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('export-all').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const file = JSON.parse(
    await (await download).createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += chunk;
      return text;
    }),
  );
  expect(file.annotations.map((a: { documentId: string }) => a.documentId)).toEqual(['memo-april']);
  await expect(page.getByTestId('notice-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});
