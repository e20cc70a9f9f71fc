import { chromium } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBenches } from './export-benches';
import type { exportBench } from './page/bench-export';

/// The export benchmark alone, for work on the export: `npx tsx
/// bench/export-run.ts [count] [--profile]` on a built renderer (`npm run
/// build:web`), served on BENCH_PORT. With `--profile`, one more streamed
/// export is profiled through the DevTools protocol, its hottest functions
/// listed and the profile written to the temporary directory.

declare const palimpsestBench: typeof exportBench;

const root = join(import.meta.dirname, '..');
const port = Number(process.env.BENCH_PORT ?? 4179);
const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const profile = process.argv.includes('--profile');
const probe = process.argv.includes('--probe');

function serve(): ChildProcess {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  return spawn(process.execPath, [vite, 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  });
}

const server = serve();
const dir = mkdtempSync(join(tmpdir(), 'palimpsest-export-'));
try {
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/bench/bench.html`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/bench/bench.html`);
    await page.waitForFunction(() => document.title === 'ready');
    if (probe) {
      console.log(`stored ${count} in ${((await page.evaluate((n) => palimpsestBench.buildLibrary(n), count)) / 1000).toFixed(1)} s`);
      for (let i = 0; i < 3; i++) console.log(JSON.stringify(await page.evaluate(() => palimpsestBench.probe())));
      const run = await page.evaluate(() => palimpsestBench.streamed(0));
      console.log(`streamed export: ${run.ms.toFixed(0)} ms`);
    } else if (!profile) {
      for (const r of await exportBenches(page, { runs: 3, count, log: console.log })) console.log(JSON.stringify(r));
    } else {
      await page.evaluate((n) => palimpsestBench.buildLibrary(n), count);
      await page.evaluate(() => palimpsestBench.streamed(0));
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Profiler.enable');
      await devtools.send('Profiler.setSamplingInterval', { interval: 200 });
      await devtools.send('Profiler.start');
      const run = await page.evaluate(() => palimpsestBench.streamed(0));
      const { profile: cpu } = (await devtools.send('Profiler.stop')) as {
        profile: {
          nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
          samples: number[];
          timeDeltas: number[];
        };
      };
      const saved = join(tmpdir(), 'palimpsest-export.cpuprofile');
      writeFileSync(saved, JSON.stringify(cpu));
      console.log(`profiled run: ${run.ms.toFixed(0)} ms; the profile is ${saved}`);
      const self = new Map<string, number>();
      const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
      cpu.samples.forEach((id, i) => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
      });
      for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`);
      await page.evaluate(() => palimpsestBench.dropLibrary());
    }
  } finally {
    await context.close();
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
