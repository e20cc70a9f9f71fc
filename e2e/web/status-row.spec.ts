import { type Page, expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshotDir, chooseImport } from './support';

// The status row (sharing status, notices) is part of the layout, under the
// screens: at a small window, the library's last row and the reader's last
// line are in view above it, and a click on them reaches them.
test.use({ viewport: { width: 1024, height: 700 } });

// Whether the element under the middle of `box` is inside `selector`'s match.
async function reachable(page: Page, selector: string, point: { x: number; y: number }): Promise<boolean> {
  return page.evaluate(({ selector, point }) => document.elementFromPoint(point.x, point.y)?.closest(selector) !== null, { selector, point });
}

test('at 1024×700 the status row covers neither the library’s last row nor the reader’s last line', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  const dir = testInfo.outputPath('notes');
  mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: 30 }, (_, k) => {
    const path = join(dir, `note-${String(k).padStart(2, '0')}.txt`);
    writeFileSync(path, `Note ${String(k).padStart(2, '0')} on the Albanian question\n\nThe delegation arrived and met the comrades.\n`);
    return path;
  });
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles(files);
  await page.getByTestId('import-results-close').click();
  // Only the rows in view are drawn: the count is the header's.
  await expect(page.locator('header.bar')).toContainText('35 documents');

  const row = page.getByTestId('status-row');
  await expect(row.getByTestId('sync-status')).toContainText('Not shared');
  const status = (await row.boundingBox())!;
  expect(status.y + status.height).toBeCloseTo(700, 0);

  // The library scrolled to its end: its last row sits above the status
  // row, and a click on its title opens it.
  // Sorted by title, the brief of 1962 ("Visit of…") comes last.
  await page.locator('.library-table th').getByRole('button', { name: /Title/ }).click();
  await page.getByTestId('library').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(page.getByTestId('doc-row').last()).toContainText('Visit of the Italian Prime Minister');
  const last = page.getByTestId('doc-row').last();
  const title = last.getByTestId('doc-title');
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(status.y + 1);
  const titleBox = (await title.boundingBox())!;
  expect(await reachable(page, '[data-testid="doc-title"]', { x: titleBox.x + 10, y: titleBox.y + titleBox.height - 4 })).toBe(true);
  await page.screenshot({ path: join(screenshotDir, 'status-row-library-end.png') });
  await title.click();
  await expect(page.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');

  // The reader scrolled to its end: its last line is above the status row,
  // and a click there reaches the text.
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
  const column = page.locator('.reader-column');
  await column.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const lastLine = page.locator('[data-testid="reader"] .ProseMirror > *').last();
  await expect(lastLine).toBeVisible();
  await lastLine.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const lineBox = (await lastLine.boundingBox())!;
  expect(lineBox.y + lineBox.height).toBeLessThanOrEqual(status.y + 1);
  expect(await reachable(page, '.ProseMirror', { x: lineBox.x + 20, y: lineBox.y + lineBox.height - 6 })).toBe(true);
  await page.screenshot({ path: join(screenshotDir, 'status-row-reader-end.png') });
});

test('a document opened from the search results leads back to them, and to the library by a second button', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('Fanfani');
  await page.getByTestId('search-hit').first().click();
  const bar = page.locator('header.bar');
  await expect(bar.getByTestId('back')).toHaveText('← Search results');
  await expect(bar.getByTestId('library')).toHaveText('Library');
  await bar.getByTestId('back').click();
  await expect(page.getByTestId('search-screen')).toBeVisible();
  await page.getByTestId('search-hit').first().click();
  await bar.getByTestId('library').click();
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
});
