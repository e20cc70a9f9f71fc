import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { manyPagesPdf } from '../../shared/importers/test-support/many-pages-pdf';
import { chooseImport, openImportMenu, openLibrary, screenshotDir } from './support';

test('a long document import shows its progress, backups are not held up by it, and Cancel stores none of its files', async ({ page }) => {
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles([
    { name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania.\n') },
    // Under the page limit, but thousands of pages to read.
    { name: 'ledger.pdf', mimeType: 'application/pdf', buffer: Buffer.from(manyPagesPdf(4900)) },
  ]);
  const progress = page.getByTestId('documents-progress');
  await expect(progress).toContainText('Reading documents: 1 of 2 files');

  // Meanwhile the Import menu offers no second document import, and says
  // why; annotations can still come in.
  await openImportMenu(page);
  const documents = page.getByTestId('import-documents');
  await expect(documents).toBeDisabled();
  await expect(documents).toHaveAttribute('title', 'An import is running; wait for it to finish');
  await expect(page.getByTestId('import')).toBeEnabled();
  await documents.click({ force: true });
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  // The backups open (writing one first) while the import is still reading.
  await page.getByTestId('backups').click();
  await expect(page.getByTestId('backups-dialog').getByTestId('backup-entry').first()).toBeVisible();
  await expect(progress).toBeVisible();
  await page.getByTestId('backups-dialog').getByRole('button', { name: 'Close' }).click();

  await page.screenshot({ path: join(screenshotDir, 'import-cancel.png') });
  await progress.getByTestId('documents-cancel').click();
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Import cancelled: none of the 2 files was stored\./);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect(page.getByTestId('import-results')).toHaveCount(0);
});
