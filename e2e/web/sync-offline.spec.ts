import { type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { testKey } from '../../server/test-support/processes';
import { dragSelect, openDocument, openLibrary, screenshotDir } from './support';
import { syncServer } from './sync-support';

// Two researchers, each in a Chromium context of their own (separate
// profiles), share one library through a real sync server process
// (server/main.ts, as `npm run server` runs it) on a free port.
// A missing entry fails in seconds, not at the test's long timeout.
test.use({ actionTimeout: 15_000 });

const server = syncServer('sync.sqlite');

const title = 'Visit of the Italian Prime Minister';
const perSide = Number(process.env.SYNC_E2E_PASSAGES ?? 50);
const edited = Math.min(5, perSide);

/// Words that stand once in the document, in text order: passages no two
/// annotations share.
async function uniqueWords(page: Page, count: number): Promise<string[]> {
  return page.evaluate((count) => {
    // Text node by text node: a word never runs across two blocks.
    const walker = document.createTreeWalker(document.querySelector('[data-testid="reader"] .ProseMirror')!, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
    const text = parts.join('\n');
    const seen = new Map<string, number>();
    for (const word of text.match(/\b[A-Za-z]{8,}\b/g) ?? []) seen.set(word, (seen.get(word) ?? 0) + 1);
    const once = [...seen].filter(([word, n]) => n === 1 && text.indexOf(word) === text.lastIndexOf(word)).map(([word]) => word);
    // Not inside a longer word either.
    return once.filter((word) => once.every((other) => other === word || !other.includes(word))).slice(0, count);
  }, count);
}

/// The panel entry of the passage `word`, by its quote.
const entryOf = (page: Page, word: string) =>
  page.getByTestId('annotation-entry').filter({ has: page.getByTestId('entry-quote').getByText(word, { exact: true }) });

/// Brings the passage's entry into the panel (a long list draws only the
/// entries near its scroll position) by clicking its highlight.
async function reveal(page: Page, word: string): Promise<void> {
  const highlight = page
    .locator('[data-testid="reader"] .hl')
    .filter({ hasText: new RegExp(`^${word}$`) })
    .first();
  await highlight.scrollIntoViewIfNeeded();
  await highlight.click();
  await expect(entryOf(page, word)).toHaveCount(1);
}

const count = (page: Page) => page.getByTestId('annotation-count');

async function tag(page: Page, words: readonly string[]): Promise<void> {
  for (const word of words) {
    await dragSelect(page, word);
    await page.keyboard.press('2');
    await expect(entryOf(page, word)).toHaveCount(1);
  }
}

async function editNote(page: Page, word: string, text: string): Promise<void> {
  await reveal(page, word);
  const note = entryOf(page, word).getByTestId('entry-note');
  await note.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await note.blur();
}

async function notesOf(page: Page, words: readonly string[]): Promise<string[]> {
  const notes: string[] = [];
  for (const word of words) {
    await reveal(page, word);
    notes.push(await entryOf(page, word).getByTestId('entry-note').inputValue());
  }
  return notes;
}

test('A tags while B is offline and tags others and edits A’s notes; after B reconnects both hold all of it', async ({ browser }) => {
  test.setTimeout(600_000);
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();

  // A shares the library.
  await openLibrary(a);
  await expect(a.getByTestId('sync-status')).toContainText('Not shared');
  await a.getByTestId('sync-share').click();
  await a.getByTestId('share-name').fill('Ana Petrova');
  await a.getByTestId('share-project').fill('FO 371: Albania, 1961–62');
  await a.getByTestId('share-server').fill(server().url);
  await a.getByTestId('share-key').fill(testKey);
  await a.getByTestId('share-confirm').click();
  const code = await a.getByTestId('invite-edit').inputValue();
  expect(code).toMatch(/^palimpsest-invite:/);
  await expect(a.getByTestId('invite-read')).toHaveValue(/^palimpsest-invite:/);
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-status', 'connected');
  await a.screenshot({ path: join(screenshotDir, 'sync-share.png') });
  await a.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();

  // B joins with the code.
  await openLibrary(b);
  await b.getByTestId('sync-join').click();
  await b.getByTestId('join-code').fill('not an invitation');
  await b.getByTestId('join-name').fill('Ben Okafor');
  await b.getByTestId('join-confirm').click();
  await expect(b.getByTestId('join-dialog').getByRole('alert')).toContainText('not a Palimpsest invitation code');
  await b.getByTestId('join-code').fill(code);
  await b.getByTestId('join-confirm').click();
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-status', 'connected');

  await openDocument(a, title);
  await openDocument(b, title);
  const words = await uniqueWords(a, perSide * 2);
  expect(words).toHaveLength(perSide * 2);
  const wordsA = words.filter((_, i) => i % 2 === 0);
  const wordsB = words.filter((_, i) => i % 2 === 1);

  // A's first passages, with notes, reach B while both are online.
  const shared = wordsA.slice(0, edited);
  await tag(a, shared);
  for (const word of shared) await editNote(a, word, `Ana on ${word}.`);
  await expect(count(b)).toHaveText(String(edited), { timeout: 15_000 });
  await expect.poll(() => notesOf(b, shared)).toEqual(shared.map((word) => `Ana on ${word}.`));
  await expect(b.getByTestId('annotation-entry').first().getByTestId('entry-authorship')).toContainText('by Ana Petrova');

  // B goes offline. A tags the rest of theirs; B tags fifty others and edits A's five notes.
  await contextB.setOffline(true);
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
  await tag(a, wordsA.slice(edited));
  for (const word of shared) await editNote(a, word, ' Checked against the cabinet minutes.');
  await tag(b, wordsB);
  for (const word of shared) await editNote(b, word, ' Ben: see also FO 371/163.');
  await expect(b.getByTestId('sync-pending')).not.toHaveText('0');
  await b.screenshot({ path: join(screenshotDir, 'sync-offline.png') });
  await expect(count(a)).toHaveText(String(perSide));

  // B reconnects: both end with the same annotations and merged notes.
  await contextB.setOffline(false);
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await expect(count(a)).toHaveText(String(perSide * 2), { timeout: 30_000 });
  await expect(count(b)).toHaveText(String(perSide * 2), { timeout: 30_000 });
  const merged = shared.map((word) => `Ana on ${word}. Checked against the cabinet minutes. Ben: see also FO 371/163.`);
  const mergedOther = shared.map((word) => `Ana on ${word}. Ben: see also FO 371/163. Checked against the cabinet minutes.`);
  await expect
    .poll(async () => {
      const notes = await notesOf(a, shared);
      return notes.every((note, i) => note === merged[i] || note === mergedOther[i]);
    })
    .toBe(true);
  expect(await notesOf(b, shared)).toEqual(await notesOf(a, shared));
  for (const word of [wordsA.at(-1)!, wordsB.at(-1)!]) {
    await reveal(a, word);
    await reveal(b, word);
  }

  // Who changed what, in the panel.
  await reveal(b, shared[0]!);
  const entry = entryOf(b, shared[0]!);
  await expect(entry.getByTestId('entry-authorship')).toContainText('by Ana Petrova');
  await entry.getByText('History').click();
  await expect(entry.getByTestId('entry-history')).toContainText('Ben Okafor: changed note');
  await entry.scrollIntoViewIfNeeded();
  await b.screenshot({ path: join(screenshotDir, 'sync-merged.png') });

  // Everything is still there after a reload, from the local store.
  await a.reload();
  await expect(count(a)).toHaveText(String(perSide * 2), { timeout: 15_000 });
  await contextA.close();
  await contextB.close();
});
