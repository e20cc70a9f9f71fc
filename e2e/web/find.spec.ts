import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir } from './support';

test('Ctrl+F finds in the whole text, hidden sections too, folded like Search, and the match found can be tagged', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Additional Evidence');
  const text = page.locator('[data-testid="reader"] .ProseMirror');
  await text.locator('p').nth(2).click();
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();

  // Accents and case folded: "mehilli" finds "Mëhilli".
  await input.fill('mehilli');
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(/^1 of [1-9]\d*$/);
  await expect(text.locator('.find-current')).toHaveText('Mëhilli');

  await input.fill('khrushchev');
  await expect(count).toHaveText(/^1 of \d+$/);
  const total = Number((await count.textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(20);
  // Every match is drawn, in sections on screen or not.
  await expect(text.locator('.find-match')).toHaveCount(total);
  await input.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await input.press('Shift+Enter');
  await input.press('Shift+Enter');
  // Back past the first: the last match, far down in a section not yet shown.
  await expect(count).toHaveText(`${total} of ${total}`);
  const current = text.locator('.find-current');
  await expect(current).toHaveText(/^khrushchev$/i);
  await expect(current).toBeInViewport();
  await page.screenshot({ path: join(screenshotDir, 'find-bar.png') });

  // Escape closes the bar and leaves the match selected: 2 tags it.
  await input.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  await expect(text.locator('.find-match')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toMatch(/^khrushchev$/i);
  await page.keyboard.press('2');
  await expect(page.getByTestId('entry-quote')).toHaveText([/^“?Khrushchev”?$/i]);

  // Nothing found says so.
  await page.keyboard.press('Control+f');
  await input.fill('zzzzqq');
  await expect(count).toHaveText('No matches');
  await input.press('Escape');
});

test('the menu’s Find opens the find bar', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('palimpsest:menu', { detail: 'find' })));
  await expect(page.getByTestId('find-input')).toBeFocused();
  await page.getByTestId('find-input').fill('albania');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await page.getByTestId('find-close').click();
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
});
