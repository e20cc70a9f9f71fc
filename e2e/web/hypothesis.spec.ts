import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { chooseImport, entryQuotes, openDocument, openLibrary, screenshotDir } from './support';

// The client's Export of a historian's Hypothesis annotations on a web copy
// of the bundled Czechoslovak memorandum (shaped as Hypothesis writes it:
// see shared/format/hypothesis-read.test.ts).
const hypothesisExport = join(import.meta.dirname, '..', '..', 'shared', 'format', 'fixtures', 'hypothesis', 'export.json');

test('a Hypothesis export imports onto the bundled memorandum, listing the reply, the page note and the page the library lacks', async ({ page }) => {
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(hypothesisExport);

  await expect(page.getByTestId('import-counts')).toHaveText(/2 new.*0 already here.*2 new tag types: defection, soviet aid.*3 cannot be placed/s);
  const unplaced = page.getByTestId('import-unplaced').getByRole('listitem');
  await expect(unplaced).toHaveCount(3);
  await expect(unplaced.nth(0)).toContainText('a reply in a Hypothesis discussion, not a passage: replies are not imported');
  await expect(unplaced.nth(1)).toContainText('with no passage selected: page notes are not imported');
  await expect(unplaced.nth(2)).toContainText('the passage is in none of the library’s documents (source https://www.cvce.eu/');
  await page.screenshot({ path: join(screenshotDir, 'hypothesis-import-preview.png') });
  await page.getByTestId('import-confirm').click();

  const memo = page.locator('[data-document="czechoslovak-memorandum-ri-song-un-1962"] [data-testid="doc-count"]');
  await expect(memo).toHaveText('2');
  await openDocument(page, 'Memorandum of Luncheon');
  await expect(entryQuotes(page)).toHaveText([/thanks to the Soviet victory in 1945/, /Albania may go over to the other side/]);
  const albania = page.getByTestId('annotation-entry').filter({ hasText: 'Albania may go over' });
  await expect(albania.getByTestId('entry-authorship')).toContainText('by Eva Kovács');
  await expect(albania).toContainText('Claim');
  await expect(albania).toContainText('defection');
  await expect(albania.getByTestId('entry-note')).toHaveValue("Ri fears Albania's defection; compare the Foreign Office brief of the same spring.");
  await albania.getByTestId('entry-quote').click();
  await page.screenshot({ path: join(screenshotDir, 'hypothesis-imported.png') });

  // The same file again adds nothing.
  await page.getByTestId('back').click();
  const again = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await again).setFiles(hypothesisExport);
  await expect(page.getByTestId('import-counts')).toHaveText(/0 new.*2 already here.*3 cannot be placed/s);
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
});
