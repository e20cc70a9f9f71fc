import { type Browser, type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dragSelect, entryQuotes, openDocument, screenshotDir, tagPassage } from './support';
import { joinProject, shareLibrary, syncServer, syncStatus } from './sync-support';

// A note saved, or an annotation deleted, the moment before the tab is
// reloaded (or closed, or the app killed), before its round trip to the
// shared project ran: the next launch keeps the change and carries it to
// the team, rather than taking the project's older version.
test.use({ actionTimeout: 15_000 });

const server = syncServer('reload.sqlite');

const title = 'Visit of the Italian Prime Minister';
const words = 'apple of discord';

const entryOf = (page: Page) => page.getByTestId('annotation-entry').filter({ has: page.getByTestId('entry-quote').getByText(words, { exact: true }) });

async function person(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('a note saved the moment before a reload is kept, and reaches a colleague', async ({ browser }) => {
  test.setTimeout(120_000);
  const ana = await person(browser);
  const { edit } = await shareLibrary(ana, server(), 'Ana Petrova', 'FO 371: reload');
  await ana.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  await openDocument(ana, title);
  await dragSelect(ana, words);
  await ana.keyboard.press('2');
  const note = entryOf(ana).getByTestId('entry-note');
  await note.fill('first reading');
  await note.blur();
  // Carried and acknowledged: the project holds the first reading.
  await expect(ana.getByTestId('sync-pending')).toHaveCount(0, { timeout: 15_000 });
  await ana.waitForTimeout(500);

  await note.fill('second reading');
  await note.blur();
  // The note is saved at once; its round trip waits for a pause of 150 ms.
  await ana.waitForTimeout(30);
  await ana.reload();
  await expect(entryOf(ana).getByTestId('entry-note')).toHaveValue('second reading', { timeout: 15_000 });

  const ben = await person(browser);
  await joinProject(ben, edit, 'Ben Okafor');
  await openDocument(ben, title);
  await expect(entryOf(ben).getByTestId('entry-note')).toHaveValue('second reading', { timeout: 15_000 });
});

test('an annotation deleted the moment before a reload stays deleted, and goes from a colleague’s library', async ({ browser }) => {
  test.setTimeout(120_000);
  const kept = 'remain outside the complete control of Moscow';
  const ana = await person(browser);
  const { edit } = await shareLibrary(ana, server(), 'Ana Petrova', 'FO 371: reload delete');
  await ana.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  await openDocument(ana, title);
  await tagPassage(ana, kept, '2');
  await tagPassage(ana, words, '2');
  await expect(ana.getByTestId('sync-pending')).toHaveCount(0, { timeout: 15_000 });
  await ana.waitForTimeout(500);

  await entryOf(ana).getByTestId('entry-delete').click();
  await expect(entryQuotes(ana)).toHaveText([kept]);
  // Deleted at once; its round trip waits for a pause of 150 ms.
  await ana.waitForTimeout(30);
  await ana.reload();
  await expect(syncStatus(ana)).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(ana.getByTestId('sync-pending')).toHaveCount(0, { timeout: 15_000 });
  await ana.waitForTimeout(1_000);
  await expect(entryQuotes(ana)).toHaveText([kept]);
  await ana.screenshot({ path: join(screenshotDir, 'sync-reload-deleted-ana.png') });

  const ben = await person(browser);
  await joinProject(ben, edit, 'Ben Okafor');
  await openDocument(ben, title);
  await expect(entryQuotes(ben)).toHaveText([kept], { timeout: 15_000 });
  await ben.waitForTimeout(1_000);
  await expect(entryQuotes(ben)).toHaveText([kept]);
});
