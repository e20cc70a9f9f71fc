import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../electron/app-url';
import { dragSelect, openDocument, openLibrary, screenshotDir } from './support';

// The desktop app sends a stricter Content Security Policy than the page's
// own meta tag (no inline style sheets): the same renderer, driven here in
// Chromium under that policy as a header, must work with nothing refused.
test('the app works under the desktop app’s Content Security Policy, with nothing refused', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy() } });
    },
  );
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`),
    );
  });
  const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, 'he wanted to force Peking to desist from further support');
  await page.keyboard.press('2');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  // A highlight's colour is a style the page sets: it must still show.
  const colour = await page
    .locator('[data-testid="reader"] .ProseMirror .hl')
    .first()
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--hl').trim());
  expect(colour).not.toBe('');
  // The reader's sections carry their estimated size as a style attribute.
  const sized = await page
    .locator('[data-testid="reader"] .ProseMirror .section')
    .first()
    .evaluate((el) => getComputedStyle(el).containIntrinsicSize);
  expect(sized).toMatch(/em|px/);
  await page.screenshot({ path: join(screenshotDir, 'desktop-csp-reader.png') });
  // The other screens: virtualised table, timeline, matrix, a dialog.
  // Back to the library by its button: a reload would reopen the reader,
  // as the app reopens the last screen after a restart.
  await page.getByTestId('library').click();
  await expect(page.getByTestId('doc-row').first()).toBeVisible();
  for (const [button, screen] of [
    ['open-table', 'table-screen'],
    ['open-timeline', 'timeline'],
    ['open-matrix', 'matrix'],
    ['open-actors', 'actors'],
    ['open-sets', 'sets'],
  ]) {
    await page.getByTestId(button!).click();
    await expect(page.getByTestId(screen!)).toBeVisible();
    await page.getByTestId('back').first().click();
    await expect(page.getByTestId('library')).toBeVisible();
  }
  await page.getByTestId('export-all').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+F');
  await page.getByTestId('search-input').fill('Albania');
  await expect(page.getByTestId('search-group').first()).toBeVisible();
  // zod probes once whether it may compile its parsers (`Function('')` in a
  // try); the policy refuses, as intended, and zod parses without. Nothing
  // else may be refused.
  expect((await violations()).filter((v) => !v.startsWith('script-src eval '))).toEqual([]);
});
