import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomAnnotations } from '../../shared/test-support/synthetic';
import { defaultTagTypes } from '../../shared/annotation/model';
import { buildNativeFile } from '../../shared/format/native';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { openLibrary, screenshotDir } from './support';

const count = 60_000;

test('a backup file of 60,000 annotations is read in the backup worker with a progress bar, the page holding none of them, and restores whole', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const corpus = loadCorpus();
  const article = seed(corpus, seedIds.article);
  const path = testInfo.outputPath('backup.json');
  const file = buildNativeFile({
    annotations: randomAnnotations(article, count, 9),
    tagTypes: defaultTagTypes,
    documents: corpus,
    scope: { kind: 'all' },
    exported: new Date('2026-12-03T12:00:00Z'),
    library: { relationTypes: [], links: [], actors: [], sets: [] },
  });
  // As the app writes a backup file.
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);

  await openLibrary(page);
  const heap = () => page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1048576);
  const before = await heap();
  await page.getByTestId('backups').click();
  const dialog = page.getByTestId('backups-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('backup-restore-file').click();
  await (await chooser).setFiles(path);
  await expect(dialog.getByTestId('restore-progress')).toContainText(/Reading the backup: \d+%/);
  const label = count.toLocaleString('en');
  await expect(dialog.getByTestId('restore-preview')).toContainText(`gives the library its ${label} annotations: ${label} come back`, { timeout: 120_000 });
  // Read in the worker: the page holds the figures, not 60,000 annotations
  // (read on the page, they were some 100 MB of its heap).
  const held = (await heap()) - before;
  console.log(`the page's heap after the preview: ${held.toFixed(1)} MB above its level before`);
  expect(held).toBeLessThan(40);
  await page.screenshot({ path: join(screenshotDir, 'large-restore-preview.png') });

  await dialog.getByTestId('restore-confirm').click();
  await expect(dialog.getByTestId('restore-progress')).toContainText(/Restoring the annotations: \d+%/, { timeout: 60_000 });
  await page.screenshot({ path: join(screenshotDir, 'large-restore-writing.png') });
  await expect(page.getByTestId('notice-info').last()).toContainText(`${label} annotations`, { timeout: 120_000 });
  await expect(page.locator(`[data-document="${article.id}"]`).getByTestId('doc-count')).toHaveText(count.toLocaleString('en'));
});
