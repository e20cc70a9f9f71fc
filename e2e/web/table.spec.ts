import { type Page, expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomAnnotations } from '../../shared/test-support/synthetic';
import { defaultTagTypes } from '../../shared/annotation/model';
import { buildNativeFile } from '../../shared/format/native';
import { loadCorpus, seedIds } from '../../shared/test-support/corpus';
import { dismissNotices, openDocument, openLibrary, screenshotDir, tagPassage, chooseImport } from './support';

const brief = 'Visit of the Italian Prime Minister';
const memo = 'Memorandum of Luncheon';
const grain = 'grain, fertilizers and some engineering goods';
const refusal = 'a Western refusal to trade with China';
const freedom = 'increasing her freedom to diverge from the Soviet Union';
const aid = 'economic successes of the DPRK would not be possible without constant Soviet assistance';
const unity = 'It is therefore our duty to do all we can to preserve our unity.';

const rows = (page: Page) => page.getByTestId('table-row');
/// The quotes of the rows shown, for a retrying `toHaveText([...])`: the table
/// redraws after each filter, so a one-off read could see the rows before it.
const quotes = (page: Page) => page.getByTestId('table-quote');
/// The row of the annotation on `quote`.
const row = (page: Page, quote: string) => rows(page).filter({ has: page.getByTestId('table-quote').getByText(quote, { exact: true }) });

test('every annotation in one table: filter, sort, select into a set, export, and open a passage', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, brief);
  await tagPassage(page, grain, '3', { note: 'Trade in these loosened Peking’s dependence on Moscow.' });
  await tagPassage(page, refusal, '2', { note: 'Cf. Mëhilli: an embargo would push Peking back towards Moscow.' });
  await tagPassage(page, freedom, '2');
  await page.getByTestId('back').click();
  await openDocument(page, memo);
  await tagPassage(page, aid, '3', { note: 'Ri ties Pyongyang’s growth to Soviet aid.' });
  await tagPassage(page, unity, '2');
  await tagPassage(page, 'Ri Song-un', '1', { occurrence: 1, actor: 'Ri Song-un' });
  await page.getByTestId('back').click();

  await page.getByTestId('open-table').click();
  await expect(page.getByTestId('table-count')).toHaveText('6 of 6 annotations');
  // In date order at first: the brief of 19 January 1962, each document's in
  // the order of its text, then the memorandum of 2 April 1962.
  await expect(page.getByTestId('table-sort-date').locator('xpath=..')).toHaveAttribute('aria-sort', 'ascending');
  await expect(quotes(page)).toHaveText([grain, freedom, refusal, 'Ri Song-un', unity, aid]);
  await expect(rows(page).first().getByTestId('table-date')).toHaveText('19 January 1962');
  await expect(row(page, 'Ri Song-un').getByTestId('table-tag')).toHaveText(['Actor']);
  await expect(row(page, 'Ri Song-un').getByTestId('table-actor')).toHaveText('Ri Song-un');

  // Sorting by date the other way puts the memorandum first, its rows still in text order.
  await page.getByTestId('table-sort-date').click();
  await expect(page.getByTestId('table-sort-date').locator('xpath=..')).toHaveAttribute('aria-sort', 'descending');
  await expect(quotes(page)).toHaveText(['Ri Song-un', unity, aid, grain, freedom, refusal]);
  await expect(rows(page).first().getByTestId('table-date')).toHaveText('2 April 1962');
  await page.getByTestId('table-sort-quote').click();
  await expect(page.getByTestId('table-sort-date').locator('xpath=..')).toHaveAttribute('aria-sort', 'none');
  await expect(quotes(page)).toHaveText([refusal, aid, grain, freedom, unity, 'Ri Song-un']);
  await page.getByTestId('table-sort-date').click();

  // Only the Economic measures, from both documents.
  await page.getByTestId('table-filter-tag').selectOption({ label: 'Economic measure (2)' });
  await expect(page.getByTestId('table-count')).toHaveText('2 of 6 annotations');
  await expect(quotes(page)).toHaveText([grain, aid]);
  await expect(rows(page).getByTestId('table-tag')).toHaveText(['Economic measure', 'Economic measure']);
  await page.getByTestId('table-filter-tag').selectOption({ label: 'Any tag' });
  await page.getByTestId('table-filter-actor').selectOption({ label: 'Ri Song-un (1)' });
  await expect(quotes(page)).toHaveText(['Ri Song-un']);
  await page.getByTestId('table-filter-actor').selectOption('');

  // Words, case and accents folded: in a note, and in the memorandum's title ("Dvořàk").
  await page.getByTestId('table-search').fill('MEHILLI');
  await expect(page.getByTestId('table-count')).toHaveText('1 of 6 annotations');
  await expect(quotes(page)).toHaveText([refusal]);
  await page.getByTestId('table-search').fill('dvorak soviet');
  await expect(quotes(page)).toHaveText([aid]);
  await page.getByTestId('table-search').fill('');
  await expect(page.getByTestId('table-count')).toHaveText('6 of 6 annotations');

  // Select the brief's three rows with a click and a Shift+click, and the
  // memorandum's measure with a click, then gather them in a new set.
  const select = (quote: string) => row(page, quote).getByTestId('table-row-select');
  await select(grain).click();
  await select(refusal).click({ modifiers: ['Shift'] });
  await select(aid).click();
  await expect(page.getByTestId('table-selected')).toHaveText('4 selected');
  await expect(page.getByTestId('table-select-all')).toHaveJSProperty('indeterminate', true);
  await page.getByTestId('table-add-to-set').click();
  await expect(page.getByTestId('add-to-set-dialog')).toBeVisible();
  await page.getByTestId('add-to-set-name').fill('Chapter 3: trade as a lever');
  await page.getByTestId('add-to-set-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Added 4 annotations to “Chapter 3: trade as a lever”/);
  await expect(page.getByTestId('add-to-set-dialog')).toBeHidden();
  await expect(row(page, grain)).toContainText('Chapter 3: trade as a lever');

  // The set as a filter, and one row taken out of it again.
  await page.getByTestId('table-select-all').click();
  await page.getByTestId('table-select-all').click();
  await expect(page.getByTestId('table-selected')).toHaveText('None selected');
  await page.getByTestId('table-filter-set').selectOption({ label: 'Chapter 3: trade as a lever (4)' });
  await expect(page.getByTestId('table-count')).toHaveText('4 of 6 annotations');
  await expect(quotes(page)).toHaveText([grain, freedom, refusal, aid]);
  await select(refusal).click();
  await page.getByTestId('table-remove-from-set').click();
  await expect(page.getByTestId('table-count')).toHaveText('3 of 6 annotations');
  await expect(quotes(page)).toHaveText([grain, freedom, aid]);

  // "Select all" takes the rows shown, and an existing set is offered.
  await page.getByTestId('table-filter-set').selectOption('');
  await page.getByTestId('table-filter-document').selectOption(seedIds.czechMemo);
  await page.getByTestId('table-select-all').click();
  await expect(page.getByTestId('table-selected')).toHaveText('3 selected');
  await page.getByTestId('table-add-to-set').click();
  await expect(page.getByTestId('add-to-set-choice')).toHaveValue(/.+/);
  await page.getByTestId('add-to-set-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Added 2 annotations to “Chapter 3: trade as a lever”; 1 was in it already/);
  await page.getByTestId('table-filter-document').selectOption('');
  await page.getByTestId('table-select-all').click();
  await page.getByTestId('table-select-all').click();

  // The rows shown, as a spreadsheet.
  await page.getByTestId('table-filter-tag').selectOption({ label: 'Claim (3)' });
  const download = page.waitForEvent('download');
  await page.getByTestId('table-export').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('Document,Date,Tags,Actor,Name as tagged,Quote,Note,Links,Relations,Sets,Page,Document id,Annotation id');
  expect(lines).toHaveLength(4);
  expect(lines.find((line) => line.includes(refusal))).toContain(
    `,19 January 1962,Claim,,,${refusal},Cf. Mëhilli: an embargo would push Peking back towards Moscow.,0,,,`,
  );
  await page.getByTestId('table-filter-tag').selectOption('');

  await row(page, aid).getByTestId('table-row-select').click();
  // The notices of the steps above, dismissed as a reader would, so the picture shows the table.
  await dismissNotices(page);
  await page.screenshot({ path: join(screenshotDir, 'table.png') });

  // A quote opens its passage in the reader, its entry selected.
  await row(page, unity).getByTestId('table-quote').click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
  await expect(page.locator('.entry-selected')).toHaveCount(1);
  await expect(page.locator('.entry-selected').getByTestId('entry-quote')).toHaveText(unity);
  await expect(page.locator('[data-testid="reader"] .hl-selected')).toHaveText(unity);
});

test('12,000 annotations scroll and filter with only the rows on screen drawn', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const corpus = loadCorpus();
  // A few thousand in each document; ids made unique across them.
  const annotations = [...corpus.values()].flatMap((document, d) => randomAnnotations(document, 2400, d + 1).map((a) => ({ ...a, id: `d${d}-${a.id}` })));
  const path = testInfo.outputPath('many.json');
  writeFileSync(
    path,
    JSON.stringify(
      buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date('2026-11-23T12:00:00Z') }),
    ),
  );

  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-counts')).toContainText('12,000 new', { timeout: 60_000 });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-progress')).toBeHidden({ timeout: 60_000 });

  await page.getByTestId('open-table').click();
  await expect(page.getByTestId('table-count')).toHaveText('12,000 of 12,000 annotations', { timeout: 30_000 });
  expect(await rows(page).count()).toBeLessThan(80);

  // To the end and back: the last rows are there, and still few are drawn.
  const table = page.getByTestId('table');
  await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(rows(page).last()).toHaveAttribute('data-index', '11999');
  expect(await rows(page).count()).toBeLessThan(80);

  // By the keys, as a reader does: Home, Page Down, End. The last
  // annotation is drawn inside the view, every row of one height.
  await table.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await expect(rows(page).first()).toHaveAttribute('data-index', '0');
  await page.keyboard.press('PageDown');
  await expect(rows(page).first()).not.toHaveAttribute('data-index', '0');
  await page.keyboard.press('End');
  const last = page.locator('[data-testid="table-row"][data-index="11999"]');
  await expect(last).toBeInViewport({ ratio: 1 });
  const heights = await rows(page).evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))]);
  expect(heights).toEqual([55]);
  await page.screenshot({ path: join(screenshotDir, 'table-12000-end.png') });

  // A box ticked, then scrolled away: a key pressed after acts on no other
  // annotation (rows lend their DOM to the rows scrolled in).
  await page.keyboard.press('Home');
  await rows(page).first().getByTestId('table-row-select').click();
  await expect(page.getByTestId('table-selected')).toHaveText('1 selected');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect(rows(page).first()).not.toHaveAttribute('data-index', '0');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('table-selected')).toHaveText('1 selected');
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // Words typed filter all 12,000 as they are typed; the field keeps every key.
  await page.getByTestId('table-search').pressSequentially('ë ж', { delay: 30 });
  await expect(page.getByTestId('table-search')).toHaveValue('ë ж');
  await expect(page.getByTestId('table-count')).toHaveText('2,400 of 12,000 annotations');
  await page.getByTestId('table-sort-actor').click();
  await expect(rows(page).first().getByTestId('table-actor')).toHaveText('Khrushchev');
  await page.getByTestId('table-select-all').click();
  await expect(page.getByTestId('table-selected')).toHaveText('2,400 selected');
});
