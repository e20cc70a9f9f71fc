import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dragSelect, openDocument, openLibrary, screenshotDir } from './support';

test('the library is backed up after changes, and a backup restores deleted work after a preview', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Memorandum of Luncheon');
  await dragSelect(page, 'Albania may go over to the other side');
  await page.keyboard.press('2');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await page.getByTestId('back').click();

  // Open the backups: the change is backed up, newest first.
  await page.getByTestId('backups').click();
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog.getByTestId('backup-entry')).toHaveCount(1);
  await expect(dialog).toContainText('1 annotation');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The work is lost...
  await openDocument(page, 'Memorandum of Luncheon');
  await page.getByTestId('entry-delete').click();
  await expect(page.getByTestId('annotation-entry')).toHaveCount(0);
  await page.getByTestId('back').click();

  // ...and comes back from the backup, after a preview.
  await page.getByTestId('backups').click();
  await expect(dialog.getByTestId('backup-entry')).toHaveCount(2);
  await dialog.getByTestId('backup-entry').nth(1).click();
  await expect(dialog.getByTestId('restore-preview')).toContainText('1 come back');
  await page.screenshot({ path: join(screenshotDir, 'backups.png') });
  await dialog.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Restored the backup');
  await expect(page.locator('[data-document="czechoslovak-memorandum-ri-song-un-1962"] [data-testid="doc-count"]')).toHaveText('1');
});
