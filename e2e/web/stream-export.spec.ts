import { type Page, expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationsFile, standInBridge } from './desktop-bridge';
import { openLibrary, screenshotDir, chooseImport } from './support';

// Headless Chromium answers the real save picker as a cancel, and the
// suite turns the File System Access API off (playwright.config.ts), so
// every other spec saves through the download fallback. Here the picker
// is put back as a stand-in that answers with a file of the origin's
// private file system: the app then streams its export into a real
// FileSystemWritableFileStream, piece by piece, as it would into the file
// a researcher picked.
const standInPicker = () => {
  const log: { suggestedName: string; types: unknown }[] = [];
  (window as unknown as { pickerLog: typeof log }).pickerLog = log;
  (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: { suggestedName: string; types: unknown }) => {
    log.push(options);
    if ((window as unknown as { cancelPicker?: boolean }).cancelPicker) throw new DOMException('The user aborted a request.', 'AbortError');
    const root = await navigator.storage.getDirectory();
    return root.getFileHandle(options.suggestedName, { create: true });
  };
};

async function savedText(page: Page, name: string): Promise<string> {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle(name)).getFile()).text();
  }, name);
}

test('a large export streams into the file the picker gave, the same file the download gives', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const count = 6_000;
  const path = testInfo.outputPath('many.json');
  writeFileSync(path, annotationsFile(count, 9));
  await page.addInitScript(standInPicker);
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('6,000 new', { timeout: 60_000 });

  // Cancelling the picker writes nothing and says nothing.
  await page.evaluate(() => ((window as unknown as { cancelPicker: boolean }).cancelPicker = true));
  await page.getByTestId('export-all').click();
  await page.getByTestId('export-confirm').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { pickerLog: unknown[] }).pickerLog.length)).toBe(1);
  await expect(page.getByTestId('notice-info').last()).not.toContainText('Exported');
  await page.evaluate(() => ((window as unknown as { cancelPicker: boolean }).cancelPicker = false));

  await page.getByTestId('export-all').click();
  await page.getByTestId('export-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Exported 6,000 annotations to palimpsest-annotations-', { timeout: 60_000 });
  await page.screenshot({ path: join(screenshotDir, 'stream-export-notice.png') });
  const [offered] = await page.evaluate(() => (window as unknown as { pickerLog: { suggestedName: string; types: unknown }[] }).pickerLog.slice(1));
  expect(offered!.suggestedName).toMatch(/^palimpsest-annotations-\d{4}-\d\d-\d\d\.json$/);
  expect(offered!.types).toEqual([{ description: 'Palimpsest annotations (JSON)', accept: { 'application/json': ['.json'] } }]);
  const streamed = await savedText(page, offered!.suggestedName);
  expect(streamed.length).toBeGreaterThan(2 * 1024 * 1024); // several pieces of a million characters
  const file = JSON.parse(streamed);
  expect(file.format).toBe('palimpsest.annotations');
  expect(file.annotations).toHaveLength(count);
  expect(file.library.links).toEqual([]);

  // The browser without the API: the same export as a download.
  await page.evaluate(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await page.getByTestId('export-all').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const saved = testInfo.outputPath('downloaded.json');
  await (await download).saveAs(saved);
  const downloaded = readFileSync(saved, 'utf8');
  const withoutTime = (text: string) => text.replace(/"exported": "[^"]+"/, '"exported": ""');
  expect(withoutTime(streamed)).toBe(withoutTime(downloaded));
});

test('in the desktop app, an export goes to main piece by piece under one handle, and a cancelled dialog sends none', async ({ page }) => {
  // Main's save calls, keeping what the page sends of a streamed save.
  await standInBridge(page);
  await page.addInitScript(() => {
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const saves: { handle: string; pieces: string[]; kept: boolean | null }[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.saves = saves;
    Object.assign(w.palimpsest as object, {
      openSaveStream: () => {
        if (w.cancelDialog) return ok(null);
        const handle = `00000000-0000-4000-8000-00000000000${saves.length}`;
        saves.push({ handle, pieces: [], kept: null });
        return ok({ handle });
      },
      appendSaveStream: ({ handle, piece }: { handle: string; piece: string }) => {
        saves.find((s) => s.handle === handle)!.pieces.push(piece);
        return ok(null);
      },
      closeSaveStream: ({ handle, keep }: { handle: string; keep: boolean }) => {
        saves.find((s) => s.handle === handle)!.kept = keep;
        return ok(keep ? `/home/me/${handle}.json` : null);
      },
    });
  });
  await openLibrary(page);
  await page.evaluate(() => ((window as unknown as { cancelDialog: boolean }).cancelDialog = true));
  await page.getByTestId('export-all').click();
  await page.getByTestId('export-confirm').click();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { saves: unknown[] }).saves)).toEqual([]);

  await page.evaluate(() => ((window as unknown as { cancelDialog: boolean }).cancelDialog = false));
  await page.getByTestId('export-all').click();
  await page.getByTestId('export-dialog').getByLabel(/CSV/).check();
  // The researcher is told before choosing it that CSV guards formulas.
  await expect(page.getByTestId('csv-formula-hint')).toContainText("written with a ' before it");
  await page.getByTestId('export-dialog').screenshot({ path: join(screenshotDir, 'export-csv-hint.png') });
  await page.getByTestId('export-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Exported 0 annotations to palimpsest-annotations-');
  const [save] = await page.evaluate(() => (window as unknown as { saves: { pieces: string[]; kept: boolean }[] }).saves);
  expect(save!.kept).toBe(true);
  expect(save!.pieces.join('')).toBe(
    `\uFEFFannotation id,document id,document title,document date,citation,page,tags,actor,name as tagged,quote,note,links,start,end,created,modified,made by,last changed by\r\n`,
  );
});

test('in the desktop app, the automatic backup reaches main piece by piece, the whole library', async ({ page }) => {
  // Main, opening a file of 40 annotations and keeping what the page sends
  // of each backup.
  await standInBridge(page, annotationsFile(40, 3));
  await page.addInitScript(() => {
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const backups: { pieces: string[]; closed: boolean }[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.backups = backups;
    Object.assign(w.palimpsest as object, {
      openBackupStream: () => {
        backups.push({ pieces: [], closed: false });
        return ok({ handle: `b${backups.length}` });
      },
      appendBackupStream: ({ piece }: { piece: string }) => {
        backups.at(-1)!.pieces.push(piece);
        return ok(null);
      },
      closeBackupStream: () => {
        backups.at(-1)!.closed = true;
        return ok({ id: `b${backups.length}`, created: new Date().toISOString(), annotations: 40, bytes: 1 });
      },
    });
  });
  await openLibrary(page);
  await chooseImport(page, 'annotations');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('40 new');
  // A few seconds of quiet later, the backup: the whole library, as main
  // would write it to the file.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { backups: { closed: boolean }[] }).backups.some((b) => b.closed)), { timeout: 30_000 })
    .toBe(true);
  const [backup] = await page.evaluate(() => (window as unknown as { backups: { pieces: string[] }[] }).backups);
  const written = JSON.parse(backup!.pieces.join('')) as { scope: { kind: string }; annotations: unknown[] };
  expect(written.scope.kind).toBe('all');
  expect(written.annotations).toHaveLength(40);
});

test('a long export and a backup file show how far they have gone, and Cancel stops each with no file kept', async ({ page }) => {
  test.setTimeout(120_000);
  // Main, opening a file of 6,000 annotations; the second piece of each
  // save is held until the spec lets it go, as a slow disk would.
  await standInBridge(page, annotationsFile(6_000, 5));
  await page.addInitScript(() => {
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const saves: { pieces: number; kept: boolean | null; release: () => void; held: Promise<void> }[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.saves = saves;
    w.release = () => saves.at(-1)!.release();
    Object.assign(w.palimpsest as object, {
      openSaveStream: () => {
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        saves.push({ pieces: 0, kept: null, release, held });
        return ok({ handle: `00000000-0000-4000-8000-00000000000${saves.length}` });
      },
      appendSaveStream: async () => {
        const save = saves.at(-1)!;
        if (++save.pieces === 2) await save.held;
        return { ok: true as const, value: null };
      },
      closeSaveStream: ({ keep }: { keep: boolean }) => {
        saves.at(-1)!.kept = keep;
        return ok(keep ? '/home/me/saved.json' : null);
      },
    });
  });
  const saved = () =>
    page.evaluate(() => (window as unknown as { saves: { pieces: number; kept: boolean }[] }).saves.map(({ pieces, kept }) => ({ pieces, kept })));
  await openLibrary(page);
  await chooseImport(page, 'annotations');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('6,000 new', { timeout: 60_000 });

  await page.getByTestId('export-all').click();
  await page.getByTestId('export-confirm').click();
  const progress = page.getByTestId('export-progress');
  await expect(progress).toContainText(/Exporting palimpsest-annotations-\d{4}-\d\d-\d\d\.json: [1-9][\d,]* of 6,000 annotations so far/);
  await expect(progress.getByRole('progressbar')).toHaveAttribute('max', '6000');
  await page.screenshot({ path: join(screenshotDir, 'export-progress.png') });
  await progress.getByTestId('export-cancel').click();
  await expect(progress.getByTestId('export-cancel')).toHaveText('Cancelling…');
  await page.evaluate(() => (window as unknown as { release: () => void }).release());
  await expect(page.getByTestId('notice-info').last()).toContainText(/Export cancelled: palimpsest-annotations-\d{4}-\d\d-\d\d\.json was not written\./);
  await expect(progress).toHaveCount(0);
  expect(await saved()).toEqual([{ pieces: 2, kept: false }]);

  // The same for a backup file saved from Backups…
  await page.getByRole('button', { name: 'Backups…' }).click();
  const backups = page.getByTestId('backups-dialog');
  await backups.getByTestId('backup-save-file').click();
  const saving = backups.getByTestId('restore-progress');
  await expect(saving).toContainText(/Saving the backup file: [1-9]\d*%/);
  await backups.screenshot({ path: join(screenshotDir, 'backup-file-progress.png') });
  await saving.getByTestId('backup-save-cancel').click();
  await expect(saving.getByTestId('backup-save-cancel')).toHaveText('Cancelling…');
  await page.evaluate(() => (window as unknown as { release: () => void }).release());
  await expect(page.getByTestId('notice-info').last()).toContainText(/Backup file cancelled: palimpsest-backup-[\d-]+T[\d-]+\.json was not written\./);
  await expect(saving).toHaveCount(0);
  expect(await saved()).toEqual([
    { pieces: 2, kept: false },
    { pieces: 2, kept: false },
  ]);
});
