import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { tableBench } from './page/bench-table';
import { longTasksIn, samplesIn, traceCategories } from './trace';
import type { Page } from '@playwright/test';

/// Issue 19's table on the page, apart from `npm run bench` (a million
/// annotations take minutes to write): `npx tsx bench/table-page-bench.ts
/// [count]` after `npm run build:web` and `vite build --config
/// bench/page/vite.config.ts`. Writes `count` annotations (100,000 unless
/// told) through annotation-rows, reads them as the table does
/// before (`loadTableSources`) and as the table screen now does (stored
/// columns), with one note and one tag edit while it is open, three
/// times each; then draws the
/// table on a model made in memory and scrolls it 300 px a frame for 120
/// frames and from top to bottom in 120 frames, with the page's long
/// tasks, and saves the end of the table to screenshots/ (TABLE_DRAW_ONLY=1
/// skips the write and reads). Serves on BENCH_PORT (4179 unless set).
/// Prints one line each.

declare const palimpsestBench: typeof tableBench;

const root = join(import.meta.dirname, '..');

// Runs `work` under a Chromium trace of the page written to `path` (over
// CDP: a persistent context has no Browser to trace from).
async function traced(page: Page, path: string, work: () => Promise<unknown>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: traceCategories.join(','), transferMode: 'ReturnAsStream' });
  // TABLE_CPU=1: V8's sampling profiler alongside, its samples on the trace's clock, to name what runs in a long task.
  const cpu = !!process.env.TABLE_CPU;
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await work();
  if (cpu) writeFileSync(path.replace(/\.json$/, '.cpuprofile'), JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new RangeError('Chromium returned no trace stream.');
  const parts: string[] = [];
  for (;;) {
    const read = await cdp.send('IO.read', { handle: stream });
    parts.push(read.base64Encoded ? Buffer.from(read.data, 'base64').toString('utf8') : read.data);
    if (read.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(path, parts.join(''));
  await cdp.detach();
}
const port = Number(process.env.BENCH_PORT ?? 4179);
const count = Number(process.argv[2] ?? 100_000);
const load = () => loadavg()[0]!.toFixed(1);

const server = spawn(
  process.execPath,
  [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'preview',
    '--config',
    'vite.web.config.ts',
    // A copy of the build (BENCH_DIST), so a long run is not disturbed by a rebuild.
    ...(process.env.BENCH_DIST ? ['--outDir', process.env.BENCH_DIST] : []),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ],
  { cwd: root, stdio: 'ignore' },
);
try {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const only = process.env.TABLE_OPEN_ONLY;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  // TABLE_PROFILE=<dir> keeps the browser's profile, and the library
  // written in it, for the next run (a million annotations take minutes).
  const context = process.env.TABLE_PROFILE
    ? await chromium.launchPersistentContext(process.env.TABLE_PROFILE, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
        viewport: { width: 1400, height: 900 },
      })
    : null;
  try {
    const page = context ? await context.newPage() : await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/bench/bench.html`);
    await page.waitForFunction(() => document.title === 'ready');
    // TABLE_DRAW_ONLY=1 skips the write and the reads (minutes at a million).
    if (!process.env.TABLE_DRAW_ONLY) {
      const stored = await page.evaluate(([n, keep]) => palimpsestBench.storeForTable(n, keep), [count, !!context] as const);
      console.log(
        stored < 0
          ? `${count.toLocaleString('en')} annotations kept from the last run`
          : `write ${count.toLocaleString('en')} annotations: ${stored.toFixed(0)} ms (load ${load()})`,
      );
      // Before: every annotation read (TABLE_BEFORE_RUNS, 3 unless set).
      for (let run = 0; run < Number(process.env.TABLE_BEFORE_RUNS ?? 3); run++) {
        const r = await page.evaluate(() => palimpsestBench.openTable());
        console.log(
          `before, open: chunks ${r.chunks.toFixed(0)} ms, tableSources ${r.read.toFixed(0)} ms, model ${r.model.toFixed(0)} ms, longest task ${r.longestTask.toFixed(0)} ms, heap ${r.heapMB} MB (load ${load()})`,
        );
      }
      // TABLE_TRACE=<file>: a Chromium trace of one open of each kind, with its tasks over 50 ms.
      if (process.env.TABLE_TRACE) {
        // TABLE_TRACE_ONLY=openLead: that open alone, the process's first (its first screen's tasks differ).
        const kinds = (['openFromColumns', 'openLead'] as const).filter((k) => !process.env.TABLE_TRACE_ONLY || process.env.TABLE_TRACE_ONLY === k);
        for (const kind of kinds) {
          const path = `${process.env.TABLE_TRACE}-${kind}.json`;
          await traced(page, path, () => page.evaluate((k) => palimpsestBench[k]().then(() => undefined), kind));
          const { tasks, traced: all, longest } = longTasksIn(path);
          console.log(`trace of ${kind}: ${tasks.length} tasks over 50 ms of ${all} (longest ${longest.toFixed(0)} ms) (load ${load()})`);
          for (const task of tasks) {
            console.log(`  at ${task.at.toFixed(0)} ms: ${task.ms.toFixed(0)} ms: ${task.what}`);
            if (process.env.TABLE_CPU) console.log(`    ${samplesIn(path.replace(/\.json$/, '.cpuprofile'), task.ts, task.ts + task.ms * 1000)}`);
          }
        }
      }
      // After: the table screen's path, from the stored columns, beside the
      // path since table8 (the first screen read first), taking turns.
      // TABLE_OPEN_ONLY=1: only the whole table's open as the screen opens
      // it (first screen first), TABLE_OPENS times (3); nothing written.
      // The page's build says what the whole is read from: the chunks'
      // columns before 5 December, each document's record since.
      for (let run = 0; only && run < Number(process.env.TABLE_OPENS ?? 3); run++) {
        const l = await page.evaluate(() => palimpsestBench.openLead());
        console.log(
          `open (${only}): first screen ${l.firstScreen.toFixed(0)} ms (longest task before it ${l.firstTask.toFixed(0)} ms), records read ${l.read?.toFixed(0) ?? '?'} ms, whole table ${l.whole.toFixed(0)} ms (longest task ${l.longestTask.toFixed(0)} ms), heap ${l.heapMB} MB (load ${load()})`,
        );
      }
      for (let run = 0; !only && run < 3; run++) {
        // TABLE_NO_LEAD=1: a build from before table8, which has no openLead.
        const l = process.env.TABLE_NO_LEAD ? null : await page.evaluate(() => palimpsestBench.openLead());
        if (l)
          console.log(
            `open, first screen first: lead read ${l.leadRead.toFixed(0)} ms (${l.leadRows} rows of ${l.total}), first screen ${l.firstScreen.toFixed(0)} ms (longest task before it ${l.firstTask.toFixed(0)} ms), whole table ${l.whole.toFixed(0)} ms (longest task ${l.longestTask.toFixed(0)} ms), heap ${l.heapMB} MB (load ${load()})`,
          );
        const r = await page.evaluate(() => palimpsestBench.openFromColumns());
        console.log(
          `open the table screen: columns ${r.columns.toFixed(0)} ms, model sorted by date ${r.model.toFixed(0)} ms, first screen's text ${r.firstScreen.toFixed(0)} ms, total ${r.total.toFixed(0)} ms; filter tag + actor ${r.filter.toFixed(1)} ms (${r.kept} kept); sort by date descending ${r.sort.toFixed(1)} ms; longest task ${r.longestTask.toFixed(0)} ms, heap ${r.heapMB} MB (load ${load()})`,
        );
        for (const kind of ['note', 'tags'] as const) {
          const e = await page.evaluate((k) => palimpsestBench.editWhileOpen(k), kind);
          console.log(
            `edit one ${kind} with the table open: write ${e.write.toFixed(0)} ms, update heard ${e.heard.toFixed(0)} ms (${e.chunksRead} chunk(s) read again, text only: ${e.textOnly}), ready ${e.ready.toFixed(0)} ms, longest task ${e.longestTask.toFixed(0)} ms (load ${load()})`,
          );
        }
      }
      await page.evaluate(() => palimpsestBench.dropTable());
    }
    if (!process.env.TABLE_OPEN_ONLY) {
      console.log(`model in memory: ${(await page.evaluate((n) => palimpsestBench.openInMemory(n), count)).toFixed(0)} ms`);
      for (let run = 0; run < 3; run++) console.log(`draw: ${(await page.evaluate(() => palimpsestBench.drawTable())).toFixed(0)} ms`);
      // TABLE_SCROLL_TRACE=<file>: the scroll under a Chromium trace, with its tasks over 50 ms and what ran in them.
      let s!: Awaited<ReturnType<typeof palimpsestBench.scrollTable>>;
      const scroll = async () => void (s = await page.evaluate(() => palimpsestBench.scrollTable(300, 120)));
      if (process.env.TABLE_SCROLL_TRACE) {
        const path = `${process.env.TABLE_SCROLL_TRACE}-scroll.json`;
        await traced(page, path, scroll);
        const { tasks, traced: all, longest } = longTasksIn(path);
        console.log(`trace of the scroll: ${tasks.length} tasks over 50 ms of ${all} (longest ${longest.toFixed(0)} ms) (load ${load()})`);
        for (const task of tasks) console.log(`  at ${task.at.toFixed(0)} ms: ${task.ms.toFixed(0)} ms: ${task.what}`);
      } else await scroll();
      const frames = [...s.frames].sort((a, b) => a - b);
      console.log(
        `scroll: ${frames.length} frames, median ${frames[frames.length >> 1]!.toFixed(1)} ms; ${s.longTasks.length} tasks over 50 ms (longest ${Math.max(0, ...s.longTasks)} ms); top to bottom in ${frames.length} frames: ${s.sweepTasks.length} tasks over 50 ms (longest ${Math.max(0, ...s.sweepTasks)} ms); last row drawn at the end ${s.lastDrawn} of ${s.rows} (load ${load()})`,
      );
      // The end of the table as drawn, to look at.
      await page.screenshot({ path: join(root, 'screenshots', `table-bench-end-${count}.png`) });
    }
  } finally {
    await context?.close();
    await browser.close();
  }
} finally {
  server.kill();
}
