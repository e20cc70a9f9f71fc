import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir, tagPassage } from './support';

const revision = join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md');

test('notices keep to the status row: a result replaces the last, an error stays until dismissed', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  // Three results in a row: only the newest is shown.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice-info')).toHaveCount(1);
  await expect(page.getByTestId('notice-info')).toHaveText(/Nothing to undo\./);

  // The same mistake twice is one error, kept beside the result.
  const gap = page.locator('.ProseMirror p', { hasText: /^RECEIVED IN$/ });
  for (let i = 0; i < 2; i++) {
    await gap.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('2');
  }
  const error = page.getByTestId('notice-error');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText('only spaces or line breaks');

  // At the right of the status row, under the text: they cover none of it.
  const area = (await page.getByTestId('notices').boundingBox())!;
  const row = (await page.getByTestId('status-row').boundingBox())!;
  const column = (await page.locator('.reader-column').boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(area.x + area.width).toBeGreaterThan(viewport.width - 40);
  expect(area.y).toBeGreaterThanOrEqual(row.y);
  expect(row.y + row.height).toBeCloseTo(viewport.height, 0);
  expect(column.y + column.height).toBeLessThanOrEqual(row.y + 1);
  await page.screenshot({ path: join(screenshotDir, 'notices-corner.png') });

  // The result closes itself; the error stays until dismissed.
  await expect(page.getByTestId('notice-info')).toHaveCount(0, { timeout: 12_000 });
  await expect(error).toHaveCount(1);
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
});

test('after a revision the panel shows its review list, and a moved passage is not struck through', async ({ page }, info) => {
  // A short window, so the panel scrolls.
  await page.setViewportSize({ width: 1400, height: 640 });
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await tagPassage(page, 'an apple of discord in the bloc suits us very well', '2');
  await tagPassage(page, '/their', '2');
  await tagPassage(page, 'Corfu Channel incident of 1946', '3');
  await tagPassage(page, '£843,947', '3');
  await tagPassage(page, 'he wanted to force Peking to desist from further support', '2');
  const panel = page.getByTestId('panel');
  await panel.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('new-revision').click();
  // The corrected transcription, with the brief's first point moved to the end, where the file has it.
  const lines = readFileSync(revision, 'utf8').split('\n');
  const first = lines.findIndex((line) => line.startsWith('1. The most plausible'));
  const next = lines.findIndex((line) => line.startsWith('2. The outcome'));
  const point = lines.splice(first, next - first);
  const reordered = info.outputPath('fo-brief-reordered.md');
  writeFileSync(reordered, [...lines, '', ...point, ''].join('\n'));
  await (await chooser).setFiles(reordered);
  await page.getByTestId('revision-confirm').click();

  const title = page.getByTestId('review-list').getByRole('heading');
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  const moved = page.locator('[data-testid="review-entry"][data-status="moved"]');
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText('he wanted to force Peking to desist from further support');
  await expect(moved.first()).toContainText('the same words, now at another place');
  // Nothing in a moved entry is struck out.
  const struck = await moved.evaluateAll(
    (entries) => entries.flatMap((e) => [...e.querySelectorAll('*')]).filter((e) => getComputedStyle(e).textDecorationLine.includes('line-through')).length,
  );
  expect(struck).toBe(0);
  await page.screenshot({ path: join(screenshotDir, 'revision-review-panel.png') });
});
