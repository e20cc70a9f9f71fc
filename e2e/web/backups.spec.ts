import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dragSelect, openDocument, openLibrary, screenshotDir, chooseImport } from './support';

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
  // The newest backup is the library as it is: nothing to restore, and no Restore offered.
  await dialog.getByTestId('backup-entry').first().click();
  await expect(dialog.getByTestId('restore-nothing')).toContainText('This backup holds nothing that differs from your library');
  await expect(dialog.getByTestId('restore-confirm')).toHaveCount(0);
  await page.screenshot({ path: join(screenshotDir, 'backups-nothing-to-restore.png') });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByTestId('restore-preview')).toHaveCount(0);
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
  await expect(dialog.getByTestId('restore-preview')).toContainText(
    '1 comes back, 0 go back to an earlier version, 0 made since are removed, 0 stay as they are',
  );
  await page.screenshot({ path: join(screenshotDir, 'backups.png') });
  await dialog.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText(/^Restored the backup of \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d:\d\d: 1 annotation\./);
  await expect(page.locator('[data-document="czechoslovak-memorandum-ri-song-un-1962"] [data-testid="doc-count"]')).toHaveText('1');
});

test('the dialog says whether the browser keeps the library; a backup saved as a file restores into an emptied library, after a preview', async ({
  page,
}, testInfo) => {
  await openLibrary(page);
  await openDocument(page, 'Memorandum of Luncheon');
  await dragSelect(page, 'Albania may go over to the other side');
  await page.keyboard.press('2');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await page.getByTestId('back').click();
  // A document of the researcher's own, which the backup keeps too.
  const importing = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await importing).setFiles([
    { name: 'field-notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Field notes: Tirana, spring 1962\n\nNotes taken in the state archive.\n') },
  ]);
  await expect(page.getByTestId('import-results')).toBeVisible();
  await page.getByTestId('import-results-close').click();

  await page.getByTestId('backups').click();
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog.getByTestId('storage-persistence')).toHaveText(
    /^This browser (keeps the library and its backups|may clear the library to free space, and these backups with it|does not say whether it keeps the library)/,
  );
  await page.screenshot({ path: join(screenshotDir, 'backups-file.png') });
  const download = page.waitForEvent('download');
  await dialog.getByTestId('backup-save-file').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^palimpsest-backup-\d{4}-\d\d-\d\dT\d\d-\d\d\.json$/);
  const path = testInfo.outputPath(saved.suggestedFilename());
  await saved.saveAs(path);
  await expect(page.getByTestId('notice-info').last()).toContainText('Saved a backup of the whole library (1 annotation)');

  // A file that is not a whole-library backup is refused, and nothing changes.
  const refused = page.waitForEvent('filechooser');
  await dialog.getByTestId('backup-restore-file').click();
  await (await refused).setFiles([
    { name: 'not-a-backup.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "palimpsest.annotations", "version": 1, "annotations": [') },
  ]);
  await expect(dialog.getByRole('alert')).toContainText('That file cannot be restored, and nothing was changed:');
  await expect(dialog.getByTestId('restore-preview')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The browser's storage is cleared: a fresh library (the same page, its
  // databases deleted), and the backups in it gone too.
  await page.evaluate(async () => {
    for (const { name } of await indexedDB.databases()) if (name) indexedDB.deleteDatabase(name);
  });
  await page.reload();
  await expect(page.locator('[data-document="czechoslovak-memorandum-ri-song-un-1962"] [data-testid="doc-count"]')).toHaveText('0');

  await page.getByTestId('backups').click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('backup-restore-file').click();
  await (await chooser).setFiles(path);
  await expect(dialog.getByTestId('restore-preview')).toContainText(
    /Restoring palimpsest-backup-.*\.json, a backup of .*, gives the library its 1 annotation: 1 comes back/,
  );
  // It says what else it brings back: the researcher's own document.
  await expect(dialog.getByTestId('restore-others')).toHaveText('It also brings back 1 document of your own.');
  await page.screenshot({ path: join(screenshotDir, 'backups-restore-file.png') });
  await dialog.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText(/Restored palimpsest-backup-.*\.json, the backup of/);
  await expect(page.locator('[data-document="czechoslovak-memorandum-ri-song-un-1962"] [data-testid="doc-count"]')).toHaveText('1');
  await expect(page.getByTestId('doc-title').filter({ hasText: 'Field notes: Tirana' })).toBeVisible();
});
