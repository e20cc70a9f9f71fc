import { type Page, expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockSeparator } from '../../shared/document/model';
import { seededRandom } from '../../shared/random';
import { loadCorpus } from '../../shared/test-support/corpus';
import { screenshotDir, chooseImport } from './support';

// A thousand transcriptions of a few paragraphs each, made from the bundled
// documents' paragraphs (seeded), and one that alone holds "Zhivkov".
const count = 1000;
// Written to files in `dir`, whose paths are returned.
function library(dir: string): string[] {
  const paragraphs = [...loadCorpus().values()]
    .flatMap((d) => d.text.text.split(blockSeparator))
    .filter((p) => p.trim().length > 40 && p.length < 1500 && !/zhivkov/i.test(p));
  const next = seededRandom(19);
  return Array.from({ length: count }, (_, k) => {
    const body = Array.from({ length: 4 }, () => paragraphs[Math.floor(next() * paragraphs.length)]!.trim());
    if (k === 737) body.splice(2, 0, 'Todor Zhivkov received the delegation at the granary in Plovdiv.');
    const path = join(dir, `fonds-${String(k).padStart(4, '0')}.txt`);
    writeFileSync(path, `File ${k} of the fonds\n\n${body.join('\n\n')}\n`);
    return path;
  });
}

// How many documents the search worker has stored in its database.
function indexed(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('palimpsest-search');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('lexicons')) {
            db.close();
            resolve(0);
            return;
          }
          const counted = db.transaction('lexicons').objectStore('lexicons').count();
          counted.onsuccess = () => {
            db.close();
            resolve(counted.result);
          };
          counted.onerror = () => reject(counted.error);
        };
      }),
  );
}

test('a library of 1,000 documents imported in one go opens, searches after a relaunch, and tags a hit', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  const dir = testInfo.outputPath('fonds');
  mkdirSync(dir, { recursive: true });
  await (await chooser).setFiles(library(dir));
  await expect(page.getByTestId('import-results-summary')).toHaveText(/^1,?000 of 1,?000 files imported/, { timeout: 240_000 });
  await page.getByTestId('import-results-close').click();
  // Every document listed (the table's row count), a screenful drawn.
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', String(count + 5 + 1), { timeout: 60_000 });
  // Searched at once, while the search worker indexes them: the screen
  // says so, and answers over all of them when it is done, without the
  // query typed again (it said "Nothing found" until it was).
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('zhivkov');
  const summary = page.getByTestId('search-summary');
  await expect(summary).toHaveText(/^Indexing [\d,]+ of [\d,]+ new or changed documents: the results will include them when it is done\.$/, {
    timeout: 60_000,
  });
  await page.screenshot({ path: join(screenshotDir, 'library-thousand-indexing.png') });
  await expect(summary).toHaveText('1 place in 1 document.', { timeout: 120_000 });
  // Back to the library, where the relaunch below reopens.
  await page.getByTestId('back').click();
  // The search worker keeps them.
  await expect.poll(() => indexed(page), { timeout: 120_000 }).toBe(count + 5);

  // A relaunch: the list and the search index are read back, not rebuilt.
  await page.goto('/');
  const started = Date.now();
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', String(count + 5 + 1), { timeout: 60_000 });
  await expect(page.getByTestId('doc-row').first()).toBeVisible();
  const listed = Date.now() - started;
  await expect(page.locator('.bar-sub')).toHaveText('Library · 1,005 documents');
  // Only a screenful of rows is in the page, whatever the library's size.
  expect(await page.getByTestId('doc-row').count()).toBeLessThan(30);
  await page.screenshot({ path: join(screenshotDir, 'library-thousand.png') });

  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('zhivkov');
  await expect(page.getByTestId('search-summary')).toHaveText('1 place in 1 document.', { timeout: 60_000 });
  const answered = Date.now() - started;
  console.log(`1,000-document library after a relaunch: listed in ${listed} ms, "zhivkov" answered ${answered} ms after the load`);
  // A word in every file: a thousand groups found, a screenful drawn, the
  // last reached by scrolling.
  await page.getByTestId('search-input').fill('fonds');
  await expect(page.getByTestId('search-summary')).toHaveText(/^1,0\d\d places in 1,0\d\d documents\.$/);
  expect(await page.getByTestId('search-group').count()).toBeLessThan(30);
  await page.locator('.search-body').evaluate((body) => {
    body.scrollTop = body.scrollHeight;
  });
  await expect(page.getByTestId('search-group').last()).toBeVisible();
  expect(await page.getByTestId('search-group').count()).toBeLessThan(30);
  await page.screenshot({ path: join(screenshotDir, 'library-thousand-search-every.png') });
  await page.getByTestId('search-input').fill('"received the delegation"');
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['received the delegation']);
  await page.getByTestId('search-input').fill('zhivk*');
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['Zhivkov']);
  await page.screenshot({ path: join(screenshotDir, 'library-thousand-search.png') });

  // The hit opens its document with the word selected; a tag key tags it.
  await page.getByTestId('search-hit').click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toContainText('Todor Zhivkov received the delegation at the granary in Plovdiv.');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Zhivkov');
  await page.getByTestId('selection-toolbar').getByRole('button', { name: /Actor/ }).click();
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await page.screenshot({ path: join(screenshotDir, 'library-thousand-tagged.png') });

  // Back in the library, every row is in reach by the keys and by scrolling.
  await page.getByTestId('library').click();
  // Sorted by title, End goes to the last, drawn and focused; the arrows a
  // row at a time; Home back to the first; Page Down a screenful on.
  await page.getByTestId('sort-title').click();
  await page.getByTestId('doc-title').first().focus();
  await expect(page.getByTestId('doc-title').first()).toHaveText('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  const focused = page.locator('[data-testid="doc-title"]:focus');
  const focusedRow = page.locator('[data-testid="doc-row"]:focus-within');
  await page.keyboard.press('End');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', String(count + 5 + 1));
  await expect(focused).toHaveText(/^Visit of the/);
  await expect(focused).toBeInViewport();
  await page.screenshot({ path: join(screenshotDir, 'library-thousand-end.png') });
  await page.keyboard.press('ArrowUp');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', String(count + 5));
  await expect(focused).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(focused).toHaveText('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  await page.keyboard.press('PageDown');
  await expect(focused).toBeInViewport();
  expect(Number(await focusedRow.getAttribute('aria-rowindex'))).toBeGreaterThan(5);
  // File 737 (the one naming Zhivkov) is reached by scrolling, as a reader would.
  const file737 = page.locator('[data-testid="doc-row"][data-document="fonds-0737"]');
  await page.mouse.move(700, 600);
  for (let i = 0; i < 300 && (await file737.count()) === 0; i++) await page.mouse.wheel(0, 600);
  await expect(file737).toBeVisible();
  await expect(file737).toContainText('imported from fonds-0737.txt');
});
