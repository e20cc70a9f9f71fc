import { type BrowserContext, chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTagTypes } from '../shared/annotation/model';
import { buildNativeFile } from '../shared/format/native';
import { loadCorpus } from '../shared/test-support/corpus';
import { randomAnnotations } from '../shared/test-support/synthetic';
import { type Result, quantile, result } from './measure';
import { chooseImport } from '../e2e/web/support';

/// Importing an annotation file through the app itself, as a researcher
/// does: the library page, Import annotations…, the preview, Import, the
/// progress bar, the closing notice. What the worker does off the page is
/// timed with what the page does around it, and the page's tasks over 50 ms
/// are counted from the file chosen to a second after the notice (issue 5:
/// ≤ 3 s, with a progress bar and no UI task over 50 ms).

// What the page records, by a listener and an observer set up before the
// file is chosen.
interface Seen {
  chosen: number;
  previewed: number;
  confirmed: number;
  stored: number;
  progressShown: boolean;
  longTasks: number[];
}
declare const palimpsestImport: Seen;

/// `count` annotations spread over the five bundled documents, in the app's
/// own export format, written to a file in `dir`.
export function annotationFile(dir: string, count: number): string {
  const corpus = loadCorpus();
  const documents = [...corpus.values()];
  const annotations = documents
    .flatMap((d, k) => randomAnnotations(d, Math.ceil(count / documents.length), 40 + k).map((a) => ({ ...a, id: `${k}-${a.id}` })))
    .slice(0, count);
  const path = join(dir, `annotations-${count}.json`);
  writeFileSync(
    path,
    JSON.stringify(
      buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date('2026-11-22T12:00:00Z') }),
    ),
  );
  return path;
}

/// One import into an empty library, in a fresh on-disk profile.
async function importOnce(context: BrowserContext, origin: string, path: string, count: number): Promise<Seen & { parsePeer: number }> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByTestId('doc-row').nth(4).waitFor();
  await page.evaluate(() => {
    const seen: Seen = { chosen: 0, previewed: 0, confirmed: 0, stored: 0, progressShown: false, longTasks: [] };
    (window as unknown as { palimpsestImport: Seen }).palimpsestImport = seen;
    document.addEventListener('change', () => (seen.chosen = performance.now()), true);
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest('[data-testid="import-confirm"]')) seen.confirmed = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (!seen.previewed && document.querySelector('[data-testid="import-counts"]')) seen.previewed = performance.now();
      if (document.querySelector('[data-testid="import-progress"]')) seen.progressShown = true;
      if (seen.confirmed && !seen.stored && [...document.querySelectorAll('[data-testid="notice-info"]')].some((n) => n.textContent?.startsWith('Imported')))
        seen.stored = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (seen.chosen && entry.startTime >= seen.chosen) seen.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await page.getByTestId('import-counts').waitFor({ timeout: 120_000 });
  const counts = await page.getByTestId('import-counts').textContent();
  if (!counts?.includes(`${count.toLocaleString('en')} new`)) throw new Error(`The app's preview did not offer ${count} new annotations: “${counts}”.`);
  await page.getByTestId('import-confirm').click();
  await page.waitForFunction(() => palimpsestImport.stored > 0, null, { timeout: 120_000 });
  // The library redraws its counts after the notice, and long tasks are
  // reported a little after they end: both are waited for.
  await page.waitForTimeout(1000);
  const seen = await page.evaluate(() => palimpsestImport);
  // The peer: the naive way, the file read and parsed on the page's own
  // thread, with no validation, anchoring or storing.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-parse-peer';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-parse-peer').setInputFiles(path);
  const parsePeer = await page.evaluate(async () => {
    const file = document.querySelector<HTMLInputElement>('#bench-parse-peer')!.files![0]!;
    const start = performance.now();
    JSON.parse(await file.text());
    return performance.now() - start;
  });
  await page.close();
  return { ...seen, parsePeer };
}

/// The app's import of `count` annotations, `runs` times, each into a
/// fresh library on disk.
export async function appImportBench(options: {
  origin: string;
  executablePath: string;
  args: string[];
  runs: number;
  count: number;
  log: (line: string) => void;
}): Promise<Result[]> {
  const { origin, runs, count, log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-import-'));
  try {
    const path = annotationFile(dir, count);
    const runsSeen: (Seen & { parsePeer: number })[] = [];
    for (let i = 0; i < runs; i++) {
      const profile = join(dir, `profile-${i}`);
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: options.executablePath,
        args: options.args,
        viewport: { width: 1400, height: 900 },
      });
      try {
        runsSeen.push(await importOnce(context, origin, path, count));
      } finally {
        await context.close();
      }
    }
    const label = count.toLocaleString('en');
    // The targets are for 100,000; a quick run's smaller file is held
    // to the same rate.
    const target = Math.round((3000 * count) / 100_000);
    const previews = runsSeen.map((s) => s.previewed - s.chosen);
    const stores = runsSeen.map((s) => s.stored - s.confirmed);
    const longTasks = runsSeen.flatMap((s) => s.longTasks);
    const peer = {
      name: 'the file read and JSON.parse on the page, nothing else',
      median: quantile(
        runsSeen.map((s) => s.parsePeer),
        0.5,
      ),
    };
    const withoutBar = runsSeen.filter((s) => !s.progressShown).length;
    log(
      `app import of ${label}: preview ${quantile(previews, 0.5).toFixed(0)} ms, stored ${quantile(stores, 0.5).toFixed(0)} ms, ${longTasks.length} page tasks over 50 ms; read + parse on the page ${peer.median.toFixed(0)} ms`,
    );
    return [
      result(`import ${label} annotations in the app: file chosen to preview (read, validated, anchored in the worker)`, 'ms', previews, target, peer),
      {
        ...result(
          `import ${label} annotations in the app: Import pressed to stored, with a progress bar`,
          'ms',
          stores,
          target,
          null,
          withoutBar ? `no progress bar in ${withoutBar} of ${runs} runs` : `progress bar shown in all ${runs} runs`,
        ),
        ...(withoutBar ? { pass: false } : {}),
      },
      result(
        `import ${label} annotations in the app: page tasks over 50 ms, file chosen to a second after stored`,
        'count',
        [longTasks.length],
        0,
        null,
        longTasks.length ? `longest ${Math.max(...longTasks).toFixed(0)} ms, in ${runs} runs` : `none in ${runs} runs`,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
