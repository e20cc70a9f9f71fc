import { expect, test } from '@playwright/test';
import { dragSelect, openDocument, openLibrary } from './support';

test('tag types are the researcher’s: add, rename, recolour, reorder, and delete with a count', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, 'Albania has recently been seeking to expand her diplomatic and commercial relations with the West');
  await page.keyboard.press('2');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);

  await page.getByRole('button', { name: 'Tag types…' }).click();
  const dialog = page.getByTestId('tag-types-dialog');
  const names = () => dialog.getByTestId('tag-type-name').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  await dialog.getByTestId('new-tag-name').fill('Source criticism');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect.poll(names).toEqual(['Actor', 'Claim', 'Economic measure', 'Source criticism']);

  // Rename Claim; the panel follows.
  await dialog.getByTestId('tag-type-name').nth(1).fill('Assertion');
  await dialog.getByTestId('tag-type-name').nth(1).press('Enter');
  await expect(page.getByTestId('entry-tag')).toHaveText(['Assertion×']);

  // Recolour it; the highlight follows.
  await dialog.getByLabel('Colour of Assertion').fill('#aa00aa');
  await expect(page.locator('.ProseMirror .hl')).toHaveAttribute('style', /--hl: ?#aa00aa/);

  // Move the new type to the top: it takes key 1.
  await dialog.getByLabel('Move Source criticism up').click();
  await dialog.getByLabel('Move Source criticism up').click();
  await dialog.getByLabel('Move Source criticism up').click();
  await expect.poll(names).toEqual(['Source criticism', 'Actor', 'Assertion', 'Economic measure']);

  // Deleting a type in use says how many annotations it touches, and asks.
  await dialog
    .getByTestId('tag-type-row')
    .filter({ has: page.locator('input[value="Assertion"]') })
    .getByTestId('tag-type-delete')
    .click();
  await expect(dialog.getByTestId('confirm-delete')).toContainText('1 annotation carries it');
  await dialog.getByTestId('confirm-delete-yes').click();
  await expect.poll(names).toEqual(['Source criticism', 'Actor', 'Economic measure']);
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The annotation is kept, untagged.
  await expect(page.getByTestId('annotation-entry')).toHaveCount(1);
  await expect(page.getByTestId('entry-tag')).toHaveCount(0);
  // A deletion by mistake is taken back with Ctrl+Z, tag and all; then
  // done again.
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Ctrl\+Z brings it back/);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice-info').last()).toHaveText(/Undid: delete tag type\./);
  await expect(page.getByTestId('entry-tag')).toHaveText(['Assertion×']);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('entry-tag')).toHaveCount(0);

  // Key 1 is now the new type.
  await dragSelect(page, 'Italy, France and Turkey');
  await page.keyboard.press('1');
  await expect(page.getByTestId('annotation-entry').filter({ hasText: 'Italy, France and Turkey' }).getByTestId('entry-tag')).toHaveText(['Source criticism×']);
});
