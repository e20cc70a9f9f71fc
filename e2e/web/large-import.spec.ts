import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomAnnotations } from '../../shared/test-support/synthetic';
import { defaultTagTypes } from '../../shared/annotation/model';
import { buildNativeFile } from '../../shared/format/native';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { openLibrary, screenshotDir, chooseImport } from './support';

const count = 20_000;

test('a file of 20,000 annotations imports in the worker with a progress bar, and the page stays responsive', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const corpus = loadCorpus();
  const article = seed(corpus, seedIds.article);
  const annotations = randomAnnotations(article, count, 5);
  const path = testInfo.outputPath('many.json');
  writeFileSync(
    path,
    JSON.stringify(
      buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date('2026-11-23T12:00:00Z') }),
    ),
  );

  await openLibrary(page);
  // Long tasks on the page from the click on Import on: reading, anchoring
  // and writing run in the import worker, so the page should see none.
  await page.evaluate(() => {
    const seen: number[] = [];
    const from = performance.now();
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= from) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-counts')).toContainText(`${count.toLocaleString('en')} new`, { timeout: 60_000 });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'import-progress.png') });
  await expect(page.getByTestId('import-progress')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('notice-info').last()).toContainText(`${count.toLocaleString('en')} new`);
  const row = page.locator(`[data-document="${article.id}"]`).getByTestId('doc-count');
  await expect(row).toHaveText(count.toLocaleString('en'));
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  testInfo.annotations.push({ type: 'long tasks during the import', description: JSON.stringify(longTasks.map(Math.round)) });
  console.log(`long tasks on the page during the import of ${count}: ${JSON.stringify(longTasks.map(Math.round))}`);

  // The document opens with them all: a dense case (about 130 passages a
  // thousand characters), which takes seconds here (see the README).
  await page.getByTestId('doc-title').filter({ hasText: 'Additional Evidence' }).click();
  await expect(page.getByTestId('annotation-count')).toHaveText(count.toLocaleString('en'), { timeout: 60_000 });
  await expect(page.locator('[data-testid="reader"] .ProseMirror .hl').first()).toBeVisible({ timeout: 60_000 });
});
