import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openLibrary, screenshotDir } from './support';

// The rows of the search index's own database, by document id.
function indexedIds(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('palimpsest-search');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('segments')) {
            db.close();
            resolve([]);
            return;
          }
          const keys = db.transaction('segments').objectStore('segments').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve((keys.result as string[]).sort());
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

test('the search index is kept between launches, and answers after a reload', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('mehilli');
  await expect(page.getByTestId('search-summary')).toHaveText(/^\d+ places? in 1 document\.$/);
  // One row per bundled document, stored by the worker.
  await expect.poll(() => indexedIds(page)).toHaveLength(5);
  const stored = await indexedIds(page);

  // A new page load is a new launch: a new worker reads the stored index,
  // and the app reopens at the search it left.
  await page.goto('/');
  const input = page.getByTestId('search-input');
  await expect(input).toBeVisible();
  await input.fill('dvorak');
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['Dvorak', 'Dvořàk', 'Dvoràk']);
  await page.screenshot({ path: join(screenshotDir, 'search-after-reload.png') });
  expect(await indexedIds(page)).toEqual(stored);
});
