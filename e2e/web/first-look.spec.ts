import { type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dismissNotices, openLibrary, screenshotDir, tagPassage, chooseImport } from './support';

const row = (page: Page, documentId: string) => page.locator(`[data-testid="doc-row"][data-document="${documentId}"]`);

// A note whose only date is an event it recounts, and a Russian text that
// states no language: what a researcher's own files often are.
const note =
  'Note on the Albanian delegation\n\nThe delegation that came to Moscow in November 1960 left without an agreement. The comrades of the Albanian Party of Labour said so plainly to the Soviet side, and the Chinese comrades were told of it the next day.';
const russian =
  'Хрущёв и Албания\n\nНа XXII съезде КПСС Н. С. Хрущёв открыто осудил руководство Албанской партии труда. В декабре того же года Советский Союз разорвал дипломатические отношения с Албанией, и Энвер Ходжа окончательно сблизился с Пекином.\n\nАлбанские руководители считали, что Москва хочет их свергнуть, и не верили ни одному слову советских представителей.';

async function importTexts(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles(files.map((file) => ({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text, 'utf8') })));
  await expect(page.getByTestId('import-results')).toBeVisible();
  await page.getByTestId('import-results-close').click();
}

test('a new library says what to do first, and every row opens its document by mouse or keyboard', async ({ page }) => {
  await openLibrary(page);
  const guide = page.getByTestId('first-look');
  await expect(guide).toBeVisible();
  await expect(guide).toContainText('Open a document');
  await expect(guide).toContainText('Tag a passage');
  await expect(guide).toContainText('Import your own');
  await expect(guide.getByTestId('first-look-import')).toBeVisible();

  // A row says it is clickable: the pointer, the hover colour, "Open →".
  const brief = row(page, 'fo-brief-sino-soviet-relations-and-albania-1962');
  await brief.getByTestId('doc-date').hover();
  await expect(brief).toHaveCSS('cursor', 'pointer');
  await expect(brief.locator('.doc-open')).toHaveCSS('opacity', '1');
  const unhovered = await row(page, 'albanian-report-dprk-stance-1967')
    .locator('td')
    .first()
    .evaluate((td) => getComputedStyle(td).backgroundColor);
  expect(
    await brief
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td).backgroundColor),
  ).not.toBe(unhovered);
  await page.screenshot({ path: join(screenshotDir, 'library-first-look.png') });

  // A click on the row's date, not its title, opens the document.
  await brief.getByTestId('doc-date').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Sino-Soviet Relations and Albania');
  await page.getByTestId('library').click();

  // By keyboard: Tab reaches each title, with a visible focus mark; Enter opens it.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  let focusedTitle = '';
  for (let i = 0; i < 40 && !focusedTitle; i++) {
    await page.keyboard.press('Tab');
    focusedTitle = await page.evaluate(() =>
      document.activeElement?.getAttribute('data-testid') === 'doc-title' ? (document.activeElement.textContent ?? '') : '',
    );
  }
  expect(focusedTitle).not.toBe('');
  const focusedRow = page.locator('[data-testid="doc-row"]:focus-within');
  await expect(focusedRow.locator('.doc-open')).toHaveCSS('opacity', '1');
  await page.screenshot({ path: join(screenshotDir, 'library-row-focused.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('doc-heading')).toHaveText(focusedTitle);

  // Once something is tagged, that step is ticked; "Got it" puts the guide away for good.
  await tagPassage(page, (await page.locator('.ProseMirror p').nth(3).textContent())!.split(' ').slice(0, 3).join(' '), '2');
  await page.getByTestId('library').click();
  await expect(guide.locator('li.first-look-done')).toHaveCount(2);
  await guide.getByTestId('first-look-close').click();
  await expect(guide).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect(guide).toBeHidden();
});

test('a date found in a sentence is marked a guess until confirmed in Details…; a language the text makes plain is offered', async ({ page }) => {
  await openLibrary(page);
  await importTexts(page, [
    { name: 'delegation-note.txt', text: note },
    { name: 'khrushchev-albania.txt', text: russian },
  ]);
  await dismissNotices(page);
  const guessed = row(page, 'delegation-note');
  await expect(guessed.getByTestId('doc-date')).toHaveText('November 1960?');
  await expect(guessed.locator('.guessed-date')).toHaveAttribute('title', /Guessed from a sentence/);

  // The Russian text states no language; its language is offered, one click to accept.
  const russianRow = row(page, 'khrushchev-albania');
  await expect(russianRow.getByTestId('doc-language')).toContainText('not stated');
  await expect(russianRow.getByTestId('doc-language')).toContainText('reads as Russian');
  // A translation is not offered the language it was translated into.
  await expect(row(page, 'czechoslovak-memorandum-ri-song-un-1962').getByTestId('doc-language-use')).toHaveCount(0);
  await page.screenshot({ path: join(screenshotDir, 'library-guessed-date-language.png') });
  await russianRow.getByTestId('doc-language-use').click();
  await expect(russianRow.getByTestId('doc-language')).toHaveText('Russian');

  // The guess is marked in the timeline and in the reader, and so in a citation.
  await page.getByTestId('open-timeline').click();
  await expect(page.getByTestId('timeline-item').filter({ hasText: 'Note on the Albanian delegation' })).toContainText('November 1960?');
  await page.getByTestId('back').click();
  await guessed.getByTestId('doc-title').click();
  await expect(page.locator('.bar-sub')).toContainText('November 1960?');
  await page.getByTestId('library').click();

  // Details…: the guess is shown plainly, said to be a guess, and confirmed.
  await guessed.getByTestId('doc-details').click();
  const dialog = page.getByTestId('document-details');
  await expect(page.getByTestId('details-date')).toHaveValue('November 1960');
  await expect(page.getByTestId('details-date-guess')).toContainText('A guess, from a sentence of the text');
  // Hints, not values a document could have.
  await expect(page.getByTestId('details-fond')).toHaveAttribute('placeholder', 'fond or series reference');
  await expect(page.getByTestId('details-originalLanguage')).toHaveAttribute('placeholder', 'the language it was written in');
  await page.screenshot({ path: join(screenshotDir, 'details-guessed-date.png') });
  await page.getByTestId('details-date-confirm').check();
  await page.getByTestId('details-save').click();
  await expect(dialog).toBeHidden();
  await expect(guessed.getByTestId('doc-date')).toHaveText('November 1960');

  // Confirmed, it stays confirmed after a restart.
  await page.reload();
  await expect(row(page, 'delegation-note').getByTestId('doc-date')).toHaveText('November 1960');
  await expect(row(page, 'khrushchev-albania').getByTestId('doc-language')).toHaveText('Russian');
});

test('the Details… dialog scrolls inside a small window, its Save button in reach', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 560 });
  await page.goto('/');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await row(page, 'czechoslovak-memorandum-ri-song-un-1962').getByTestId('doc-details').click();
  const dialog = page.getByTestId('document-details');
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(560);
  // The buttons stay in view at the bottom while the fields scroll under them.
  await expect(page.getByTestId('details-save')).toBeInViewport();
  await page.getByTestId('details-summary').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('details-save')).toBeInViewport();
  await page.screenshot({ path: join(screenshotDir, 'details-small-window.png') });
  // The memorandum is a translation: no language is suggested for it.
  await expect(page.getByTestId('details-language-suggestion')).toHaveCount(0);
});

test('a library stored before guesses were marked shows its guessed date marked, as it is read', async ({ page }) => {
  await openLibrary(page);
  await importTexts(page, [{ name: 'delegation-note.txt', text: note }]);
  await expect(row(page, 'delegation-note').getByTestId('doc-date')).toHaveText('November 1960?');
  // As an earlier version stored the row: the same date, with no mark.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('palimpsest');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('documents', 'readwrite');
          const store = tx.objectStore('documents');
          const get = store.get('delegation-note');
          get.onsuccess = () => {
            const stored = get.result;
            delete stored.meta.date.guessed;
            store.put(stored);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(row(page, 'delegation-note').getByTestId('doc-date')).toHaveText('November 1960?');
});
