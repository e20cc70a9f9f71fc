import { type Page, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dismissNotices, dragSelect, openDocument, openLibrary, screenshotDir, tagPassage } from './support';

const fontSize = (page: Page) => page.locator('.reader-text').evaluate((el) => getComputedStyle(el).fontSize);
const panelWidth = (page: Page) => page.getByTestId('panel').evaluate((el) => Math.round(el.getBoundingClientRect().width));

/// The contrast ratio (WCAG) of the reader's text over a highlight drawn
/// on the page's paper, from the colours the browser computed.
async function highlightContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    // The canvas resolves any CSS colour, color-mix() included, to pixels.
    const paint = (colour: string) => {
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
    };
    const column = document.querySelector('.reader-column')!;
    let paper = getComputedStyle(column).backgroundColor;
    if (paper === 'rgba(0, 0, 0, 0)') paper = getComputedStyle(document.documentElement).backgroundColor;
    const luminance = (...rgb: number[]) => {
      const [lr, lg, lb] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
    };
    // The lowest over every highlight drawn: each tag colour has its own.
    let lowest = Infinity;
    for (const highlight of document.querySelectorAll<HTMLElement>('.reader-text .hl')) {
      context.clearRect(0, 0, 1, 1);
      paint(paper);
      paint(getComputedStyle(highlight).backgroundColor);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      context.clearRect(0, 0, 1, 1);
      paint(getComputedStyle(highlight).color);
      const [tr, tg, tb] = context.getImageData(0, 0, 1, 1).data;
      const a = luminance(r!, g!, b!);
      const t = luminance(tr!, tg!, tb!);
      lowest = Math.min(lowest, (Math.max(a, t) + 0.05) / (Math.min(a, t) + 0.05));
    }
    return lowest;
  });
}

test('text size by keys, buttons and the menu’s events, remembered across a restart', async ({ page, context }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  expect(await fontSize(page)).toBe('18px');
  await page.locator('.reader-text').click();
  await page.keyboard.press('Control+=');
  await expect.poll(() => fontSize(page)).toBe('20px');
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect.poll(() => fontSize(page)).toBe('17px');
  await page.keyboard.press('Control+0');
  await expect.poll(() => fontSize(page)).toBe('18px');
  // The reader's "Aa" holds the size and the theme.
  await page.getByTestId('reading-menu').click();
  await page.getByTestId('font-larger').click();
  await expect(page.getByTestId('font-size')).toHaveText('111%');
  await page.screenshot({ path: join(screenshotDir, 'reader-reading-menu.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reading-menu-popup')).toBeHidden();
  // The desktop menu's View items arrive as window events.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('palimpsest:menu', { detail: 'font-larger' })));
  await expect.poll(() => fontSize(page)).toBe('22px');
  await page.screenshot({ path: join(screenshotDir, 'reader-larger-text.png') });

  // A restart: the window closed, the app opened again.
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  await expect.poll(() => fontSize(again)).toBe('22px');
  await again.evaluate(() => window.dispatchEvent(new CustomEvent('palimpsest:menu', { detail: 'font-reset' })));
  await expect.poll(() => fontSize(again)).toBe('18px');
});

test('light, sepia and dark themes, following the system until one is chosen; highlights and text keep their contrast', async ({ page, context }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLibrary(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme')).toHaveValue('system');
  await page.screenshot({ path: join(screenshotDir, 'library-dark.png') });
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await tagPassage(page, 'grain, fertilizers and some engineering goods', '3');
  await tagPassage(page, 'a Western refusal to trade with China', '2');
  await tagPassage(page, 'increasing her freedom to diverge from the Soviet Union', '2');
  await page.locator('.reader-text').click({ position: { x: 5, y: 5 } });
  await dismissNotices(page);
  for (const theme of ['dark', 'sepia', 'light'] as const) {
    if (theme !== 'dark') {
      await page.getByTestId('reading-menu').click();
      await page.getByTestId('theme').selectOption(theme);
      await page.keyboard.press('Escape');
    }
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const contrast = await highlightContrast(page);
    expect(contrast, `text over a highlight, ${theme}`).toBeGreaterThanOrEqual(7);
    await page.locator('.hl').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, `reader-${theme}.png`) });
  }
  // Chosen, the theme no longer follows the system, and is remembered.
  await page.getByTestId('reading-menu').click();
  await page.getByTestId('theme').selectOption('sepia');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await again.getByTestId('reading-menu').click();
  await expect(again.getByTestId('theme')).toHaveValue('sepia');
  // Back to the system's: the system is light now.
  await again.getByTestId('theme').selectOption('system');
  await expect(again.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the annotation panel is resized by dragging its handle or with the arrow keys, and keeps its width', async ({ page, context }) => {
  await openLibrary(page);
  await openDocument(page, 'Report on the Stance of the DPRK');
  expect(await panelWidth(page)).toBe(380);
  const handle = page.getByTestId('panel-resizer');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => panelWidth(page)).toBe(580);
  await page.screenshot({ path: join(screenshotDir, 'reader-wide-panel.png') });
  // The keyboard: the handle is focused (it is a separator with a value).
  await expect(handle).toBeFocused();
  await expect(handle).toHaveAttribute('aria-valuenow', '580');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => panelWidth(page)).toBe(532);
  await page.keyboard.press('Home');
  await expect.poll(() => panelWidth(page)).toBe(260);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => panelWidth(page)).toBe(284);
  // Never wider than leaves the text 40% of the window.
  await page.keyboard.press('End');
  await expect.poll(() => panelWidth(page)).toBe(840);

  await page.keyboard.press('Home');
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('doc-heading')).toContainText('Report on the Stance of the DPRK');
  await expect.poll(() => panelWidth(again)).toBe(260);
});

test('after a restart the last document reopens at the place being read', async ({ page, context }) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence on the Final Break');
  const column = page.locator('.reader-column');
  // Read well into the article: a paragraph far down at the top of the view.
  const paragraph = page
    .locator('.reader-text p')
    .filter({ hasText: /Mikoyan|Kozlov|Khrushchev/ })
    .nth(6);
  const words = (await paragraph.textContent())!.trim().slice(0, 50);
  await paragraph.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBeGreaterThan(2000);
  await page.waitForTimeout(600);

  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('doc-heading')).toContainText('Additional Evidence on the Final Break');
  // The paragraph read is at the top of the view again.
  const top = () =>
    again.evaluate(() => {
      const column = document.querySelector('.reader-column');
      const reader = document.querySelector('.reader-text');
      // The reader is still opening.
      if (!column || !reader) return '';
      const box = column.getBoundingClientRect();
      const text = reader.getBoundingClientRect();
      const element = document.elementFromPoint(text.left + 40, box.top + 60);
      return element?.closest('p, h1, h2, h3, h4, .li, .footnote')?.textContent?.trim().slice(0, 50) ?? '';
    });
  await expect.poll(top).toBe(words);
  await again.screenshot({ path: join(screenshotDir, 'reader-reopened-at-place.png') });

  // Going back to the library is remembered too: the next start is there.
  await again.getByTestId('library').click();
  await again.close();
  const third = await context.newPage();
  await third.goto('/');
  await expect(third.getByTestId('doc-row')).toHaveCount(5);
});

test('Print… lays out the whole document with its highlights and a numbered list of its annotations, and prints it as PDF', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence on the Final Break');
  await tagPassage(page, 'Soviet-Yugoslav contacts intensified', '1', { actor: 'Tito' });
  await tagPassage(page, "Albania's intensifying cooperation with the People's Republic of China", '2', {
    note: 'Compare the Albanian record of the same meeting.',
  });
  // A passage far down, in a section the reader has not drawn while the top is in view.
  const tail = (await page.locator('.reader-text p').last().textContent())!.trim();
  const lastWords = tail.split(/\s+/).slice(1, 7).join(' ');
  const all = (await page.locator('.reader-text').textContent())!;
  await tagPassage(page, lastWords, '3', { occurrence: all.split(lastWords).length - 2 });
  await page.locator('.reader-column').evaluate((el) => el.scrollTo(0, 0));
  await dismissNotices(page);

  await page.getByTestId('print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  const notes = page.getByTestId('print-note');
  await expect(notes).toHaveCount(3);
  await expect(notes.nth(0)).toContainText('Actor: Tito');
  await expect(notes.nth(1)).toContainText('Compare the Albanian record of the same meeting.');
  await expect(notes.nth(2)).toContainText(lastWords);
  // The whole text, to its last paragraph, with three highlights numbered 1–3.
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toContainText(tail.slice(-26));
  await expect(sheet.locator('.print-ref')).toHaveText(['1', '2', '3']);
  await expect(sheet.locator('.print-hl')).toHaveCount(3);
  await page.screenshot({ path: join(screenshotDir, 'print-preview.png') });

  // Printed, only the sheet: a PDF of its pages.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdfPath = join(screenshotDir, 'print.pdf');
  writeFileSync(pdfPath, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Additional Evidence on the Final Break');
  expect(text).toContain('Annotations');
  expect(text).toContain('Compare the Albanian record of the same meeting.');
  // Not the app: no buttons, no library.
  expect(text).not.toContain('Print or save as PDF');
  expect(text).not.toContain('New revision');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, join(screenshotDir, 'print-page')]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThan(3);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages), '-l', String(pages), pdfPath, join(screenshotDir, 'print-page-last')]);

  // The button prints through the host: the browser's own dialog, named for the document.
  await page.evaluate(() => {
    (window as unknown as { printed: string[] }).printed = [];
    window.print = () => (window as unknown as { printed: string[] }).printed.push(document.title);
  });
  await page.getByTestId('print-now').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed))
    .toEqual([expect.stringMatching(/^Additional Evidence on the Final Break.* — annotated$/)]);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // The desktop menu's Print…, and Ctrl+P, open the same preview.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('palimpsest:menu', { detail: 'print' })));
  await expect(preview).toBeVisible();
  await page.getByTestId('print-close').click();
  await page.locator('.reader-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+p');
  await expect(preview).toBeVisible();
});

test('keys of the reader wait while the print preview or the shortcut list is open over it', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, 'he wanted to force Peking to desist from further support');
  await page.getByTestId('print').click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-preview')).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('Keyboard shortcuts');
  await page.keyboard.press('1');
  await page.keyboard.press('Escape');
  // Neither key tagged the passage still selected behind the overlays.
  await expect(page.getByTestId('annotation-entry')).toHaveCount(0);
});
