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
