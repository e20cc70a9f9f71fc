import { type Page, expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockSeparator } from '../../shared/document/model';
import { seededRandom } from '../../shared/random';
import { loadCorpus } from '../../shared/test-support/corpus';
import { screenshotDir } from './support';

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
  await page.getByTestId('import-documents').click();
  const dir = testInfo.outputPath('fonds');
  mkdirSync(dir, { recursive: true });
  await (await chooser).setFiles(library(dir));
  await expect(page.getByTestId('import-results-summary')).toHaveText(/^1,?000 of 1,?000 files imported/, { timeout: 240_000 });
  await page.getByTestId('import-results-close').click();
  await expect(page.getByTestId('doc-row')).toHaveCount(count + 5, { timeout: 60_000 });
  // The search worker indexes them as they are listed, and keeps them.
  await expect.poll(() => indexed(page), { timeout: 120_000 }).toBe(count + 5);

  // A relaunch: the list and the search index are read back, not rebuilt.
  await page.goto('/');
  const started = Date.now();
  await expect(page.getByTestId('doc-row')).toHaveCount(count + 5, { timeout: 60_000 });
  const listed = Date.now() - started;
  await page.screenshot({ path: join(screenshotDir, 'library-thousand.png') });
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('zhivkov');
  await expect(page.getByTestId('search-summary')).toHaveText('1 place in 1 document.', { timeout: 60_000 });
  const answered = Date.now() - started;
  console.log(`1,000-document library after a relaunch: listed in ${listed} ms, "zhivkov" answered ${answered} ms after the load`);
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
});
