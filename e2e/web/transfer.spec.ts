import { type Page, expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dragSelect, openDocument, openLibrary } from './support';

const passage = 'the West must be reducing China’s economic dependence on the bloc'.replace('’', "'");

async function exportAll(page: Page, testInfo: { outputPath: (name: string) => string }): Promise<{ path: string; json: any }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-all').click();
  const file = await download;
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import').click();
  await (await chooser).setFiles(path);
}

test('export writes the selected quote and its position; import merges it back once; a bad file changes nothing', async ({ page }, testInfo) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, passage);
  await page.keyboard.press('3');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await page.getByTestId('back').click();

  const { path, json } = await exportAll(page, testInfo);
  expect(json.format).toBe('palimpsest.annotations');
  expect(json.version).toBe(1);
  expect(json.annotations).toHaveLength(1);
  const [entry] = json.annotations;
  const [quote, position] = entry.target.selector;
  expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: passage });
  expect(quote.prefix).toHaveLength(32);
  expect(quote.suffix).toHaveLength(32);
  expect(position.type).toBe('TextPositionSelector');
  expect(position.end - position.start).toBe(passage.length);
  expect(entry.documentId).toBe('fo-brief-sino-soviet-relations-and-albania-1962');
  expect(entry.citation).toContain('FO 371/151293');
  expect(entry.tags).toEqual(['economic-measure']);

  // Importing what is already here adds nothing.
  await importFile(page, path);
  await expect(page.getByTestId('notice-info').last()).toContainText('0 new, 0 updated, 1 already here');
  await expect(page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"] [data-testid="doc-count"]')).toHaveText('1');

  // An invalid file names its first problem and its JSON path, and changes nothing.
  const broken = structuredClone(json);
  broken.annotations.push({ ...entry, id: 'second', target: { ...entry.target, selector: [quote, { ...position, end: position.start }] } });
  const brokenPath = testInfo.outputPath('broken.json');
  writeFileSync(brokenPath, JSON.stringify(broken));
  await importFile(page, brokenPath);
  await expect(page.getByTestId('notice-error')).toContainText('nothing was changed');
  await expect(page.getByTestId('notice-error')).toContainText('$.annotations[1].target.selector[1].end: start must be less than end');
  await expect(page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"] [data-testid="doc-count"]')).toHaveText('1');

  const notJson = testInfo.outputPath('not-json.json');
  writeFileSync(notJson, '{"format": "palimpsest.annotations", ');
  await importFile(page, notJson);
  await expect(page.getByTestId('notice-error').last()).toContainText('not valid JSON');
});

test('an export imported into an empty library brings every annotation back', async ({ browser }, testInfo) => {
  const first = await browser.newPage();
  await openLibrary(first);
  await openDocument(first, 'Memorandum of Luncheon');
  await dragSelect(first, 'Albania may go over to the other side');
  await first.keyboard.press('2');
  await first.getByTestId('entry-note').fill('Ri Song-un’s fear, 1962.');
  await first.getByTestId('entry-note').blur();
  await first.getByTestId('back').click();
  const { path } = await exportAll(first, testInfo);
  await first.close();

  // A fresh context is a fresh, empty IndexedDB: a new machine.
  const context = await browser.newContext();
  const second = await context.newPage();
  await openLibrary(second);
  await importFile(second, path);
  await expect(second.getByTestId('notice-info').last()).toContainText('1 new');
  await openDocument(second, 'Memorandum of Luncheon');
  await expect(second.getByTestId('entry-quote')).toHaveText('Albania may go over to the other side');
  await expect(second.getByTestId('entry-note')).toHaveValue('Ri Song-un’s fear, 1962.');
  await expect(second.locator('.ProseMirror .hl')).toHaveText('Albania may go over to the other side');
  await context.close();
});
