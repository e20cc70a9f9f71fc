import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { docxBomb } from '../../shared/importers/test-support/zip-bomb';
import { openLibrary, screenshotDir, chooseImport } from './support';

test('a 1 MB Word file that inflates to 300 MB is refused with the limit named, and the page stays', async ({ page }) => {
  await openLibrary(page);
  const bomb = docxBomb(300);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles({
    name: 'memo.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(bomb),
  });
  const result = page.getByTestId('import-result');
  await expect(result).toHaveCount(1);
  await expect(result.getByTestId('import-result-message')).toHaveText(
    'memo.docx was refused: its part “word/document.xml” inflates to more than 32 MB, more than a real document needs, so it may be a “zip bomb”. Nothing was imported.',
  );
  await page.screenshot({ path: join(screenshotDir, 'zip-bomb-refused.png') });
  await page.getByTestId('import-results-close').click();
  // Nothing of it was kept, and the library still answers.
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await page.getByTestId('doc-title').first().click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
});
