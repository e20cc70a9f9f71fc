import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dragSelect, entryQuotes, openDocument, openLibrary, screenshotDir } from './support';

const claim = 'he wanted to force Peking to desist from further support';
const actor = 'Khrushchev';
const measure = 'Peking to desist from further support, without which the Albanian regime would have difficulty in surviving';

test('highlight, tag, name an actor, overlap, and find it all again after a reload', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  const reader = page.locator('[data-testid="reader"] .ProseMirror');

  // A Claim by key 2.
  await dragSelect(page, claim);
  await page.keyboard.press('2');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await expect(reader.locator('.hl', { hasText: claim })).toHaveCount(1);

  // An Actor from the toolbar; the actor field takes focus for the name.
  await dragSelect(page, actor, 0);
  await page.getByTestId('selection-toolbar').getByRole('button', { name: /Actor/ }).click();
  const actorField = page.getByTestId('entry-actor');
  await expect(actorField).toBeFocused();
  await actorField.fill('N. S. Khrushchev');
  await actorField.press('Enter');

  // An Economic measure overlapping the Claim, by key 3.
  await dragSelect(page, measure);
  await page.keyboard.press('3');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(3);

  // Overlap is visible: highlight spans nest where both passages meet.
  await expect(reader.locator('.hl .hl')).not.toHaveCount(0);
  const colours = await reader.locator('.hl').evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).getPropertyValue('--hl').trim()))].sort());
  expect(colours).toEqual(['#2e9e5b', '#3b7dd8', '#e07b24']);

  // The panel lists them in text order.
  await expect(entryQuotes(page)).toHaveText([actor, claim, measure]);

  // A note, and a second tag on the claim.
  const claimEntry = page.getByTestId('annotation-entry').filter({ hasText: claim });
  await claimEntry.getByTestId('entry-note').fill('Contradicted by the Soviet archive: Moscow expected Peking to keep supplying grain.');
  await claimEntry.getByTestId('entry-note').blur();
  await claimEntry.getByTestId('add-tag').selectOption({ label: 'Actor' });
  await expect(claimEntry.getByTestId('entry-tag')).toHaveText(['Claim×', 'Actor×']);

  await reader
    .locator('.hl')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(screenshotDir, 'reader-overlaps.png') });

  // Clicking a highlight selects its entry; clicking an entry flashes its highlight.
  const actorHighlight = reader.locator('.hl', { hasText: /^Khrushchev$/ }).first();
  await actorHighlight.click();
  const clicked = await actorHighlight.getAttribute('data-annotation');
  await expect(page.locator(`[data-annotation-entry="${clicked}"]`)).toHaveClass(/entry-selected/);
  await expect(page.locator(`[data-annotation-entry="${clicked}"] [data-testid="entry-actor"]`)).toHaveValue('N. S. Khrushchev');
  await page.getByTestId('entry-quote').filter({ hasText: measure }).click();
  await expect(reader.locator('.hl-flash')).not.toHaveCount(0);
  await expect(reader.locator('.hl-selected').first()).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'panel.png') });

  // Where highlights overlap, clicking again steps to the next one there.
  const overlap = reader.locator('.hl .hl').first();
  await overlap.click();
  const first = await page.locator('.entry-selected').getAttribute('data-annotation-entry');
  // A pause, as a reader makes: two quick clicks are a double-click, which selects a word.
  await page.waitForTimeout(800);
  await overlap.click();
  const second = await page.locator('.entry-selected').getAttribute('data-annotation-entry');
  expect(first).not.toBe(second);

  // Everything survives a reload, which reopens the document being read.
  await page.reload();
  await expect(page.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  await expect(entryQuotes(page)).toHaveText([actor, claim, measure]);
  await expect(page.getByTestId('entry-actor').first()).toHaveValue('N. S. Khrushchev');
  await expect(page.getByTestId('annotation-entry').filter({ hasText: claim }).getByTestId('entry-note')).toHaveValue(/Contradicted by the Soviet archive/);
  await expect(page.locator('[data-testid="reader"] .ProseMirror .hl')).not.toHaveCount(0);

  // The actor is offered when tagging in another document.
  await page.getByTestId('back').click();
  await expect(page.locator('[data-document="fo-brief-sino-soviet-relations-and-albania-1962"] [data-testid="doc-count"]')).toHaveText('3');
  await openDocument(page, 'Memorandum of Luncheon');
  await dragSelect(page, 'Ri Song-un', 1);
  await page.keyboard.press('1');
  await expect(page.locator('#actors-list option[value="N. S. Khrushchev"]')).toHaveCount(1);
});

test('delete, then undo and redo with Ctrl+Z and Ctrl+Shift+Z', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, claim);
  await page.keyboard.press('2');
  const entries = page.getByTestId('annotation-entry');
  await expect(entries).toHaveCount(1);

  await entries.first().getByTestId('entry-delete').click();
  await expect(entries).toHaveCount(0);
  await expect(page.locator('.ProseMirror .hl')).toHaveCount(0);

  await page.locator('.reader-column').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(entries).toHaveCount(1);
  await expect(page.locator('.ProseMirror .hl')).toHaveText(claim);

  await page.keyboard.press('Control+z');
  await expect(entries).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(entries).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(entries).toHaveCount(0);
});

test('a selection of only line breaks is refused with a message saying why', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  // Select the blank gap between two blocks with the keyboard.
  const block = page.locator('.ProseMirror p', { hasText: /^RECEIVED IN$/ });
  await block.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect(page.getByTestId('notice-error')).toContainText('only spaces or line breaks');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(0);
});
