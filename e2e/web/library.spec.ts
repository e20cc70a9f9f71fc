import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir } from './support';

test('the library lists the bundled corpus with metadata read from the documents, sortable by date', async ({ page }) => {
  await openLibrary(page);
  const titles = page.getByTestId('doc-title');
  // Oldest first by default: the search listing reaches back to 1956.
  await expect(titles).toHaveText([
    'Archive search results: 9 documents',
    /^Visit of the Italian Prime Minister/,
    /^Memorandum of Luncheon Given by Richard Dvořàk/,
    'Report on the Stance of the DPRK towards Albania',
    'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
  ]);
  await expect(page.getByTestId('doc-date')).toHaveText(['26 December 1956 – 26 June 1964', '19 January 1962', '2 April 1962', '16 January 1967', '2019']);
  const brief = page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"]');
  await expect(brief).toContainText('The National Archives of the UK, FO 371/151293');
  await expect(brief).toContainText('English');
  const report = page.locator('[data-document="albanian-report-dprk-stance-1967"]');
  await expect(report).toContainText('Albanian');
  await expect(report).toContainText('translated by Enkel Daljani');
  await expect(page.locator('[data-document="edemskiy-final-break-moscow-tirana-balcanica-2019"]')).toContainText('doi:10.2298/BALC1950375E');
  await expect(page.getByTestId('doc-count')).toHaveText(['0', '0', '0', '0', '0']);
  await page.screenshot({ path: join(screenshotDir, 'library.png') });

  // The list holds no citation or summary; the details read them whole.
  await report.getByTestId('doc-details').click();
  await expect(page.getByTestId('details-citation')).toHaveValue(/^"Report on the Stance of the DPRK towards Albania", January 16, 1967, Wilson Center/);
  await expect(page.getByTestId('details-summary')).toHaveValue(/^Albanian officials examine North Korea's positions/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-details')).toHaveCount(0);

  await page.getByTestId('sort-date').click();
  await expect(titles.first()).toHaveText('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  await expect(titles.last()).toHaveText('Archive search results: 9 documents');
});

test('on a 1024-pixel laptop every column of the library is on screen, a suggested language’s Use included', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openLibrary(page);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const table = await page.getByTestId('library-table').boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(width);
  for (const testId of ['doc-details', 'doc-count']) {
    const box = await page.getByTestId(testId).first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  // The journal article states no language; the one it reads as is offered.
  const article = page.locator('[data-document="edemskiy-final-break-moscow-tirana-balcanica-2019"]');
  const use = article.getByRole('button', { name: /^Use/ });
  await expect(use).toBeVisible();
  const cell = await article.locator('.language-cell').boundingBox();
  const button = await use.boundingBox();
  expect(button!.x + button!.width).toBeLessThanOrEqual(cell!.x + cell!.width);
  await page.screenshot({ path: join(screenshotDir, 'library-1024.png') });
});

test('the reader sets the journal article as a page: headings, footnote markers, lists, no mangled markup', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(text.locator('h2')).toHaveText('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  // The seed's `<sup>&</sup>lt;sup>12</sup>` is a superscript 12 opening its footnote, nothing else.
  await expect(text.locator('p.footnote sup', { hasText: /^¹²$/ })).toHaveCount(1);
  await expect(text.locator('p.footnote', { hasText: /^¹² KPSS i formirovanie/ })).toHaveCount(1);
  // In the running text, a marker is a superscript after its sentence.
  await expect(text.locator('p:not(.footnote) sup', { hasText: /^³$/ })).toHaveCount(1);
  await expect(text).not.toContainText('lt;sup');
  await expect(text).not.toContainText('<sup>');
  await expect(text.locator('p.footnote').first()).toBeVisible();
  await expect(text).toContainText('E. Mëhilli, From Stalin to Mao');
  await expect(page.getByTestId('citation')).toContainText('https://doi.org/10.2298/BALC1950375E');
  // The text cannot be edited.
  await text.locator('p').nth(3).click();
  await page.keyboard.type('XYZ');
  await page.keyboard.press('Backspace');
  await expect(text).not.toContainText('XYZ');
  await expect(text).toContainText('E. Mëhilli, From Stalin to Mao');
});

test('OCR debris is shown as in the source and does not break the page', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Report on the Stance of the DPRK');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(text).toContainText('☐☐☐ st of all');
  await expect(text).toContainText('\\Box formation bits');
  await expect(text).toContainText('Siri Çarçani');
  // Nothing overflows the reading column.
  const overflow = await page.evaluate(() => {
    const column = document.querySelector('.reader-column')!;
    return column.scrollWidth - column.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the keyboard selects across paragraphs with Shift+arrows, and the toolbar offers the tag types', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Memorandum of Luncheon');
  const paragraph = page.locator('[data-testid="reader"] .ProseMirror p', { hasText: 'Moscow. 2 April 1962' });
  await paragraph.click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toContain('Moscow. 2 April 1962');
  expect(selected).toContain('Memorandum of Luncheon');
  const toolbar = page.getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  await expect(toolbar.getByRole('button')).toHaveText(['Actor1', 'Claim2', 'Economic measure3']);
});
