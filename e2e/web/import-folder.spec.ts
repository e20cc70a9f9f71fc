import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manyPagesPdf } from '../../shared/importers/test-support/many-pages-pdf';
import { openLibrary, screenshotDir, chooseImport, openImportMenu } from './support';

// Headless Chromium has no folder picker to answer (and the suite turns
// the File System Access API off, playwright.config.ts). Here the picker
// is put back as a stand-in that answers with a real directory handle of
// the origin's private file system, holding the files the test wrote.
const standInFolderPicker = () => {
  (window as unknown as { showDirectoryPicker: unknown }).showDirectoryPicker = async () => {
    const root = await navigator.storage.getDirectory();
    return root.getDirectoryHandle('FO 371 fonds');
  };
};

// Writes `files` (path → bytes) into the private file system's "FO 371 fonds".
async function writeFonds(page: Page, files: Record<string, number[]>): Promise<void> {
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('FO 371 fonds', { recursive: true }).catch(() => {});
    const fonds = await root.getDirectoryHandle('FO 371 fonds', { create: true });
    for (const [path, bytes] of Object.entries(files)) {
      const parts = path.split('/');
      let folder = fonds;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(new Uint8Array(bytes));
      await writable.close();
    }
  }, files);
}

const text = (value: string) => [...Buffer.from(value)];
const fixture = (name: string) => [...readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'importers', 'fixtures', name))];

test('Import a folder… takes the documents of a folder and its subfolders in order, lists the other files as skipped', async ({ page }) => {
  await page.addInitScript(standInFolderPicker);
  await openLibrary(page);
  await writeFonds(page, {
    'item 10 Memorandum on Albania.txt': text('Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania.\n'),
    'item 2 Minutes.md': text('# Minutes of the meeting\n\nThe delegation from Tirana left early.\n'),
    '1961/Telegram from Tirana.html': text('<html><head><title>Telegram from Tirana</title></head><body><p>The embassy reports a cooling.</p></body></html>'),
    '1961/Czech memorandum.pdf': fixture('czech-memo-1962.pdf'),
    '1961/Memo.docx': fixture('memo-1962.docx'),
    '1961/photo of the embassy.jpg': [0xff, 0xd8, 0xff, 0xe0],
    '.DS_Store': [0, 1, 2],
  });

  await chooseImport(page, 'folder');
  const results = page.getByTestId('import-result');
  await expect(page.getByTestId('import-results')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-results').getByRole('heading').first()).toHaveText('Import folder “FO 371 fonds”');
  await expect(page.getByTestId('import-results-summary')).toHaveText(/^5 of 6 files imported/);
  // By folder and name, as a file manager lists them; "item 2" before "item 10".
  await expect(results).toHaveCount(6);
  await expect(results.nth(0)).toContainText('1961/Czech memorandum.pdf · PDF');
  await expect(results.nth(1)).toContainText('1961/Memo.docx · Word');
  await expect(results.nth(2)).toContainText('1961/Telegram from Tirana.html');
  await expect(results.nth(3)).toContainText('item 2 Minutes.md');
  await expect(results.nth(4)).toContainText('item 10 Memorandum on Albania.txt');
  await expect(results.nth(5).getByTestId('import-result-message')).toHaveText(
    /^1961\/photo of the embassy\.jpg was skipped: it is an image\. Run OCR on it first/,
  );
  await page.screenshot({ path: join(screenshotDir, 'import-folder-results.png') });
  await page.getByTestId('import-results-close').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Imported 5 documents; 1 file could not be imported');
  await expect(page.getByTestId('doc-row')).toHaveCount(10);
  await expect(page.getByTestId('doc-row').filter({ hasText: 'Minutes of the meeting' })).toHaveCount(1);
  await page.screenshot({ path: join(screenshotDir, 'import-folder-library.png') });
});

test('Cancel during a folder’s import stores none of its files', async ({ page }) => {
  await page.addInitScript(standInFolderPicker);
  await openLibrary(page);
  await writeFonds(page, {
    'a memo.txt': text('Memorandum of 3 April 1962.\n'),
    // Under the page limit, but thousands of pages to read.
    'b ledger.pdf': [...manyPagesPdf(4900)],
    'c memo.txt': text('A later memorandum.\n'),
  });
  await chooseImport(page, 'folder');
  const progress = page.getByTestId('documents-progress');
  await expect(progress).toContainText('Reading documents from FO 371 fonds: 1 of 3 files');
  await page.screenshot({ path: join(screenshotDir, 'import-folder-progress.png') });
  await progress.getByTestId('documents-cancel').click();
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Import cancelled: none of the 3 files in FO 371 fonds was stored\./);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect(page.getByTestId('import-results')).toHaveCount(0);
});

test('a folder slow to look through shows the files found so far, and Cancel stops the walk', async ({ page }) => {
  // A stand-in picker whose folder lists an entry a second, as a fonds on a network drive may.
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: unknown }).showDirectoryPicker = async () => {
      const fonds = await (await navigator.storage.getDirectory()).getDirectoryHandle('FO 371 fonds');
      return {
        kind: 'directory',
        name: fonds.name,
        async *values() {
          for await (const entry of (fonds as unknown as { values(): AsyncIterable<unknown> }).values()) {
            yield entry;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        },
      };
    };
  });
  await openLibrary(page);
  await writeFonds(page, { 'a memo.txt': text('Memorandum of 3 April 1962.\n'), 'b memo.txt': text('A later one.\n'), 'c memo.txt': text('The last.\n') });
  await chooseImport(page, 'folder');
  const progress = page.getByTestId('documents-progress');
  await expect(progress).toContainText(/Looking through FO 371 fonds… [0-3] files? found/);
  await page.screenshot({ path: join(screenshotDir, 'import-folder-looking.png') });
  await progress.getByTestId('documents-cancel').click();
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Import cancelled: nothing was read from FO 371 fonds\./);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('import-results')).toHaveCount(0);
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
});

test('where the browser has no folder picker, the library offers no Import a folder…', async ({ page }) => {
  await openLibrary(page);
  await openImportMenu(page);
  await expect(page.getByTestId('import-documents')).toBeVisible();
  await expect(page.getByTestId('import-folder')).toHaveCount(0);
  await expect(page.getByRole('menuitem')).toHaveText([/^Documents…/, /^Annotations…/]);
});
