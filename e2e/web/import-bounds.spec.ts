import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir, chooseImport } from './support';

test('a W3C file with a 20 MB quote: that one is listed with its reason at once, the rest imports', async ({ page }, testInfo) => {
  const context = 'http://www.w3.org/ns/anno.jsonld';
  const target = (exact: string) => ({ source: 'http://example.org/memo', selector: { type: 'TextQuoteSelector', exact } });
  const path = testInfo.outputPath('huge-quote.json');
  // Generated here: 20 MB of one letter, quoted by a web page's annotation.
  writeFileSync(
    path,
    JSON.stringify([
      {
        '@context': context,
        id: 'http://example.org/huge',
        type: 'Annotation',
        bodyValue: 'pasted a whole book',
        target: target('x'.repeat(20 * 1024 * 1024)),
      },
      {
        '@context': context,
        id: 'http://example.org/fine',
        type: 'Annotation',
        bodyValue: 'the worry',
        target: target('Albania may go over to the other side'),
      },
    ]),
  );

  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-counts')).toHaveText(/1 new.*1 cannot be placed/s, { timeout: 20_000 });
  const unplaced = page.getByTestId('import-unplaced');
  await expect(unplaced).toContainText('the quoted text is 20,971,520 characters long; a passage may quote at most 20,000');
  await expect(unplaced).toContainText('(item 1)');
  await page.screenshot({ path: join(screenshotDir, 'import-huge-quote.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('1 new');

  await openDocument(page, 'Ri Song-un');
  await expect(page.getByTestId('entry-quote')).toHaveText('Albania may go over to the other side');
});
