import { type Locator, type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir } from './support';

test('the library lists the bundled corpus with metadata read from the documents, sortable by date', async ({ page }) => {
  await openLibrary(page);
  const titles = page.getByTestId('doc-title');
  // Oldest first by default: the search listing reaches back to 1956.
  await expect(titles).toHaveText([
    'Archive search results: 9 documents',
    /^Visit of the Italian Prime Minister/,
    /^Memorandum of Luncheon Given by Richard Dvořàk/,
    'Report on the Stance of the DPRK towards Albania',
    'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
  ]);
  await expect(page.getByTestId('doc-date')).toHaveText(['26 December 1956 – 26 June 1964', '19 January 1962', '2 April 1962', '16 January 1967', '2019']);
  const brief = page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"]');
  await expect(brief).toContainText('The National Archives of the UK, FO 371/151293');
  await expect(brief).toContainText('English');
  const report = page.locator('[data-document="albanian-report-dprk-stance-1967"]');
  await expect(report).toContainText('Albanian');
  await expect(report).toContainText('translated by Enkel Daljani');
  await expect(page.locator('[data-document="edemskiy-final-break-moscow-tirana-balcanica-2019"]')).toContainText('doi:10.2298/BALC1950375E');
  await expect(page.getByTestId('doc-count')).toHaveText(['0', '0', '0', '0', '0']);
  await page.screenshot({ path: join(screenshotDir, 'library.png') });

  // The list holds no citation or summary; the details read them whole.
  await report.getByTestId('doc-details').click();
  await expect(page.getByTestId('details-citation')).toHaveValue(/^"Report on the Stance of the DPRK towards Albania", January 16, 1967, Wilson Center/);
  await expect(page.getByTestId('details-summary')).toHaveValue(/^Albanian officials examine North Korea's positions/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-details')).toHaveCount(0);

  await page.getByTestId('sort-date').click();
  await expect(titles.first()).toHaveText('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  await expect(titles.last()).toHaveText('Archive search results: 9 documents');
});

test('on a 1024-pixel laptop every column of the library is on screen, a suggested language’s Use included', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await offerFolders(page);
  await openLibrary(page);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const table = await page.getByTestId('library-table').boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(width);
  for (const testId of ['doc-details', 'doc-count']) {
    const box = await page.getByTestId(testId).first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  // The journal article states no language; the one it reads as is offered.
  const article = page.locator('[data-document="edemskiy-final-break-moscow-tirana-balcanica-2019"]');
  const use = article.getByRole('button', { name: /^Use/ });
  await expect(use).toBeVisible();
  const cell = await article.locator('.language-cell').boundingBox();
  const button = await use.boundingBox();
  expect(button!.x + button!.width).toBeLessThanOrEqual(cell!.x + cell!.width);
  await page.screenshot({ path: join(screenshotDir, 'library-1024.png') });

  // The header is one row: its buttons share one top, level with the title.
  const buttons = page.locator('.library > .bar .bar-actions button');
  await expect(buttons).toHaveText(['Search…', 'Tag types…', 'Backups…', 'Import▾', 'Export…']);
  await expectOneRow(page);

  // The three imports are one menu, opened by the mouse…
  const menuButton = page.getByTestId('import-menu');
  await menuButton.click();
  const menu = page.getByRole('menu', { name: 'Import' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Documents…text, Markdown, HTML, Word, PDF, many at once',
    'A folder…every document in it and its subfolders',
    'Annotations…Palimpsest JSON, W3C, REFI-QDA (.qdpx)',
  ]);
  await expect(page.getByRole('menuitem', { name: 'Documents…' })).toHaveAccessibleDescription('text, Markdown, HTML, Word, PDF, many at once');
  await expect(page.getByTestId('import-documents')).toBeFocused();
  await expectOnScreen(page, menu);
  await page.screenshot({ path: join(screenshotDir, 'library-1024-import-menu.png') });
  // …and by the keyboard, the menu button keeping its place in the row.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-documents')).toBeFocused();
  await expectOneRow(page);

  await page.setViewportSize({ width: 1400, height: 800 });
  await expectOneRow(page);
  await expectOnScreen(page, menu);
  await page.screenshot({ path: join(screenshotDir, 'library-1400-import-menu.png') });
});

/// A folder picker, as Chrome, Edge and the desktop app have (this
/// Chromium has none), so that the Import menu offers "A folder…" too.
async function offerFolders(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: unknown }).showDirectoryPicker = async () => navigator.storage.getDirectory();
  });
}

/// Whether the library's header holds one row: every button's box has the
/// same top, and each is level with the app's name.
async function expectOneRow(page: Page): Promise<void> {
  const brand = (await page.locator('.library > .bar .brand').boundingBox())!;
  const boxes = await page
    .locator('.library > .bar .bar-actions > button, .library > .bar .bar-actions > .menu-button > button')
    .evaluateAll((all) => all.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
  expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(1);
  for (const box of boxes) {
    expect(box.top).toBeLessThan(brand.y + brand.height);
    expect(box.bottom).toBeGreaterThan(brand.y);
  }
}

/// Whether an element lies wholly inside the window.
async function expectOnScreen(page: Page, element: Locator): Promise<void> {
  const box = (await element.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

test('the Import menu answers the keys of a menu button, and a click elsewhere closes it', async ({ page }) => {
  await offerFolders(page);
  await openLibrary(page);
  const menuButton = page.getByTestId('import-menu');
  const menu = page.getByRole('menu');
  await expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  // Space opens it on the first choice; the arrows move round it; Home, End.
  await menuButton.focus();
  await page.keyboard.press('Space');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('import-documents')).toBeFocused();
  // Each key, and the choice it leaves focused. A letter goes to the next
  // choice it begins: "A folder…", then "Annotations…".
  const moves = [
    ['ArrowDown', 'import-folder'],
    ['ArrowDown', 'import'],
    ['ArrowDown', 'import-documents'],
    ['ArrowUp', 'import'],
    ['Home', 'import-documents'],
    ['End', 'import'],
    ['a', 'import-folder'],
    ['a', 'import'],
  ] as const;
  for (const [key, choice] of moves) {
    await page.keyboard.press(key);
    await expect(page.getByTestId(choice)).toBeFocused();
  }
  // A key the screen has its own use for is the menu's while it is open.
  await page.keyboard.press('?');
  await expect(page.getByTestId('import')).toBeFocused();
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // Escape closes it back onto the button; ↑ opens it on the last choice.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('import')).toBeFocused();

  // Tab leaves it for the next control, and closes it.
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('export-all')).toBeFocused();
  // Shift+Tab from a choice goes back to the button, closed.
  await menuButton.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  // Enter on a choice chooses it: the file picker opens. (Waited for a
  // step early: a key press alone can outrun Playwright's catching it.)
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-documents')).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([]);
  await expect(menu).toHaveCount(0);

  // The mouse takes the focus along: one choice lit, and the arrows go on
  // from the one under the pointer.
  await menuButton.click();
  await expect(menu).toBeVisible();
  await page.getByTestId('import').hover();
  await expect(page.getByTestId('import')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('import-folder')).toBeFocused();

  // A click on the button closes it again; a click elsewhere closes it.
  await menuButton.click();
  await expect(menu).toHaveCount(0);
  await menuButton.click();
  await page.locator('.library > .bar .bar-sub').click();
  await expect(menu).toHaveCount(0);

  // The guide's own link still opens the file picker at once.
  const fromGuide = page.waitForEvent('filechooser');
  await page.getByTestId('first-look-import').click();
  await (await fromGuide).setFiles([]);
});

test('the reader sets the journal article as a page: headings, footnote markers, lists, no mangled markup', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(text.locator('h2')).toHaveText('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  // The seed's `<sup>&</sup>lt;sup>12</sup>` is a superscript 12 opening its footnote, nothing else.
  await expect(text.locator('p.footnote sup', { hasText: /^¹²$/ })).toHaveCount(1);
  await expect(text.locator('p.footnote', { hasText: /^¹² KPSS i formirovanie/ })).toHaveCount(1);
  // In the running text, a marker is a superscript after its sentence.
  await expect(text.locator('p:not(.footnote) sup', { hasText: /^³$/ })).toHaveCount(1);
  await expect(text).not.toContainText('lt;sup');
  await expect(text).not.toContainText('<sup>');
  await expect(text.locator('p.footnote').first()).toBeVisible();
  await expect(text).toContainText('E. Mëhilli, From Stalin to Mao');
  await expect(page.getByTestId('citation')).toContainText('https://doi.org/10.2298/BALC1950375E');
  // The text cannot be edited.
  await text.locator('p').nth(3).click();
  await page.keyboard.type('XYZ');
  await page.keyboard.press('Backspace');
  await expect(text).not.toContainText('XYZ');
  await expect(text).toContainText('E. Mëhilli, From Stalin to Mao');
});

test('OCR debris is shown as in the source and does not break the page', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Report on the Stance of the DPRK');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(text).toContainText('☐☐☐ st of all');
  await expect(text).toContainText('\\Box formation bits');
  await expect(text).toContainText('Siri Çarçani');
  // Nothing overflows the reading column.
  const overflow = await page.evaluate(() => {
    const column = document.querySelector('.reader-column')!;
    return column.scrollWidth - column.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the keyboard selects across paragraphs with Shift+arrows, and the toolbar offers the tag types', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Memorandum of Luncheon');
  const paragraph = page.locator('[data-testid="reader"] .ProseMirror p', { hasText: 'Moscow. 2 April 1962' });
  await paragraph.click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toContain('Moscow. 2 April 1962');
  expect(selected).toContain('Memorandum of Luncheon');
  const toolbar = page.getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  await expect(toolbar.getByRole('button')).toHaveText(['Actor1', 'Claim2', 'Economic measure3']);
});
