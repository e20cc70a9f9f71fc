import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomAnnotations, scaledSource } from '../../shared/test-support/synthetic';
import { defaultTagTypes } from '../../shared/annotation/model';
import { loadDocument } from '../../shared/corpus/document';
import { buildNativeFile } from '../../shared/format/native';
import { openLibrary, screenshotDir, chooseImport } from './support';

const count = 50_000;

test('a 5 MB volume with 50,000 annotations stays usable: it opens, scrolls, takes a new highlight and undoes it', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // A volume of about a thousand pages, from the seed texts, and 50,000
  // overlapping annotations on it, as the benchmark builds them.
  const source = scaledSource(5_000_000);
  const volume = loadDocument('volume.md', source);
  const annotations = randomAnnotations(volume, count, 11);
  const sourcePath = testInfo.outputPath('volume.md');
  const annotationsPath = testInfo.outputPath('volume-annotations.json');
  writeFileSync(sourcePath, source);
  const file = buildNativeFile({
    annotations,
    tagTypes: defaultTagTypes,
    documents: new Map([[volume.id, volume]]),
    scope: { kind: 'all' },
    exported: new Date('2026-11-23T12:00:00Z'),
  });
  writeFileSync(annotationsPath, JSON.stringify(file));

  await openLibrary(page);
  const documentChooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await documentChooser).setFiles(sourcePath);
  await expect(page.getByTestId('import-result')).toContainText('volume', { timeout: 60_000 });
  await page.getByTestId('import-results-close').click();
  await expect(page.getByTestId('doc-row')).toHaveCount(6);

  const annotationChooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await annotationChooser).setFiles(annotationsPath);
  await expect(page.getByTestId('import-counts')).toContainText(`${count.toLocaleString('en')} new`, { timeout: 120_000 });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-progress')).toBeHidden({ timeout: 120_000 });
  await expect(page.locator(`[data-document="${volume.id}"]`).getByTestId('doc-count')).toHaveText(count.toLocaleString('en'));

  // Open: the text and its highlights, the panel with every annotation.
  const opened = Date.now();
  await page.locator(`[data-document="${volume.id}"]`).getByTestId('doc-title').click();
  await expect(page.getByTestId('annotation-count')).toHaveText(count.toLocaleString('en'), { timeout: 60_000 });
  const reader = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(reader.locator('.hl').first()).toBeVisible({ timeout: 60_000 });
  testInfo.annotations.push({ type: 'opened in', description: `${Date.now() - opened} ms, with Playwright's polling` });

  // Scroll far down by wheel, as a reader does, and find highlights drawn there.
  const column = page.locator('.reader-column');
  await column.hover();
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 4000);
  await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBeGreaterThan(100_000);
  await expect(reader.locator('.section.in-view .hl').first()).toBeVisible();

  // A new highlight on what is on screen, then undone.
  // Words of a paragraph on screen, selected as the browser selects them
  // (the mouse drag of the other specs finds the first of the volume's many
  // copies of these words instead).
  const words = await reader
    .locator('.section.in-view')
    .first()
    .evaluate((section) => {
      // Highlights split the text into short runs: the first run long enough.
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      let node: Text | null = null;
      let match: RegExpExecArray | null = null;
      for (let n = walker.nextNode(); n && !match; n = walker.nextNode()) {
        node = n as Text;
        match = /[A-Za-z][A-Za-z ,]{20,40}[a-z]/.exec(node.data);
      }
      if (!node || !match) return '';
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return match[0];
    });
  expect(words.length).toBeGreaterThan(20);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByTestId('annotation-count')).toHaveText((count + 1).toLocaleString('en'));
  await page.screenshot({ path: join(screenshotDir, 'volume-50000.png') });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-count')).toHaveText(count.toLocaleString('en'));
});
