import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dragSelect, openDocument, openLibrary, screenshotDir } from './support';

const claim = 'he wanted to force Peking to desist from further support';
const evidence = "Albania's intensifying cooperation with the People's Republic of China";

test('link the brief’s claim to the article’s evidence, see it from both ends, and read them side by side', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, claim);
  await page.keyboard.press('2');
  const claimEntry = page.getByTestId('annotation-entry').filter({ hasText: claim });
  await expect(claimEntry).toHaveCount(1);

  // Start a link from the claim and choose its other end in the article's text.
  await claimEntry.getByTestId('entry-link-start').click();
  await expect(page.getByTestId('link-dialog')).toBeVisible();
  await page.getByTestId('link-pick-in-text').click();
  await expect(page.getByTestId('linking-banner')).toContainText('Linking from “he wanted to force Peking');
  await page.getByTestId('back').click();
  await openDocument(page, 'Final Break between Moscow and Tirana');
  await dragSelect(page, evidence);
  await page.keyboard.press('3');

  // The new passage is the other end; the link reads from the article to the brief.
  const dialog = page.getByTestId('link-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.link-end').nth(1)).toContainText(evidence);
  await dialog.getByTestId('link-swap').click();
  await expect(dialog.locator('.link-end').first()).toContainText(evidence);
  await dialog.getByTestId('link-relation').selectOption({ label: 'supports' });
  await dialog.getByTestId('link-note').fill('Chinese trade agreement with Tirana, from the Soviet files');
  await dialog.getByTestId('link-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('linking-banner')).toBeHidden();

  // From the article's end: it supports the brief's claim.
  const evidenceEntry = page.getByTestId('annotation-entry').filter({ hasText: evidence });
  await expect(evidenceEntry.getByTestId('entry-link')).toHaveCount(1);
  await expect(evidenceEntry.getByTestId('link-phrase')).toHaveText('supports');
  await expect(evidenceEntry.getByTestId('link-open')).toContainText(claim);
  await expect(evidenceEntry.getByTestId('link-open')).toContainText('Visit of the Italian Prime Minister');
  await page.screenshot({ path: join(screenshotDir, 'link-from-article.png') });

  // Jump to the other end: the brief opens at its claim, which is supported by the article.
  await evidenceEntry.getByTestId('link-open').click();
  await expect(page.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  const back = page.getByTestId('annotation-entry').filter({ hasText: claim });
  await expect(back).toHaveClass(/entry-selected/);
  await expect(back.getByTestId('link-phrase')).toHaveText('supported by');
  await expect(back.getByTestId('link-open')).toContainText(evidence);
  await expect(back.locator('.link-note')).toHaveText('Chinese trade agreement with Tirana, from the Soviet files');

  // Side by side: both texts, each at its passage, the link read between them.
  await back.getByTestId('link-side-by-side').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByTestId('compare-statement')).toContainText('supported by');
  await expect(page.getByTestId('compare-position')).toHaveText('1 of 1');
  for (const [side, words] of [
    ['compare-left', claim],
    ['compare-right', evidence],
  ] as const) {
    const selected = page.getByTestId(side).locator('.hl-selected').first();
    await expect(selected).toBeVisible();
    await expect(selected).toBeInViewport();
    expect(words).toContain((await selected.textContent())!.trim().slice(0, 20));
  }
  await page.screenshot({ path: join(screenshotDir, 'side-by-side.png') });

  // The link outlives a reload, and undo in the reader takes it away.
  await page.reload();
  await openDocument(page, 'Final Break between Moscow and Tirana');
  await expect(page.getByTestId('annotation-entry').filter({ hasText: evidence }).getByTestId('link-phrase')).toHaveText('supports');
  await page.getByTestId('annotation-entry').filter({ hasText: evidence }).getByTestId('link-delete').click();
  await expect(page.getByTestId('entry-link')).toHaveCount(0);

  // The researcher's own relation, offered when linking.
  await page.getByTestId('relation-types').click();
  const types = page.getByTestId('relation-types-dialog');
  await types.getByTestId('new-relation-name').fill('quotes');
  await types.getByLabel('How it reads from the second passage').fill('quoted by');
  await types.getByRole('button', { name: 'Add' }).click();
  await expect(types.getByTestId('relation-type-row')).toHaveCount(7);
  await types.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('annotation-entry').filter({ hasText: evidence }).getByTestId('entry-link-start').click();
  await expect(page.getByTestId('link-relation').locator('option')).toHaveText([
    'supports',
    'contradicts',
    'same event',
    'elaborates',
    'responds to',
    'cites',
    'quotes',
  ]);
});
