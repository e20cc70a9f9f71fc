import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dismissNotices, dragSelect, entryQuotes, openDocument, openLibrary, screenshotDir } from './support';

const across = 'these events.² Regrettably';

test('a passage across a footnote marker keeps the marker as a superscript, in the panel and the export', async ({ page }, testInfo) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence');
  await dragSelect(page, across);
  await page.keyboard.press('2');
  await expect(entryQuotes(page)).toHaveText([across]);
  await dismissNotices(page);
  await page.screenshot({ path: join(screenshotDir, 'footnote-marker-quote.png') });

  await page.getByTestId('export-document').click();
  await page
    .getByTestId('export-dialog')
    .getByLabel(/Palimpsest JSON/)
    .check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const file = await download;
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const [quote] = json.annotations[0].target.selector;
  expect(quote.exact).toBe(across);
  expect(JSON.stringify(json)).not.toContain('these events.2 Regrettably');

  // Search still finds the word the marker follows.
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('"these events"');
  await expect(page.getByTestId('search-hit').first().locator('mark')).toHaveText('these events');
});

test('a footnote marker goes to its note, and the note’s back link returns to the marker', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  const marker = text.locator('p:not(.footnote) .fn-ref', { hasText: /^⁶$/ });
  await marker.scrollIntoViewIfNeeded();
  await marker.click();
  const note = text.locator('p.footnote.fn-target');
  await expect(note).toHaveCount(1);
  await expect(note).toHaveText(/^⁶ /);
  await expect(note).toBeInViewport();
  await expect(marker).not.toBeInViewport();
  await page.screenshot({ path: join(screenshotDir, 'footnote-jump.png') });

  await note.getByRole('button', { name: 'Back to the text' }).click();
  await expect(marker).toBeInViewport();
  await expect(text.locator('.fn-target')).toHaveCount(0);
  await page.screenshot({ path: join(screenshotDir, 'footnote-back.png') });
});
