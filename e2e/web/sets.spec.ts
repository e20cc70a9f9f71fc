import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dragSelect, openDocument, openLibrary, screenshotDir } from './support';

const claim = 'he wanted to force Peking to desist from further support';
const evidence = "Albania's intensifying cooperation with the People's Republic of China";
const setName = 'Chinese support for Tirana';

async function exportSet(page: Page, path: string): Promise<any> {
  const download = page.waitForEvent('download');
  await page.getByTestId('set-export').click();
  // The set's name, as the researcher wrote it, names the file.
  expect((await download).suggestedFilename()).toBe(`${setName}.palimpsest-set.json`);
  await (await download).saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8'));
}

test('a set with a link exported, and imported into a fresh library, is the same set', async ({ browser }, testInfo) => {
  const first = await browser.newPage();
  await openLibrary(first);
  await first.getByTestId('open-sets').click();
  await first.getByTestId('set-new-name').fill(setName);
  await first.getByTestId('set-new-description').fill('What the British brief claims, and what the Soviet files show');
  await first.getByTestId('set-create').click();
  await expect(first.getByTestId('set-item')).toHaveText([`${setName}0`]);
  await first.getByTestId('back').click();

  await openDocument(first, 'Visit of the Italian Prime Minister');
  await dragSelect(first, claim);
  await first.keyboard.press('2');
  await first.getByTestId('add-to-set').selectOption({ label: setName });
  await expect(first.getByTestId('entry-set')).toHaveText([`${setName}×`]);
  await first.getByTestId('back').click();

  // The evidence, linked to the claim found by searching annotations.
  await openDocument(first, 'Final Break between Moscow and Tirana');
  await dragSelect(first, evidence);
  await first.keyboard.press('3');
  const entry = first.getByTestId('annotation-entry').filter({ hasText: evidence });
  await entry.getByTestId('add-to-set').selectOption({ label: setName });
  await entry.getByTestId('entry-link-start').click();
  await first.getByTestId('link-search').fill('force peking');
  await first.getByTestId('link-candidate').filter({ hasText: claim }).click();
  await first.getByTestId('link-relation').selectOption({ label: 'supports' });
  await first.getByTestId('link-confirm').click();
  await expect(entry.getByTestId('link-phrase')).toHaveText('supports');
  await first.getByTestId('back').click();

  await first.getByTestId('open-sets').click();
  await expect(first.getByTestId('set-passage')).toHaveCount(2);
  await first.screenshot({ path: join(screenshotDir, 'sets.png') });
  const path = testInfo.outputPath('set.json');
  const exported = await exportSet(first, path);
  expect(exported.annotations).toHaveLength(2);
  expect(exported.links.map((l: { relation: string }) => l.relation)).toEqual(['supports']);
  await first.close();

  // A fresh context is a fresh, empty library: a colleague's machine.
  const context = await browser.newContext();
  const second = await context.newPage();
  await openLibrary(second);
  await second.getByTestId('open-sets').click();
  const chooser = second.waitForEvent('filechooser');
  await second.getByTestId('set-import').click();
  await (await chooser).setFiles(path);
  const preview = second.getByTestId('set-import-preview');
  await expect(preview).toContainText('2 passages to add');
  await expect(preview).toContainText('1 links to add');
  await second.getByTestId('set-import-confirm').click();
  await expect(second.getByTestId('set-passage')).toHaveCount(2);

  // Everything equal: the set exported again from the new library is the same file.
  const again = await exportSet(second, testInfo.outputPath('again.json'));
  expect({ ...again, exported: null }).toEqual({ ...exported, exported: null });

  // And it reads the same in the reader: the link from both ends, the set on each passage.
  await second.getByTestId('set-passage').filter({ hasText: 'intensifying cooperation' }).getByRole('button').first().click();
  const imported = second.getByTestId('annotation-entry').filter({ hasText: evidence });
  await expect(imported.getByTestId('link-phrase')).toHaveText('supports');
  await expect(imported.getByTestId('entry-set')).toHaveText([`${setName}×`]);
  await context.close();
});
