import { type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dragSelect, openDocument, openLibrary, screenshotDir, tagPassage } from './support';

/// Presses Tab (or Shift+Tab) until the focused element matches `selector`
/// and, if given, holds `text`: how a keyboard user reaches a control.
async function tabTo(page: Page, selector: string, text?: RegExp, backwards = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const found = await page.evaluate(
      ({ selector, text }) => {
        const active = document.activeElement;
        return !!active && active.matches(selector) && (text === null || new RegExp(text, 'i').test(active.textContent ?? ''));
      },
      { selector, text: text?.source ?? null },
    );
    if (found) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}${text ? ` holding ${text}` : ''}.`);
}

test('a researcher without a mouse: opens a document, selects, tags, notes, searches, tags a result and goes back', async ({ page }) => {
  await openLibrary(page);
  // Only the keyboard from here on.
  await tabTo(page, '[data-testid="doc-title"]', /Memorandum of Luncheon/);
  await page.keyboard.press('Enter');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(text).toBeFocused();
  // The text shows it has the focus.
  await expect(text).toHaveCSS('outline-style', 'solid');

  // The shortcut list, on ?; Escape closes it and the text has the focus again.
  await page.keyboard.press('?');
  const list = page.getByTestId('shortcuts');
  await expect(list).toBeVisible();
  await expect(list).toContainText('Find in this document');
  await page.screenshot({ path: join(screenshotDir, 'keyboard-shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);

  // Find the name, then select it with Shift+arrows: from the caret after
  // "Richard", back over the surname.
  await text.focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Richard Dvořàk');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'Dvořàk'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Dvořàk');
  // The toolbar is clear of the selected line.
  const toolbar = page.getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  // The toolbar may be drawn again as it settles: read its box until it is there.
  await expect
    .poll(async () => {
      const bar = await toolbar.boundingBox();
      const line = await page.evaluate(() => {
        const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      return bar !== null && (bar.y + bar.height <= line.top || bar.y >= line.bottom);
    })
    .toBe(true);
  await page.screenshot({ path: join(screenshotDir, 'keyboard-selection.png') });

  // 1 tags an Actor; the name is typed in the field that takes the focus.
  await page.keyboard.press('1');
  const actor = page.getByTestId('entry-actor');
  await expect(actor).toBeFocused();
  await page.keyboard.type('Richard Dvořák');
  await page.keyboard.press('Enter');
  // N: the note, in one key; Escape: back to the text.
  await page.keyboard.press('n');
  const note = page.getByTestId('entry-note');
  await expect(note).toBeFocused();
  await page.keyboard.type('Host of the luncheon.');
  await page.screenshot({ path: join(screenshotDir, 'keyboard-note.png') });
  await page.keyboard.press('Escape');
  await expect(text).toBeFocused();
  await expect(note).toHaveValue('Host of the luncheon.');

  // The caret in the highlight rings it; Enter shows its entry.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(text.locator('.hl-caret')).toHaveText('Dvořàk');
  await page.screenshot({ path: join(screenshotDir, 'keyboard-highlight-focus.png') });

  // Search every document, open a result, tag it with 3, and go back.
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('wheat');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await tabTo(page, '[data-testid="search-hit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('doc-heading')).toHaveText(/^Additional Evidence/);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('wheat');
  await page.keyboard.press('3');
  await expect(page.getByTestId('entry-quote')).toHaveText([/wheat/]);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('search-input')).toHaveValue('wheat');
  // The search's back button, reached with Shift+Tab, returns to the
  // memorandum; opened from the library, its one way out, "← Library", to
  // the library.
  await tabTo(page, '[data-testid="back"]', /Library|Back/, true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('doc-heading')).toHaveText(/^Memorandum of Luncheon/);
  await tabTo(page, '[data-testid="back"]', /← Library/, true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  await expect(page.locator('[data-document="czechoslovak-memorandum-ri-song-un-1962"] [data-testid="doc-count"]')).toHaveText('1');
  await expect(page.locator('[data-document="edemskiy-final-break-moscow-tirana-balcanica-2019"] [data-testid="doc-count"]')).toHaveText('1');
});

// Typed right after the key that opens a field, at full speed or at a
// quick typist's pace (QA lost the first letter at 50–120 ms a key), every
// character lands in that field: the actor's name after 1, the note after N.
for (const delay of [0, 80]) {
  test(`a name typed at once after the tag key, and a note at once after N, land whole in their fields (${delay} ms a key)`, async ({ page }) => {
    await openLibrary(page);
    await page.getByTestId('doc-title').filter({ hasText: 'Report on the Stance' }).click();
    const text = page.locator('[data-testid="reader"] .ProseMirror');
    await expect(text).toBeVisible();
    await text.focus();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Çarçani');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'Siri Çarçani'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Siri Çarçani');

    await page.keyboard.press('1');
    await page.keyboard.type('Siri Carcani', { delay });
    await page.keyboard.press('Enter');
    await page.keyboard.press('n');
    await page.keyboard.type('Albanian ambassador', { delay });
    await page.keyboard.press('Escape');

    await expect(page.getByTestId('entry-actor')).toHaveValue('Siri Carcani');
    await expect(page.getByTestId('entry-note')).toHaveValue('Albanian ambassador');
    await page.screenshot({ path: join(screenshotDir, `keyboard-typed-at-once-${delay}.png`) });
  });
}

// Lets a test make the page's IndexedDB writes slow (each kept open about
// `window.writeTrouble` ms) or refused ("full"), as a busy or full disk does.
// Installed before the app opens its database, which binds the method then.
const writeTrouble = () => {
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const trouble = (window as unknown as { writeTrouble?: number | 'full' }).writeTrouble;
    if (mode !== 'readwrite' || trouble === undefined) return open.call(this, names, mode, options);
    if (trouble === 'full') throw new DOMException('The disk is full.', 'QuotaExceededError');
    const transaction = open.call(this, names, mode, options);
    // Requests one after another keep the transaction from finishing.
    const store = transaction.objectStore(typeof names === 'string' ? names : names[0]!);
    const until = Date.now() + trouble;
    const wait = () => {
      if (Date.now() < until) store.count().onsuccess = wait;
    };
    wait();
    return transaction;
  } as typeof IDBDatabase.prototype.transaction;
};
const troubleWrites = (page: Page, trouble: number | 'full' | undefined) =>
  page.evaluate((trouble) => {
    (window as unknown as { writeTrouble?: number | 'full' }).writeTrouble = trouble;
  }, trouble);

test('keys typed after an Actor tag go to that annotation’s name, and come back at once when it cannot be stored', async ({ page }) => {
  await page.addInitScript(writeTrouble);
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await tagPassage(page, 'Khrushchev', '1', { actor: 'N. S. Khrushchev' });
  const first = page.getByTestId('annotation-entry').filter({ hasText: 'Khrushchev' });

  // A slow disk: while the new annotation is stored, another actor field takes the focus.
  await troubleWrites(page, 1500);
  await dragSelect(page, 'Hoxha regime');
  await page.keyboard.press('1');
  await first.getByTestId('entry-actor').focus();
  await page.keyboard.type('Enver Hoxha');
  const second = page.getByTestId('annotation-entry').filter({ hasText: 'Hoxha regime' });
  await expect(second.getByTestId('entry-actor')).toHaveValue('Enver Hoxha');
  await expect(first.getByTestId('entry-actor')).toHaveValue('N. S. Khrushchev');
  await page.keyboard.press('Enter');
  // Stored once the name is offered as a suggestion; a disk filling before
  // that rightly reports the name as not saved.
  await expect(page.locator('#actors-list option[value="Enver Hoxha"]')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // A full disk: the error is shown and the keys typed meanwhile act at once (? lists the keys).
  await troubleWrites(page, 'full');
  await dragSelect(page, 'Corfu Channel incident');
  await page.keyboard.press('1');
  await page.keyboard.press('?');
  await expect(page.getByTestId('notice-error')).toContainText('The annotation could not be saved');
  await expect(page.getByTestId('shortcuts')).toBeVisible({ timeout: 1500 });
});
