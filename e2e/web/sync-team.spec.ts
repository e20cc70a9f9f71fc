import { type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dragSelect, openDocument, screenshotDir } from './support';
import { joinProject, shareLibrary, syncServer, syncStatus } from './sync-support';

// A team on a real sync server process: an editor who shares, a second
// editor, and a reviewer with the read-only invitation, each in a Chromium
// context of their own.
test.use({ actionTimeout: 15_000 });

const server = syncServer('team.sqlite');

const title = 'Visit of the Italian Prime Minister';
const first = 'apple of discord';
const second = 'Italy, France and Turkey';

const entryOf = (page: Page, words: string) =>
  page.getByTestId('annotation-entry').filter({ has: page.getByTestId('entry-quote').getByText(words, { exact: true }) });
const status = syncStatus;

async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  return { context, page: await context.newPage() };
}

async function tagWithNote(page: Page, words: string, note: string): Promise<void> {
  await dragSelect(page, words);
  await page.keyboard.press('2');
  const entry = entryOf(page, words);
  await expect(entry).toHaveCount(1);
  await entry.getByTestId('entry-note').click();
  await page.keyboard.type(note);
  await entry.getByTestId('entry-note').blur();
}

test('a team: typing survives a colleague’s edit, the table filters by author, a reviewer stays read only', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const ana = await person(browser);
  const ben = await person(browser);
  const cai = await person(browser);
  const codes = await shareLibrary(ana.page, server(), 'Ana Petrova', 'FO 371: Albania, 1961–62');
  // The invitation codes are shown whole, each with a Copy button.
  for (const id of ['invite-edit', 'invite-read']) {
    const whole = await ana.page.getByTestId(id).evaluate((field) => field.scrollHeight <= field.clientHeight + 1);
    expect(whole, `${id} shows the whole code`).toBe(true);
  }
  await ana.page.getByTestId('invite-read-copy').click();
  await expect(ana.page.getByTestId('share-dialog')).toContainText('Copied.');
  expect(await ana.page.evaluate(() => navigator.clipboard.readText())).toBe(codes.read);
  await ana.page.screenshot({ path: join(screenshotDir, 'sync-invitations.png') });
  await ana.page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  await joinProject(ben.page, codes.edit, 'Ben Okafor');

  await openDocument(ana.page, title);
  await openDocument(ben.page, title);
  await tagWithNote(ana.page, first, 'Ana: the crux.');
  await expect(entryOf(ben.page, first).getByTestId('entry-note')).toHaveValue('Ana: the crux.', { timeout: 15_000 });
  // Once the server has everything, nothing is pending.
  await expect(status(ana.page)).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(ana.page.getByTestId('sync-pending')).toHaveCount(0);

  // Ben types in the note while Ana's edit of it arrives: his typing, his
  // caret and her words all stay.
  const benNote = entryOf(ben.page, first).getByTestId('entry-note');
  await benNote.click();
  await ben.page.keyboard.press('End');
  await ben.page.keyboard.type(' Ben: see FO 371/163');
  const anaNote = entryOf(ana.page, first).getByTestId('entry-note');
  await anaNote.click();
  await ana.page.keyboard.press('Home');
  await ana.page.keyboard.type('Checked. ');
  await anaNote.blur();
  await expect(benNote).toHaveValue('Checked. Ana: the crux. Ben: see FO 371/163', { timeout: 15_000 });
  await expect(benNote).toBeFocused();
  await ben.page.keyboard.type(', f. 12.');
  await expect(benNote).toHaveValue('Checked. Ana: the crux. Ben: see FO 371/163, f. 12.');
  await ben.page.screenshot({ path: join(screenshotDir, 'sync-typing-merged.png') });
  await benNote.blur();
  await expect(anaNote).toHaveValue('Checked. Ana: the crux. Ben: see FO 371/163, f. 12.', { timeout: 15_000 });

  // Ben tags a passage of his own; the table shows who made what and filters by it.
  await tagWithNote(ben.page, second, 'Ben: the three NATO flanks.');
  await expect(entryOf(ana.page, second)).toHaveCount(1, { timeout: 15_000 });
  await ana.page.getByRole('button', { name: /^(← )?Library$/ }).click();
  await ana.page.getByTestId('open-table').click();
  await expect(ana.page.getByTestId('table-row')).toHaveCount(2);
  await expect(ana.page.getByTestId('table-author')).toHaveText(['Ben Okafor', 'Ana Petrovachanged by Ben Okafor'], { timeout: 15_000 });
  const authorFilter = ana.page.getByTestId('table-filter-author');
  await expect(authorFilter.locator('option')).toHaveText(['Anyone', 'Ana Petrova (1)', 'Ben Okafor (1)']);
  await authorFilter.selectOption({ label: 'Ben Okafor (1)' });
  await expect(ana.page.getByTestId('table-row')).toHaveCount(1);
  await expect(ana.page.getByTestId('table-quote')).toHaveText(second);
  await ana.page.screenshot({ path: join(screenshotDir, 'sync-table-author.png') });

  // A whole-library export carries who made and last changed each annotation.
  await ana.page.getByRole('button', { name: /^(← )?Library$/ }).click();
  await ana.page.getByTestId('export-all').click();
  await ana.page
    .getByTestId('export-dialog')
    .getByLabel(/Palimpsest JSON/)
    .check();
  const download = ana.page.waitForEvent('download');
  await ana.page.getByTestId('export-confirm').click();
  const file = testInfo.outputPath('team.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  const byQuote = (quote: string) => exported.annotations.find((a: { target: { selector: [{ exact: string }] } }) => a.target.selector[0].exact === quote);
  expect([byQuote(first).createdBy.name, byQuote(first).modifiedBy.name]).toEqual(['Ana Petrova', 'Ben Okafor']);
  expect(byQuote(second).createdBy).toEqual({ id: expect.any(String), name: 'Ben Okafor' });

  // The reviewer joins read only: the project comes in, their own tag stays
  // on their machine, said so, and is never counted as pending.
  await joinProject(cai.page, codes.read, 'Cai Lindqvist');
  await expect(status(cai.page)).toContainText('read only');
  await openDocument(cai.page, title);
  await expect(entryOf(cai.page, second)).toHaveCount(1, { timeout: 15_000 });
  await dragSelect(cai.page, 'Albanian regime');
  await cai.page.keyboard.press('2');
  await expect(entryOf(cai.page, 'Albanian regime').getByTestId('entry-authorship')).toHaveText('Only on this machine: the project is read only for you');
  await expect(cai.page.getByTestId('sync-local-only')).toHaveText('1', { timeout: 15_000 });
  await expect(status(cai.page)).toContainText('1 item changed here stays on this machine only');
  await expect(cai.page.getByTestId('sync-pending')).toHaveCount(0);
  await expect(status(cai.page)).toHaveAttribute('data-status', 'connected');
  await cai.page.screenshot({ path: join(screenshotDir, 'sync-read-only.png') });
  // Nobody else receives it.
  await ben.page.waitForTimeout(1_000);
  await expect(entryOf(ben.page, 'Albanian regime')).toHaveCount(0);
  await expect(ben.page.getByTestId('annotation-count')).toHaveText('2');

  // The library's last row scrolls clear of the status in the corner.
  await cai.page.getByRole('button', { name: /^(← )?Library$/ }).click();
  await cai.page.getByTestId('library').evaluate((library) => library.scrollTo({ top: library.scrollHeight }));
  const last = await cai.page.getByTestId('doc-row').last().boundingBox();
  const bar = await status(cai.page).boundingBox();
  expect(last!.y + last!.height).toBeLessThanOrEqual(bar!.y);
  await cai.page.screenshot({ path: join(screenshotDir, 'sync-library-end.png') });

  for (const p of [ana, ben, cai]) await p.context.close();
});
