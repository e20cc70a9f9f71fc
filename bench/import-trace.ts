import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotationFile } from './app-import-bench';
import { port, serve } from './serve';
import { longTasksIn, traceCategories } from './trace';
import { chooseImport } from '../e2e/web/support';

/// A Chromium trace of "import N annotations in the app" on the built
/// renderer, from the file chosen until the backup of the imported library
/// is written (the app backs up 4 s after the last change) and a second
/// after: every page main-thread task over 50 ms, with the functions it ran.
/// `npx tsx bench/import-trace.ts [count] [runs]` after `npm run build:web`;
/// BENCH_PORT as for the benchmark. Not part of `npm run bench`: a trace is
/// for finding what a task is, the benchmark counts them.

const count = Number(process.argv[2] ?? 20_000);
const runs = Number(process.argv[3] ?? 3);
const origin = `http://127.0.0.1:${port}`;

const dir = mkdtempSync(join(tmpdir(), 'palimpsest-trace-'));
const server = await serve('/');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const path = annotationFile(dir, count);
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByTestId('doc-row').nth(4).waitFor();
    const tracePath = join(dir, `trace-${run}.json`);
    await browser.startTracing(page, { path: tracePath, categories: traceCategories });
    // The app's first backup, of the fresh library, comes 4 s after it
    // opens; waited for, so that the backup traced is the imported one's.
    await page.waitForTimeout(5000);
    const chooser = page.waitForEvent('filechooser');
    await chooseImport(page, 'annotations');
    await (await chooser).setFiles(path);
    await page.getByTestId('import-confirm').click({ timeout: 120_000 });
    await page.getByTestId('notice-info').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
    // The backup of the imported library: a row of it in the backup database.
    const started = Date.now();
    // (page.evaluate awaits the promise; waitForFunction would take the
    // promise itself as a truthy answer.)
    const backedUp = () =>
      page.evaluate(
        (n) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('palimpsest-backups');
            open.onsuccess = () => {
              // Closed at once: an open connection would block the app's own
              // opening of the database (Dexie upgrades it on first use).
              const db = open.result;
              try {
                const all = db.transaction('backups').objectStore('backups').getAll();
                all.onsuccess = () => resolve((all.result as { annotations: number }[]).some((row) => row.annotations >= n));
                all.onerror = () => resolve(false);
              } catch {
                resolve(false);
              } finally {
                db.close();
              }
            };
            open.onerror = () => resolve(false);
          }),
        count,
      );
    while (!(await backedUp())) {
      if (Date.now() - started > 60_000) throw new Error('The imported library was not backed up within a minute.');
      await page.waitForTimeout(250);
    }
    const backupAfter = Date.now() - started;
    const rows = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('palimpsest-backups');
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('backups').objectStore('backups').getAll();
            all.onsuccess = () =>
              resolve(JSON.stringify((all.result as { id: string; annotations: number; bytes: number }[]).map((r) => [r.id, r.annotations, r.bytes])));
            db.close();
          };
        }),
    );
    console.log(`  backups now: ${rows}`);
    await page.waitForTimeout(1000);
    await browser.stopTracing();
    const { tasks, traced, longest } = longTasksIn(tracePath);
    console.log(
      `run ${run + 1}: ${count} annotations imported, backup written ${backupAfter} ms after the notice; page tasks over 50 ms: ${tasks.length} (of ${traced} traced; the longest ${longest.toFixed(1)} ms)`,
    );
    for (const task of tasks) console.log(`  ${task.ms.toFixed(0)} ms: ${task.what}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
