import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDocument, openLibrary, screenshotDir, tagPassage } from './support';

/// Tags the first "Khrushchev" of a document as an Actor named `name`.
async function tagKhrushchev(page: import('@playwright/test').Page, title: string, name: string): Promise<void> {
  await openDocument(page, title);
  await tagPassage(page, 'Khrushchev', '1', { actor: name });
  await page.getByTestId('back').click();
}

test('three spellings of Khrushchev become one actor, whose page lists his passages across the corpus by date', async ({ page }) => {
  await openLibrary(page);
  await tagKhrushchev(page, 'Visit of the Italian Prime Minister', 'N. S. Khrushchev');
  await tagKhrushchev(page, 'Final Break between Moscow and Tirana', 'Khrushchev');
  await tagKhrushchev(page, 'Archive search results', 'Nikita Khrushchev');

  await page.getByTestId('open-actors').click();
  const unresolved = page.getByTestId('unresolved-name');
  await expect(unresolved).toHaveCount(3);
  await unresolved
    .filter({ hasText: /^Khrushchev/ })
    .getByTestId('make-actor')
    .click();
  const card = page.getByTestId('actor-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('actor-count')).toHaveText('1 passage');

  // "N. S. Khrushchev" made an alias by hand; "Nikita Khrushchev" by the suggestion offered.
  await page.locator('[data-name="N. S. Khrushchev"]').getByTestId('alias-of').selectOption({ label: 'Khrushchev' });
  await expect(card.getByTestId('actor-alias')).toHaveText(['N. S. Khrushchev×']);
  await page.locator('[data-name="Nikita Khrushchev"]').getByTestId('accept-suggestion').click();
  await expect(unresolved).toHaveCount(0);
  await expect(card.getByTestId('actor-count')).toHaveText('3 passages');

  // Renamed to his full name: every passage still resolves.
  await card.getByRole('button', { name: 'Rename' }).click();
  await card.getByRole('textbox', { name: 'New name' }).fill('Nikita Sergeyevich Khrushchev');
  await card.getByRole('button', { name: 'Rename' }).click();
  await expect(card.getByTestId('actor-open')).toHaveText('Nikita Sergeyevich Khrushchev');
  await expect(card.getByTestId('actor-count')).toHaveText('3 passages');
  await page.screenshot({ path: join(screenshotDir, 'actors.png') });

  await card.getByTestId('actor-open').click();
  await expect(page.getByTestId('actor-page-name')).toHaveText('Nikita Sergeyevich Khrushchev');
  await expect(page.getByTestId('actor-passage-date')).toHaveText(['26 December 1956 – 26 June 1964', '19 January 1962', '2019']);
  await expect(page.getByTestId('actor-passage').locator('mark')).toHaveText(['Khrushchev', 'Khrushchev', 'Khrushchev']);
  await page.screenshot({ path: join(screenshotDir, 'actor-page.png') });

  // A passage opens in its document, where its entry names the actor.
  await page.getByTestId('actor-passage-open').nth(1).click();
  await expect(page.getByTestId('doc-heading')).toContainText('Visit of the Italian Prime Minister');
  await expect(page.getByTestId('entry-actor-entity')).toHaveText('→ Nikita Sergeyevich Khrushchev');
});

test('a merge of two actors is one step that Ctrl+Z takes back', async ({ page }) => {
  await openLibrary(page);
  await tagKhrushchev(page, 'Visit of the Italian Prime Minister', 'N. S. Khrushchev');
  await tagKhrushchev(page, 'Final Break between Moscow and Tirana', 'Khrushchev');
  await page.getByTestId('open-actors').click();
  const unresolved = page.getByTestId('unresolved-name');
  for (const name of ['Khrushchev', 'N. S. Khrushchev']) {
    await unresolved
      .filter({ hasText: new RegExp(`^${name}`) })
      .first()
      .getByTestId('make-actor')
      .click();
  }
  const card = page.getByTestId('actor-card');
  await expect(card).toHaveCount(2);

  page.once('dialog', (dialog) => void dialog.accept());
  await card
    .filter({ has: page.getByTestId('actor-open').getByText('Khrushchev', { exact: true }) })
    .getByTestId('actor-merge')
    .selectOption({ label: 'N. S. Khrushchev' });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('actor-count')).toHaveText('2 passages');

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Undid: merge actors\./);
  await expect(card).toHaveCount(2);
  await expect(card.getByTestId('actor-count')).toHaveText(['1 passage', '1 passage']);
  await page.screenshot({ path: join(screenshotDir, 'actors-merge-undone.png') });
});
