import { type Page, expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQdpx } from '../../shared/format/qdpx';
import { dragSelect, openDocument, openLibrary, screenshotDir, chooseImport } from './support';

const passage = 'the West must be reducing China’s economic dependence on the bloc'.replace('’', "'");

async function exportAll(
  page: Page,
  testInfo: { outputPath: (name: string) => string },
  format = 'Palimpsest JSON',
): Promise<{ path: string; text: string; json: any }> {
  await page.getByTestId('export-all').click();
  await page.getByTestId('export-dialog').getByLabel(new RegExp(format)).check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const file = await download;
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const text = readFileSync(path, 'utf8');
  return { path, text, json: format.startsWith('CSV') || format.startsWith('REFI') ? null : JSON.parse(text) };
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
}

/// Imports through the preview, checking its counts first.
async function importConfirmed(page: Page, path: string, counts: RegExp, screenshot?: string): Promise<void> {
  await importFile(page, path);
  await expect(page.getByTestId('import-counts')).toHaveText(counts);
  if (screenshot) await page.screenshot({ path: join(screenshotDir, screenshot) });
  await page.getByTestId('import-confirm').click();
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

  // Importing what is already here adds nothing: the preview says so.
  await importFile(page, path);
  await expect(page.getByTestId('import-counts')).toHaveText(/0 new.*0 updated.*1 already here.*0 cannot be placed/s);
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-preview').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"] [data-testid="doc-count"]')).toHaveText('1');

  // An invalid file names its first problem and its JSON path, and changes nothing.
  const broken = structuredClone(json);
  broken.annotations.push({ ...entry, id: 'second', target: { ...entry.target, selector: [quote, { ...position, end: position.start }] } });
  const brokenPath = testInfo.outputPath('broken.json');
  writeFileSync(brokenPath, JSON.stringify(broken));
  await importFile(page, brokenPath);
  await expect(page.getByTestId('notice-error')).toContainText('nothing was changed');
  await expect(page.getByTestId('notice-error')).toContainText('Annotation 2 › target › selector 2 › end: start must be less than end');
  await expect(page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"] [data-testid="doc-count"]')).toHaveText('1');

  const notJson = testInfo.outputPath('not-json.json');
  writeFileSync(notJson, '{"format": "palimpsest.annotations", ');
  await importFile(page, notJson);
  await expect(page.getByTestId('notice-error').last()).toContainText('not valid JSON');
});

test('an export imported into an empty library brings every annotation back, with the documents of her own they are on', async ({ browser }, testInfo) => {
  const first = await browser.newPage();
  await openLibrary(first);
  await openDocument(first, 'Memorandum of Luncheon');
  await dragSelect(first, 'Albania may go over to the other side');
  await first.keyboard.press('2');
  await first.getByTestId('entry-note').fill('Ri Song-un’s fear, 1962.');
  await first.getByTestId('entry-note').blur();
  await first.getByTestId('back').click();
  // A Word file of her own, annotated.
  const chooser = first.waitForEvent('filechooser');
  await chooseImport(first, 'documents');
  await (await chooser).setFiles(join(import.meta.dirname, '..', '..', 'shared', 'importers', 'fixtures', 'memo-1962.docx'));
  await first.getByTestId('import-results-close').click();
  await first.locator('[data-document="memo-1962"] [data-testid="doc-title"]').click();
  await dragSelect(first, 'Korea has not been following the Chinese model');
  await first.keyboard.press('2');
  await expect(first.getByTestId('annotation-entry')).toHaveCount(1);
  await first.getByTestId('back').click();
  const { path } = await exportAll(first, testInfo);
  await first.close();

  // A fresh context is a fresh, empty IndexedDB: a new machine.
  const context = await browser.newContext();
  const second = await context.newPage();
  await openLibrary(second);
  await importFile(second, path);
  await expect(second.getByTestId('import-counts')).toHaveText(/2 new.*0 cannot be placed/s);
  await expect(second.locator('[data-testid="import-kinds"] [data-kind="documents"]')).toHaveText(/Documents\s*1\s*0\s*0/);
  await second.screenshot({ path: join(screenshotDir, 'import-whole-library.png') });
  await second.getByTestId('import-confirm').click();
  await expect(second.getByTestId('notice-info').last()).toContainText('2 new');
  await expect(second.getByTestId('notice-info').last()).toContainText('documents: 1 new');
  await openDocument(second, 'Memorandum of Luncheon Given');
  await expect(second.getByTestId('entry-quote')).toHaveText('Albania may go over to the other side');
  await expect(second.getByTestId('entry-note')).toHaveValue('Ri Song-un’s fear, 1962.');
  await expect(second.locator('.ProseMirror .hl')).toHaveText('Albania may go over to the other side');
  await second.getByTestId('back').click();
  await second.locator('[data-document="memo-1962"] [data-testid="doc-title"]').click();
  await expect(second.locator('.ProseMirror .hl')).toHaveText('Korea has not been following the Chinese model');
  await context.close();
});

test('export as W3C, CSV and REFI-QDA, and a W3C file imports back with a preview', async ({ browser }, testInfo) => {
  const page = await browser.newPage();
  await openLibrary(page);
  await openDocument(page, 'Report on the Stance of the DPRK');
  await dragSelect(page, 'Kim Il Sung said to Siri Çarçani');
  await page.keyboard.press('1');
  await page.getByTestId('entry-actor').fill('Kim Il Sung');
  await page.getByTestId('entry-actor').press('Enter');
  await page.getByTestId('back').click();

  const w3c = await exportAll(page, testInfo, 'W3C Web Annotation');
  expect(w3c.json.type).toBe('AnnotationCollection');
  const [item] = w3c.json.first.items;
  expect(item.body).toEqual([
    { type: 'TextualBody', purpose: 'tagging', value: 'Actor' },
    { type: 'TextualBody', purpose: 'identifying', value: 'Kim Il Sung' },
  ]);
  expect(item.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'Kim Il Sung said to Siri Çarçani' });

  const csv = await exportAll(page, testInfo, 'CSV');
  expect(csv.text.startsWith('\uFEFFannotation id,document id,document title')).toBe(true);
  expect(csv.text).toContain('Kim Il Sung said to Siri Çarçani');
  expect(csv.text).toContain('Report on the Stance of the DPRK towards Albania');

  const qdpx = await exportAll(page, testInfo, 'REFI-QDA project');
  expect(qdpx.path.endsWith('.qdpx')).toBe(true);
  const project = readQdpx(new Uint8Array(readFileSync(qdpx.path)));
  expect(project['project.qde']).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
  expect(project['project.qde']).toMatch(/<PlainTextSelection [^>]*name="Kim Il Sung said to Siri Çarçani"/);
  expect(Object.keys(project).filter((name) => name.startsWith('sources/'))).toHaveLength(1);
  await page.close();

  // Into an empty library: the preview counts it, then it is there.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openLibrary(fresh);
  await importConfirmed(fresh, w3c.path, /1 new.*0 cannot be placed/s, 'import-preview.png');
  await expect(fresh.getByTestId('notice-info').last()).toContainText('1 new');
  await openDocument(fresh, 'Report on the Stance of the DPRK');
  await expect(fresh.getByTestId('entry-quote')).toHaveText('Kim Il Sung said to Siri Çarçani');
  await expect(fresh.getByTestId('entry-actor')).toHaveValue('Kim Il Sung');
  await context.close();
});
