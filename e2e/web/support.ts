import { type Locator, type Page, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/// Where specs save screenshots for people to look at (not compared).
export const screenshotDir = join(import.meta.dirname, '..', '..', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export async function openLibrary(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('doc-row')).toHaveCount(5);
}

/// The library's imports, each an item of its Import menu, by their test ids.
const importItems = { documents: 'import-documents', folder: 'import-folder', annotations: 'import' } as const;

/// Opens the library's Import menu with the mouse, unless it is open.
/// Only locator actions, no `expect`: the benchmarks drive it too.
export async function openImportMenu(page: Page): Promise<void> {
  const button = page.getByTestId('import-menu');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('menu').waitFor();
}

/// Chooses one of the library's imports as a researcher does: the Import
/// menu opened, then its item clicked (which opens the file picker).
export async function chooseImport(page: Page, kind: keyof typeof importItems): Promise<void> {
  await openImportMenu(page);
  await page.getByTestId(importItems[kind]).click();
}

/// Opens a document from the library by a part of its title.
export async function openDocument(page: Page, titlePart: string): Promise<void> {
  await page.getByTestId('doc-title').filter({ hasText: titlePart }).click();
  await expect(page.locator('[data-testid="reader"] .ProseMirror')).toBeVisible();
}

/// Selects `needle` in the reader by dragging the mouse over it, as a
/// researcher would: from just inside its first character to just inside
/// its last. `occurrence` counts from 0.
export async function dragSelect(page: Page, needle: string, occurrence = 0): Promise<void> {
  // The panel may still be scrolling to a just-made annotation; if the text
  // moved under the mouse, the drag is made again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await drag(page, needle, occurrence);
    if ((await page.evaluate(() => window.getSelection()?.toString() ?? '')) === needle) return;
    await page.waitForTimeout(200);
  }
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(needle);
}

async function drag(page: Page, needle: string, occurrence: number): Promise<void> {
  // A document just clicked in the library may not have its reader yet:
  // wait for it, rather than walk the text of nothing.
  await page.locator('[data-testid="reader"] .ProseMirror').waitFor();
  const box = await page.evaluate(
    async ({ needle, occurrence }) => {
      const root = document.querySelector('[data-testid="reader"] .ProseMirror')!;
      // Walk the text nodes, joining them as the reader's text reads.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: text.length });
        text += (n as Text).data;
      }
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" is not in the reader's text`);
      const point = (offset: number) => {
        const entry = [...nodes].reverse().find((e) => e.start <= offset)!;
        return { node: entry.node, offset: offset - entry.start };
      };
      const charRect = (offset: number) => {
        const p = point(offset);
        const range = document.createRange();
        range.setStart(p.node, p.offset);
        range.setEnd(p.node, p.offset + 1);
        const rects = range.getClientRects();
        return rects[rects.length - 1]!;
      };
      const firstEl = point(at).node.parentElement!;
      // The reader skips drawing sections out of view, and the browser
      // scrolls to nothing inside one: scroll to the section, as a reader
      // scrolling there does, and wait for it to be drawn at its real height.
      const section = firstEl.closest('.section') as HTMLElement | null;
      if (section && !section.classList.contains('in-view')) {
        section.scrollIntoView({ block: 'center' });
        for (let i = 0; i < 30 && !section.classList.contains('in-view'); i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      firstEl.scrollIntoView({ block: 'center' });
      // A paragraph taller than the view is centred with its start out of
      // sight: the words themselves are brought to the middle.
      const column = root.closest('.reader-column');
      const start = charRect(at);
      if (column) {
        const view = column.getBoundingClientRect();
        if (start.top < view.top + 8 || start.bottom > view.bottom - 8) column.scrollTop += start.top - (view.top + view.height / 2);
      }
      const a = charRect(at);
      const b = charRect(at + needle.length - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { needle, occurrence },
  );
  await mouseDrag(page, box);
}

/// Presses the mouse at (x1, y1) and releases it at (x2, y2), moving in
/// steps as a hand does, so the browser extends a selection on the way.
export async function mouseDrag(page: Page, box: { x1: number; y1: number; x2: number; y2: number }): Promise<void> {
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/// Closes every notice, so a screenshot shows the screen beneath.
export async function dismissNotices(page: Page): Promise<void> {
  const closers = page.locator('.notice .notice-close');
  // A notice may close itself (after 8 s) between being counted and clicked.
  while ((await closers.count()) > 0)
    await closers
      .first()
      .click({ timeout: 1000 })
      .catch(() => {});
}

/// The panel's entries' quotes, for a retrying `toHaveText([...])`: the
/// panel fills in after a document opens, so a one-off read could race it.
export function entryQuotes(page: Page): Locator {
  return page.getByTestId('entry-quote');
}

/// Tags a passage of the open document by the key of a tag type (1 Actor,
/// 2 Claim, 3 Economic measure…), as a researcher does, and waits for its
/// entry; then writes its note, and names its actor, when given.
export async function tagPassage(page: Page, words: string, key: string, options: { occurrence?: number; note?: string; actor?: string } = {}): Promise<void> {
  const entries = page.getByTestId('annotation-entry');
  const before = await entries.count();
  await dragSelect(page, words, options.occurrence ?? 0);
  await page.keyboard.press(key);
  await expect(entries).toHaveCount(before + 1);
  if (options.actor !== undefined) {
    // Tagging an Actor puts the caret in the new entry's actor field.
    const field = page.getByTestId('entry-actor');
    await expect(field).toBeFocused();
    await field.fill(options.actor);
    await field.press('Enter');
    await expect(field).not.toBeFocused();
  }
  if (options.note) {
    const field = entries.filter({ hasText: words }).getByTestId('entry-note');
    await field.fill(options.note);
    await field.blur();
  }
}
