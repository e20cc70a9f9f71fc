import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeLegacy } from '../../shared/importers/test-support/encode';
import { dismissNotices, mouseDrag, openLibrary, screenshotDir, tagPassage, chooseImport } from './support';

const fixtures = join(import.meta.dirname, '..', '..', 'shared', 'importers', 'fixtures');
const fixture = (name: string) => join(fixtures, name);

const row = (page: Page, documentId: string) => page.locator(`[data-testid="doc-row"][data-document="${documentId}"]`);

/// Imports files through the "Import documents…" dialog and waits for the
/// results.
async function importByDialog(page: Page, names: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  const files = await chooser;
  expect(files.isMultiple()).toBe(true);
  await files.setFiles(names.map(fixture));
  await expect(page.getByTestId('import-results')).toBeVisible();
}

/// Drops files on the library as a researcher drags them from their file
/// manager: dragenter, dragover and drop with a DataTransfer holding them.
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[], screenshot?: string): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, base64: Buffer.from(file.bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const file of files) data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name));
    return data;
  }, payload);
  const library = page.getByTestId('library');
  await library.dispatchEvent('dragenter', { dataTransfer: transfer });
  await library.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-target')).toBeVisible();
  if (screenshot) await page.screenshot({ path: join(screenshotDir, screenshot) });
  await library.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-target')).toBeHidden();
  await expect(page.getByTestId('import-results')).toBeVisible();
}

async function open(page: Page, documentId: string): Promise<void> {
  await row(page, documentId).getByTestId('doc-title').click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
}

test('a PDF, a Word file, a Windows-1251 text and an HTML page are imported, read cleanly and annotated; a scan is refused and leaves nothing', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLibrary(page);

  await importByDialog(page, ['fo-brief-1962.pdf', 'memo-1962.docx', 'khrushchev-windows-1251.txt', 'fo-brief-1962.html', 'scan.pdf']);
  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(5);
  await expect(page.getByTestId('import-results-summary')).toHaveText(/^4 of 5 files imported; a file that could not be imported left nothing behind\./);
  await expect(results.nth(0)).toContainText('Sino-Soviet Relations and Albania: East-West Relations Generally (Brief No. 5)');
  await expect(results.nth(0)).toContainText('fo-brief-1962.pdf · PDF · 3 pages');
  await expect(results.nth(1)).toContainText('memo-1962.docx · Word');
  await expect(results.nth(1).getByTestId('import-warnings')).toHaveText('1 image was skipped: only text is imported.');
  await expect(results.nth(2)).toContainText('Хрущёв и Албания');
  await expect(results.nth(2)).toContainText('Plain text · windows-1251, detected');
  await expect(results.nth(3)).toContainText('HTML · windows-1252, detected');
  await expect(results.nth(4)).toHaveAttribute('data-ok', 'false');
  await expect(results.nth(4).getByTestId('import-result-message')).toHaveText(
    'scan.pdf has no text layer: it is an image-only PDF, such as a scan. Run OCR on it first, then import the result.',
  );
  await page.screenshot({ path: join(screenshotDir, 'import-results.png') });
  await page.getByTestId('import-results-close').click();

  // Four documents joined the five bundled ones; the scan added none.
  await expect(page.getByTestId('doc-row')).toHaveCount(9);
  await expect(page.locator('.bar-sub')).toHaveText('Library · 9 documents');
  // The brief's date line, not the "Jan. 1962" of its title.
  await expect(row(page, 'fo-brief-1962').getByTestId('doc-date')).toHaveText('19 January 1962');
  await expect(row(page, 'fo-brief-1962')).toContainText('PDF imported from fo-brief-1962.pdf, 3 pages');
  await expect(row(page, 'memo-1962').getByTestId('doc-date')).toHaveText('2 April 1962');

  // The PDF: its pages marked in the reader, a passage on page 2 cited with its page.
  await open(page, 'fo-brief-1962');
  const markers = page.getByTestId('page-marker');
  await expect(markers).toHaveCount(3);
  await expect.poll(() => markers.evaluateAll((list) => list.map((m) => (m as HTMLElement).dataset.page))).toEqual(['1', '2', '3']);
  const passage = 'a Western refusal to trade with China';
  await tagPassage(page, passage, '2');
  await page.getByTestId('annotation-entry').filter({ hasText: passage }).getByTestId('entry-copy-citation').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Citation copied: ');
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  expect(citation).toBe(
    'Foreign Office, Northern Department, “Sino-Soviet Relations and Albania: East-West Relations Generally (Brief No. 5)”, 19 January 1962, p. 2.',
  );
  // A selection across the page break is the text's, without the marker.
  await dragAcross(page, 'all her imports.', '7. Conversely');
  await page.keyboard.press('2');
  await expect(page.getByTestId('entry-quote').filter({ hasText: 'imports.' })).toHaveText('all her imports. 7. Conversely');
  const crossing = page.getByTestId('annotation-entry').filter({ hasText: 'all her imports.' });
  await crossing.getByTestId('entry-copy-citation').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/, pp\. 1–2\.$/);
  await dismissNotices(page);
  await page
    .getByTestId('page-marker')
    .nth(1)
    .evaluate((marker) => marker.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(screenshotDir, 'imported-pdf.png') });
  await page.getByTestId('back').click();

  // The Word file: headings, emphasis and its footnote kept.
  await open(page, 'memo-1962');
  await expect(page.locator('[data-testid="reader"] h1, [data-testid="reader"] h2').first()).toHaveText('Memorandum of Luncheon Given by Richard Dvořák');
  await expect(page.getByTestId('page-marker')).toHaveCount(0);
  await tagPassage(page, 'Korea has not been following the Chinese model in several issues.', '2');
  await dismissNotices(page);
  await page.screenshot({ path: join(screenshotDir, 'imported-docx.png') });
  await page.getByTestId('back').click();

  // The Russian text, read from Windows-1251 without mojibake.
  await open(page, 'khrushchev-windows-1251');
  await tagPassage(page, 'Энвер Ходжа окончательно сблизился с Пекином', '2');
  await page.getByTestId('back').click();

  // The archive's web page, the same brief: its id made unique.
  await open(page, 'fo-brief-1962-2');
  await tagPassage(page, 'he wanted to force Peking to desist from further support', '2');
  await page.getByTestId('back').click();

  for (const [id, count] of [
    ['fo-brief-1962', '2'],
    ['memo-1962', '1'],
    ['khrushchev-windows-1251', '1'],
    ['fo-brief-1962-2', '1'],
  ]) {
    await expect(row(page, id!).getByTestId('doc-count')).toHaveText(count!);
  }
  // Imported documents stay after a reload.
  await page.reload();
  await expect(page.getByTestId('doc-row')).toHaveCount(9);
});

test('dropped files are imported; an undecidable encoding is chosen and read again; bad files are reported and leave the library as it was', async ({
  page,
}) => {
  await openLibrary(page);
  const thaw = encodeLegacy('Naïve readings of the “thaw” are common – and wrong.', 'windows-1252');
  await dropFiles(
    page,
    [
      { name: 'thaw.txt', bytes: thaw },
      { name: 'corrupt.docx', bytes: readFileSync(fixture('corrupt.docx')) },
      { name: 'binary.txt', bytes: readFileSync(fixture('binary.txt')) },
      { name: 'notes.rtf', bytes: new TextEncoder().encode('{\\rtf1 notes}') },
    ],
    'drop-target.png',
  );
  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(4);
  await expect(page.getByTestId('import-results-summary')).toHaveText(/^0 of 4 files imported/);
  await expect(results.nth(0).getByTestId('import-result-message')).toHaveText(/^thaw\.txt is not in UTF-8, and its encoding cannot be told for sure/);
  await expect(results.nth(1).getByTestId('import-result-message')).toHaveText(/^corrupt\.docx is damaged or is not a Word document/);
  await expect(results.nth(2).getByTestId('import-result-message')).toHaveText(
    'binary.txt is not a text file: it holds binary data, not text. Check that you chose the right file.',
  );
  await expect(results.nth(3).getByTestId('import-result-message')).toHaveText(/^notes\.rtf cannot be imported: Rich Text Format is not supported/);
  await expect(page.getByTestId('doc-row')).toHaveCount(5);

  // The likeliest encodings come first; the right one is chosen and the file read again.
  const select = results.nth(0).getByTestId('import-encoding');
  const offered = await select.locator('option').allTextContents();
  expect(offered.slice(0, 3)).toContain('windows-1252');
  expect(offered).toEqual(expect.arrayContaining(['windows-1251', 'koi8-r', 'utf-8']));
  await select.selectOption('windows-1252');
  await results.nth(0).getByTestId('import-retry').click();
  await expect(results.nth(0)).toHaveAttribute('data-ok', 'true');
  await expect(results.nth(0)).toContainText('Plain text · windows-1252, chosen');
  // Its first line is its title, less the line's full stop.
  await expect(results.nth(0)).toContainText('Naïve readings of the “thaw” are common – and wrong');
  await expect(results.nth(0)).not.toContainText('and wrong.');
  await page.getByTestId('import-results-close').click();
  await expect(page.getByTestId('doc-row')).toHaveCount(6);
});

test('a drop of two hundred files lists every result, drawing only those in view, and can show only the files not imported', async ({ page }) => {
  // Each read of a result row's size by the page's own code, counted: the
  // list is measured by a ResizeObserver after the browser's layout, never
  // by a read that forces one as the dialog is drawn.
  await page.addInitScript(() => {
    const reads = { count: 0 };
    (window as unknown as { rowSizeReads: typeof reads }).rowSizeReads = reads;
    const row = (element: Element) => element.matches('[data-testid="import-result"]');
    for (const name of ['offsetHeight', 'offsetWidth'] as const) {
      const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)!;
      Object.defineProperty(HTMLElement.prototype, name, {
        get(this: HTMLElement) {
          if (row(this)) reads.count++;
          return own.get!.call(this);
        },
      });
    }
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (row(this)) reads.count++;
      return rect.call(this);
    };
  });
  await openLibrary(page);
  const files = Array.from({ length: 200 }, (_, k) => {
    const n = String(k + 1).padStart(3, '0');
    // Every fiftieth is a file the app cannot read: they must not be lost among the rest.
    return (k + 1) % 50 === 0
      ? { name: `minutes-${n}.rtf`, bytes: new TextEncoder().encode('{\\rtf1 minutes}') }
      : { name: `minutes-${n}.txt`, bytes: new TextEncoder().encode(`Minutes of meeting ${n}\n\nThe delegation discussed grain deliveries to Tirana.`) };
  });
  await dropFiles(page, files);
  await expect(page.getByTestId('import-results-summary')).toHaveText(/^196 of 200 files imported; a file that could not be imported left nothing behind\./, {
    timeout: 60_000,
  });
  const results = page.getByTestId('import-result');
  await expect(results.first()).toContainText('minutes-001.txt');
  // A screenful is drawn, not two hundred rows.
  expect(await results.count()).toBeLessThan(30);

  // The last file is reached by scrolling the list.
  await page.locator('.import-result-list').evaluate((list) => {
    list.scrollTop = list.scrollHeight;
  });
  await expect(results.filter({ hasText: 'minutes-200.rtf' })).toHaveAttribute('data-ok', 'false');
  expect(await page.evaluate(() => (window as unknown as { rowSizeReads: { count: number } }).rowSizeReads.count)).toBe(0);
  // Measured all the same: each drawn row below the one before, none
  // over another, the shorter failed rows as the imported ones.
  await expect
    .poll(() =>
      results.evaluateAll((rows) =>
        rows
          .map((row) => row.getBoundingClientRect())
          .sort((a, b) => a.top - b.top)
          .every((box, i, boxes) => i === 0 || box.top >= boxes[i - 1]!.bottom - 0.5),
      ),
    )
    .toBe(true);
  await page.screenshot({ path: join(screenshotDir, 'import-results-many.png') });

  // Only the four not imported, each with why.
  await page.getByTestId('import-results-only-failed').check();
  await expect(results).toHaveCount(4);
  for (const n of ['050', '100', '150', '200']) {
    await expect(results.filter({ hasText: `minutes-${n}.rtf` }).getByTestId('import-result-message')).toHaveText(/Rich Text Format is not supported/);
  }
  // The library behind the dialog already lists them.
  await expect(page.locator('.bar-sub')).toHaveText('Library · 201 documents');
  await page.screenshot({ path: join(screenshotDir, 'import-results-failed-only.png') });
  await page.getByTestId('import-results-close').click();
  await expect(page.getByTestId('import-results')).toBeHidden();
});

test('a document is described the way historians cite it, filed in a collection, and deleted with its annotations after a question', async ({ page }) => {
  await openLibrary(page);
  await importByDialog(page, ['memo-1962.docx']);
  await page.getByTestId('import-result-details').click();
  const details = page.getByTestId('document-details');
  await expect(details).toBeVisible();
  await expect(page.getByTestId('details-title')).toHaveValue('Memorandum of Luncheon for Comrade Ri Song-un');

  // A date it cannot read is refused, saying how to write it.
  await page.getByTestId('details-date').fill('Spring 1962');
  await page.getByTestId('details-save').click();
  await expect(page.getByTestId('details-date-error')).toHaveText(
    '“Spring 1962” is not a date Palimpsest can read. Write it as “19 January 1962”, “April 1962”, “1962” or “1960–1961”.',
  );
  await page.getByTestId('details-date').fill('April 1962');
  await expect(page.getByTestId('details-date-error')).toHaveCount(0);
  await page.getByTestId('details-title').fill('Memorandum of a luncheon with Ambassador Ri Song-un');
  await page.getByTestId('details-authors').fill('Dvořák, Richard');
  await page.getByTestId('details-archive').fill('Archive of the Ministry of Foreign Affairs, Prague');
  await page.getByTestId('details-fond').fill('Teritoriální odbory – Tajné, 1960–1964, Korejská lidově demokratická republika');
  await page.getByTestId('details-folder').fill('karton 3');
  await page.getByTestId('details-originalLanguage').fill('Czech');
  await page.getByTestId('details-translator').fill('Adolf Kotlik');
  await page.getByTestId('details-collection').fill('Czechoslovak embassy, Moscow');
  await page.screenshot({ path: join(screenshotDir, 'document-details.png') });
  await page.getByTestId('details-save').click();
  await expect(details).toHaveCount(0);
  await page.getByTestId('import-results-close').click();

  const memo = row(page, 'memo-1962');
  await expect(memo.getByTestId('doc-title')).toHaveText('Memorandum of a luncheon with Ambassador Ri Song-un');
  await expect(memo.getByTestId('doc-date')).toHaveText('April 1962');
  await expect(memo.getByTestId('doc-source')).toContainText('Archive of the Ministry of Foreign Affairs, Prague');
  await expect(memo.getByTestId('doc-source')).toContainText('Teritoriální odbory – Tajné, 1960–1964, Korejská lidově demokratická republika, karton 3');
  await expect(memo.getByTestId('doc-collection')).toHaveText('Czechoslovak embassy, Moscow');
  await expect(memo).toContainText('Dvořák, Richard');
  await page.screenshot({ path: join(screenshotDir, 'library-described.png') });
  // Sorted by its new date: after 19 January 1962, before 1967.
  const ids = await page.getByTestId('doc-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.document));
  expect(ids.indexOf('memo-1962')).toBeGreaterThan(ids.indexOf('fo-brief-sino-soviet-relations-and-albania-1962'));
  expect(ids.indexOf('memo-1962')).toBeLessThan(ids.indexOf('albanian-report-dprk-stance-1967'));

  // The collection filter shows what is filed there.
  await page.getByTestId('collection-filter').selectOption({ label: 'Czechoslovak embassy, Moscow (1)' });
  await expect(page.getByTestId('doc-row')).toHaveCount(1);
  await page.getByTestId('collection-filter').selectOption('unfiled');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await page.getByTestId('collection-filter').selectOption('all');

  await open(page, 'memo-1962');
  await tagPassage(page, 'Korea has not been following the Chinese model in several issues.', '2');
  await tagPassage(page, 'Albania may go over to the other side.', '2');
  await page.getByTestId('back').click();

  // A bundled document can be described but not deleted, and says so.
  const bundled = row(page, 'fo-brief-sino-soviet-relations-and-albania-1962');
  await expect(bundled.getByTestId('doc-delete')).toBeDisabled();
  await expect(bundled.locator('.delete-refused')).toHaveAttribute('title', /came with Palimpsest: it can be described and filed, but not deleted/);

  // Deleting the imported one says how many annotations go with it.
  await memo.getByTestId('doc-delete').click();
  await expect(page.getByTestId('delete-document-question')).toHaveText(
    '“Memorandum of a luncheon with Ambassador Ri Song-un” will be deleted from the library, and 2 annotations with it, with their links and their places in sets.',
  );
  await page.getByTestId('delete-document-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Deleted “Memorandum of a luncheon with Ambassador Ri Song-un” and its 2 annotations.');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect(row(page, 'memo-1962')).toHaveCount(0);
  // The backup written just before holds its annotations.
  await page.getByTestId('backups').click();
  await expect(page.getByTestId('backup-entry').first()).toBeVisible();
  await expect(page.getByTestId('backups-dialog')).toContainText('2 annotations');
});

/// Drags from the start of `from` to the end of `to`, the two in different
/// blocks of the reader, as a mouse does.
async function dragAcross(page: Page, from: string, to: string): Promise<void> {
  const box = await page.evaluate(
    ({ from, to }) => {
      const root = document.querySelector('[data-testid="reader"] .ProseMirror')!;
      const rectOf = (needle: string, end: boolean, scroll = false) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf(needle);
          if (at < 0) continue;
          if (scroll) (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const range = document.createRange();
          const offset = end ? at + needle.length - 1 : at;
          range.setStart(n, offset);
          range.setEnd(n, offset + 1);
          return range.getBoundingClientRect();
        }
        throw new Error(`"${needle}" is not in the reader's text`);
      };
      // Both ends in view once the start is: they are neighbouring paragraphs.
      rectOf(from, false, true);
      const a = rectOf(from, false);
      const b = rectOf(to, true);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { from, to },
  );
  await mouseDrag(page, box);
}
