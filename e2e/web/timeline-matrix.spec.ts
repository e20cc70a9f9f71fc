import { type Page, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dismissNotices, openDocument, openLibrary, screenshotDir, tagPassage } from './support';

const claim = 'he wanted to force Peking to desist from further support';
const supporting = "Albania's intensifying cooperation with the People's Republic of China";
const contradicting = 'we have to forget about prestige and first of all prevent defection to the capitalist camp';

const brief = 'fo-brief-sino-soviet-relations-and-albania-1962';
const memo = 'czechoslovak-memorandum-ri-song-un-1962';
const report = 'albanian-report-dprk-stance-1967';
const article = 'edemskiy-final-break-moscow-tirana-balcanica-2019';
const listing = 'archive-search-khrushchev-albania';
const briefTitle =
  "Visit of the Italian Prime Minister and Foreign Secretary to the U.K. in Jan. 1962, Brief No. 5, 'Sino-Soviet Relations and Albania: East-West Relations Generally'";

/// Tags `words` in the document open in the reader with the tag type of key `key`.
/// From the claim's entry in the open brief, links a passage of another
/// document to it, picked in that document's text, reading from the passage:
/// "‹passage› supports ‹claim›".
async function linkToClaim(page: Page, documentTitle: string, words: string, relation: string): Promise<void> {
  await page.getByTestId('annotation-entry').filter({ hasText: claim }).getByTestId('entry-link-start').click();
  await page.getByTestId('link-pick-in-text').click();
  await page.getByTestId('back').click();
  await openDocument(page, documentTitle);
  await tagPassage(page, words, '3');
  const dialog = page.getByTestId('link-dialog');
  await expect(dialog.locator('.link-end').nth(1)).toContainText(words);
  await dialog.getByTestId('link-swap').click();
  await expect(dialog.locator('.link-end').first()).toContainText(words);
  await dialog.getByTestId('link-relation').selectOption({ label: relation });
  await dialog.getByTestId('link-confirm').click();
  await expect(dialog).toBeHidden();
}

/// Where the marks of `items` start on screen (a point's centre, a span's
/// left end), in the items' order.
async function markLefts(items: ReturnType<Page['locator']>): Promise<number[]> {
  return items.locator('.tl-mark').evaluateAll((marks) =>
    marks.map((m) => {
      const box = m.getBoundingClientRect();
      return m.classList.contains('tl-point') ? box.left + box.width / 2 : box.left;
    }),
  );
}

test('the timeline: the documents and the listing’s entries by date, filtered by tag type, opening documents and passages', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await tagPassage(page, claim, '2');
  await page.getByTestId('back').click();
  await openDocument(page, 'Final Break between Moscow and Tirana');
  await tagPassage(page, supporting, '3');
  await page.getByTestId('back').click();
  // An actor in the memorandum, named as the source spells him.
  await openDocument(page, 'Memorandum of Luncheon');
  await tagPassage(page, 'Ri Song-un', '1', { occurrence: 1, actor: 'Ri Song-un' });
  await page.getByTestId('back').click();

  await page.getByTestId('open-timeline').click();
  const timeline = page.getByTestId('timeline');
  const documents = timeline.locator('[data-testid="timeline-item"]:not([data-entry])');
  const entries = timeline.locator('[data-testid="timeline-item"][data-entry]');

  // The five documents, left to right by date: the listing spans 1956–1964, the article is 2019.
  await expect(documents).toHaveCount(5);
  await expect.poll(() => documents.evaluateAll((items) => items.map((i) => i.getAttribute('data-document')))).toEqual([listing, brief, memo, report, article]);
  const lefts = await markLefts(documents);
  expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  await expect(documents.filter({ hasText: 'Archive search results' })).toContainText('26 December 1956 – 26 June 1964');
  await expect(timeline.locator(`[data-testid="timeline-item"][data-document="${brief}"]:not([data-entry])`)).toContainText('19 January 1962');
  await expect(timeline.locator(`[data-testid="timeline-item"][data-document="${brief}"]:not([data-entry])`)).toContainText('1 annotation');
  await expect(timeline.locator(`[data-testid="timeline-item"][data-document="${report}"]`)).toContainText('no annotations');

  // The listing's nine entries, each at its own date, from December 1956 to June 1964.
  await expect(entries).toHaveCount(9);
  await expect(entries.first()).toContainText('Memorandum of Meeting with Khrushchev, Moscow');
  await expect(entries.first()).toContainText('26 December 1956');
  await expect(entries.last()).toContainText('Report on the 1st and 2nd Conference of Non-Aligned Countries');
  const entryLefts = await markLefts(entries);
  expect(entryLefts).toEqual([...entryLefts].sort((a, b) => a - b));
  expect(entryLefts.at(-1)!).toBeLessThan(lefts[1]! + 300);
  // The axis ticks each documented year, and leaves the empty decades out.
  await expect(timeline.locator('.tl-year')).toContainText(['1956', '1957', '1962', '1967', '2019']);
  await expect(timeline.locator('.tl-break')).toHaveAttribute('title', /No dated documents from 1968 to 2018/);
  // The passages are listed under the chart, by the date of their document.
  await expect(timeline.getByTestId('timeline-group')).toHaveCount(3);
  await expect(timeline.getByTestId('timeline-passage')).toHaveText([new RegExp(claim), /Ri Song-un/, new RegExp(supporting)]);
  await page.screenshot({ path: join(screenshotDir, 'timeline.png') });
  // A document's count brings its passages into view, marked.
  await timeline.locator(`[data-testid="timeline-item"][data-document="${article}"]`).getByTestId('timeline-count').click();
  await expect(timeline.locator(`[data-testid="timeline-group"][data-document="${article}"]`)).toHaveClass(/tl-group-selected/);
  await expect(timeline.locator(`[data-testid="timeline-group"][data-document="${article}"]`)).toBeInViewport();

  // Economic measures only: the brief's claim no longer counts.
  await page.getByTestId('timeline-filter-tag').selectOption({ label: 'Economic measure' });
  await expect(timeline.locator(`[data-testid="timeline-item"][data-document="${brief}"]:not([data-entry])`)).toContainText('no annotations');
  await expect(timeline.getByTestId('timeline-passage')).toHaveText([new RegExp(supporting)]);
  await page.getByTestId('timeline-hide-empty').check();
  await expect(documents).toHaveCount(1);
  await expect(documents).toContainText('Additional Evidence on the Final Break');
  await expect(entries).toHaveCount(0);

  // By actor: the passages naming Ri Song-un, in the memorandum alone; the axis narrows to 1962.
  await page.getByTestId('timeline-filter-tag').selectOption({ label: 'All tag types' });
  await page.getByTestId('timeline-filter-actor').selectOption({ label: 'Ri Song-un (1)' });
  await expect(documents).toHaveCount(1);
  await expect(documents).toContainText('Memorandum of Luncheon');
  await expect(timeline.locator('.tl-year')).toContainText(['1962', '1963']);
  await expect(timeline.getByTestId('timeline-passage')).toHaveText([/Ri Song-un/]);
  await page.getByTestId('timeline-filter-actor').selectOption({ label: 'Any actor' });
  await page.getByTestId('timeline-filter-tag').selectOption({ label: 'Economic measure' });
  await expect(documents).toHaveCount(1);

  // A passage opens in its document, its entry selected.
  await timeline.getByTestId('timeline-passage').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Final Break between Moscow and Tirana');
  await expect(page.getByTestId('annotation-entry').filter({ hasText: supporting })).toHaveClass(/entry-selected/);

  // A title opens its document; a listing's entry opens the listing at the entry.
  // Back from the reader is back on the timeline.
  await page.getByTestId('back').click();
  await timeline.locator(`[data-testid="timeline-item"][data-document="${brief}"]:not([data-entry])`).getByTestId('timeline-title').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  // Back from the reader is back on the timeline.
  await page.getByTestId('back').click();
  await entries.filter({ hasText: 'Memorandum of Conversation with Comrade Mao Zedong' }).getByTestId('timeline-title').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Archive search results');
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString() ?? ''))
    .toBe('Memorandum of Conversation with Comrade Mao Zedong in Hangzhou (7 June 1960)');
});

test('the claim matrix: a claim of the brief against the sources that support and contradict it, exported as CSV', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('open-matrix').click();
  await expect(page.getByTestId('matrix-empty')).toContainText('No passage is tagged Claim yet');
  await expect(page.getByTestId('matrix-empty')).toContainText('Link…');
  await expect(page.getByTestId('matrix-export')).toBeDisabled();
  await page.getByTestId('back').click();

  await openDocument(page, 'Visit of the Italian Prime Minister');
  await tagPassage(page, claim, '2');
  await linkToClaim(page, 'Final Break between Moscow and Tirana', supporting, 'supports');
  await page.getByTestId('back').click();
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await linkToClaim(page, 'Memorandum of Luncheon', contradicting, 'contradicts');
  await page.getByTestId('back').click();

  await page.getByTestId('open-matrix').click();
  const matrix = page.getByTestId('matrix');
  await expect(matrix.getByTestId('matrix-row')).toHaveCount(1);
  const row = matrix.getByTestId('matrix-row').first();
  await expect(row.getByTestId('matrix-claim')).toHaveText(claim);
  // The sources in date order; the brief is the claim's source, the article supports it, the memorandum contradicts it.
  await expect
    .poll(() => matrix.getByTestId('matrix-column').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-document'))))
    .toEqual([listing, brief, memo, report, article]);
  const cell = (documentId: string) => row.locator(`[data-testid="matrix-cell"][data-document="${documentId}"]`);
  await expect(cell(brief)).toHaveText('source');
  await expect(cell(article).getByTestId('matrix-phrase')).toHaveText(['supports']);
  await expect(cell(article).getByTestId('matrix-passage')).toHaveText([supporting]);
  await expect(cell(memo).getByTestId('matrix-phrase')).toHaveText(['contradicts']);
  await expect(cell(listing)).toHaveText('');
  await expect(cell(report)).toHaveText('');
  // Each relation in its colour.
  const colour = (documentId: string) =>
    cell(documentId)
      .getByTestId('matrix-relation')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--relation').trim());
  expect([await colour(article), await colour(memo)]).toEqual(['#2e9e5b', '#c0392b']);
  await expect(page.getByTestId('matrix-summary')).toHaveText('1 claim · 5 sources · 2 links');
  // The notices of the links just made are put away before the picture.
  await dismissNotices(page);
  await page.screenshot({ path: join(screenshotDir, 'matrix.png') });

  // The CSV: the sources in date order as columns, the claim's row saying what each says of it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('matrix-export').click()]);
  expect(download.suggestedFilename()).toBe('claim-matrix.csv');
  const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
  expect(lines[0]).toMatch(
    /^\uFEFFclaim,claim’s document,Archive search results: 9 documents \(26 December 1956 – 26 June 1964\),".*\(19 January 1962\)",".*\(2 April 1962\)",Report on the Stance of the DPRK towards Albania \(16 January 1967\),Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961 \(2019\)$/,
  );
  expect(lines[1]).toBe(`${claim},"${briefTitle}",,source of the claim,contradicts,,supports`);
  expect(lines.slice(2)).toEqual(['']);

  // Only the sources that bear on the claim.
  await page.getByTestId('matrix-only-bearing').check();
  await expect
    .poll(() => matrix.getByTestId('matrix-column').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-document'))))
    .toEqual([brief, memo, article]);

  // ⇆ reads the evidence beside the claim, and Back returns to the matrix.
  await cell(article).getByRole('button', { name: 'Read beside the claim' }).click();
  await expect(page.getByTestId('compare-statement')).toContainText('supported by');
  await page.getByTestId('back').click();
  await expect(matrix.getByTestId('matrix-row')).toHaveCount(1);

  // A passage opens in its document; the claim in the brief.
  await cell(article).getByTestId('matrix-passage').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Final Break between Moscow and Tirana');
  await expect(page.getByTestId('annotation-entry').filter({ hasText: supporting })).toHaveClass(/entry-selected/);
  // Back from the reader is back on the matrix.
  await page.getByTestId('back').click();
  await row.getByTestId('matrix-claim').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  await expect(page.getByTestId('annotation-entry').filter({ hasText: claim })).toHaveClass(/entry-selected/);
});
