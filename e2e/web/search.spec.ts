import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { entryQuotes, openDocument, openLibrary, screenshotDir } from './support';

test('search every document without caring for accents, and annotate a result', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('open-search').click();
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();

  // Accents and case folded: the journal article cites "E. Mëhilli".
  await input.fill('mehilli');
  await expect(page.getByTestId('search-summary')).toHaveText(/^\d+ places? in 1 document\.$/);
  const group = page.getByTestId('search-group');
  await expect(group).toHaveAttribute('data-document', 'edemskiy-final-break-moscow-tirana-balcanica-2019');
  await expect(page.getByTestId('search-hit').first().locator('mark')).toHaveText('Mëhilli');

  // Three spellings of one name in the Czechoslovak memorandum, one query.
  await input.fill('dvorak');
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['Dvorak', 'Dvořàk', 'Dvoràk']);

  // A phrase, across documents, grouped by document in date order.
  await input.fill('"Soviet Union"');
  await expect(page.getByTestId('search-group')).not.toHaveCount(0);
  await expect(page.getByTestId('search-hit').first().locator('mark')).toHaveText(/^Soviet Union$/i);
  await page.screenshot({ path: join(screenshotDir, 'search.png') });

  await input.fill('nothing-like-this-word');
  await expect(page.getByTestId('search-summary')).toHaveText('Nothing found for “nothing-like-this-word”.');

  // A result opens the passage selected, and the toolbar tags it.
  await input.fill('wheat');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.getByTestId('search-hit').click();
  await expect(page.getByTestId('doc-heading')).toHaveText(/^Additional Evidence/);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('wheat');
  await page
    .getByTestId('selection-toolbar')
    .getByRole('button', { name: /Economic measure/ })
    .click();
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await page.screenshot({ path: join(screenshotDir, 'search-result-annotated.png') });
  await expect(entryQuotes(page)).toHaveText(['wheat']);

  // Back to the search: the query is still there.
  await page.getByTestId('open-search').click();
  await expect(page.getByTestId('search-input')).toHaveValue('wheat');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
});

test('Ctrl+Shift+F searches from the reader', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Report on the Stance of the DPRK');
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByTestId('search-input')).toBeFocused();
});
