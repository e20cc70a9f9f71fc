import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { manyPagesPdf } from '../../shared/importers/test-support/many-pages-pdf';
import { openLibrary, screenshotDir } from './support';

test('a long document import shows its progress, backups are not held up by it, and Cancel stores none of its files', async ({ page }) => {
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-documents').click();
  await (await chooser).setFiles([
    { name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania.\n') },
    // Under the page limit, but thousands of pages to read.
    { name: 'ledger.pdf', mimeType: 'application/pdf', buffer: Buffer.from(manyPagesPdf(4900)) },
  ]);
  const progress = page.getByTestId('documents-progress');
  await expect(progress).toContainText('Reading documents: 1 of 2 files');

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
