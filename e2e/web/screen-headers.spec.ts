import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir } from './support';

// Every screen opens under the same header bar: a way back, the screen's
// title, and its own actions at the right. A screenshot of each is saved to
// compare by eye across changes to the bar.
test('every screen has one header bar with its title and a way back to the library', async ({ page }) => {
  await openLibrary(page);
  const bar = page.locator('header.bar');
  await expect(bar).toHaveCount(1);
  await expect(bar.getByRole('heading', { name: 'Palimpsest' })).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'screen-header-library.png') });

  for (const [button, screen, title] of [
    ['open-table', 'table-screen', 'All annotations'],
    ['open-timeline', 'timeline', 'Timeline'],
    ['open-matrix', 'matrix', 'Claim matrix'],
    ['open-actors', 'actors', 'Actors'],
    ['open-sets', 'sets', 'Annotation sets'],
    ['open-search', 'search-screen', 'Search'],
  ] as const) {
    await page.getByTestId(button).click();
    await expect(page.getByTestId(screen)).toBeVisible();
    await expect(bar).toHaveCount(1);
    await expect(bar).toContainText(title);
    await expect(bar.getByTestId('back')).toHaveText('← Library');
    await page.screenshot({ path: join(screenshotDir, `screen-header-${screen}.png`) });
    await bar.getByTestId('back').click();
    await expect(page.getByTestId('doc-row').first()).toBeVisible();
  }

  await openDocument(page, 'Visit of the Italian Prime Minister');
  await expect(bar).toHaveCount(1);
  await expect(bar.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  // Opened from the library, its one way out names the library.
  await expect(bar.getByTestId('back')).toHaveText('← Library');
  await page.screenshot({ path: join(screenshotDir, 'screen-header-reader.png') });
  await bar.getByTestId('library').click();
  await expect(page.getByTestId('doc-row').first()).toBeVisible();
});

// The reader's bar at 1,400 pixels, opened from a search hit (the way
// back to the results and the way to the library both shown) and from the
// library: every button on one row, none pushed under the others.
test("the reader's buttons stay on one row at 1,400 pixels, also opened from a search hit", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  // How far apart the controls' middles are: a second row puts one a
  // button's height below the rest.
  const spread = () =>
    page.locator('header.bar .bar-actions > *').evaluateAll((controls) => {
      const middles = controls.map((c) => c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2);
      return Math.max(...middles) - Math.min(...middles);
    });
  await openLibrary(page);
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('grain');
  await page.getByTestId('search-hit').first().click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
  await expect(page.getByTestId('back')).toHaveText('← Search results');
  await expect(page.getByTestId('print')).toBeVisible();
  expect(await spread()).toBeLessThan(4);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo (Ctrl+Z)');
  await page.screenshot({ path: join(screenshotDir, 'screen-header-reader-from-search.png'), clip: { x: 0, y: 0, width: 1400, height: 120 } });

  await page.getByTestId('library').click();
  await openDocument(page, 'Visit of the Italian Prime Minister');
  expect(await spread()).toBeLessThan(4);
});

// A revised document's bar also holds the version shown: one row from
// 1,280 pixels; at 1,024 it may take two, with nothing over anything else
// and nothing cut at the window's edge.
test("a revised document's bar keeps one row from 1,280 pixels, and at 1,024 nothing overlaps or is cut", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('new-revision').click();
  await (await chooser).setFiles(
    join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md'),
  );
  await page.getByTestId('revision-confirm').click();
  await expect(page.getByTestId('version-select')).toBeVisible();
  // Every part of the bar: the way back, the title, each control.
  const boxes = () =>
    page.locator('header.bar').evaluate((bar) =>
      [...bar.querySelectorAll('.back, .bar-title, .bar-actions > *')].map((part) => {
        const { left, right, top, bottom } = part.getBoundingClientRect();
        return { name: part.getAttribute('aria-label') ?? part.textContent?.slice(0, 24) ?? '', left, right, top, bottom };
      }),
    );
  for (const width of [1400, 1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const parts = await boxes();
    const controls = parts.slice(2);
    const middles = controls.map((c) => (c.top + c.bottom) / 2);
    if (width >= 1280) expect(Math.max(...middles) - Math.min(...middles), `one row at ${width}`).toBeLessThan(4);
    for (const part of parts) expect(part.right, `${part.name} within the window at ${width}`).toBeLessThanOrEqual(width);
    for (const [i, a] of parts.entries())
      for (const b of parts.slice(i + 1)) {
        const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
        expect(apart, `${a.name} and ${b.name} apart at ${width}`).toBe(true);
      }
    await page.screenshot({ path: join(screenshotDir, `screen-header-revised-${width}.png`), clip: { x: 0, y: 0, width, height: 140 } });
  }
});
