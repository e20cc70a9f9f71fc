import { chromium } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Highlight } from '../renderer/editor/highlights';
import { randomAnnotations, scaledDocument, scaledSource } from './data';
import { type Result, quantile, result } from './measure';

const root = join(import.meta.dirname, '..');
const port = 4179;
const colors = ['#3b7dd8', '#e07b24', '#2e9e5b'];

async function serve(): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/bench.html`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error('The benchmark page did not come up: run `npm run build:web` first.');
}

function highlightsFor(bytes: number, count: number): { source: string; highlights: Highlight[] } {
  const document = scaledDocument(bytes);
  const highlights = randomAnnotations(document, count).map((a, i) => ({ id: a.id, start: a.position.start, end: a.position.end, colors: [colors[i % 3]!] }));
  return { source: scaledSource(bytes), highlights };
}

/// The reader's benchmarks in Debian's Chromium, on the built renderer's
/// benchmark page: the app's own Reader and highlights plugin.
export async function chromiumBenches(options: { runs: number; full: boolean; log: (line: string) => void }): Promise<Result[]> {
  const { runs, log } = options;
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  const results: Result[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/bench.html`);
    await page.waitForFunction(() => document.title === 'ready');
    type Bench = { open(f: string, s: string, h: Highlight[]): Promise<number>; add(h: Highlight): number; heapMB(): number | null };
    const open = (source: string, highlights: Highlight[]) =>
      page.evaluate(([s, h]) => (window as unknown as { palimpsestBench: Bench }).palimpsestBench.open('bench.md', s, h), [source, highlights] as const);

    const sizes: [number, number, number][] = [[1_000_000, 10_000, 300]];
    if (options.full) sizes.push([5_000_000, 50_000, 1500]);
    for (const [bytes, count, target] of sizes) {
      const { source, highlights } = highlightsFor(bytes, count);
      const bare: number[] = [];
      const withHighlights: number[] = [];
      for (let i = 0; i < runs; i++) {
        bare.push(await open(source, []));
        withHighlights.push(await open(source, highlights));
      }
      const heap = await page.evaluate(() => (window as unknown as { palimpsestBench: Bench }).palimpsestBench.heapMB());
      const mb = bytes / 1_000_000;
      results.push(
        result(`open a ${mb} MB document with ${count.toLocaleString('en')} highlights, to interactive`, 'ms', withHighlights, target, { name: 'the same document in the same reader with no highlights', median: quantile(bare, 0.5) }, heap ? `JS heap after opening: ${heap} MB` : undefined),
      );
      log(`open ${mb} MB / ${count}: median ${quantile(withHighlights, 0.5).toFixed(0)} ms (no highlights ${quantile(bare, 0.5).toFixed(0)} ms)`);

      if (bytes === 1_000_000) {
        // Creating highlights in the document holding 10,000, and in the same document holding none.
        const extra = (i: number): Highlight => ({ id: `new-${i}`, start: 1000 + i * 997, end: 1040 + i * 997, colors: [colors[i % 3]!] });
        const adds = async () => {
          const times: number[] = [];
          for (let i = 0; i < 40; i++) times.push(await page.evaluate((h) => (window as unknown as { palimpsestBench: Bench }).palimpsestBench.add(h), extra(i)));
          return times;
        };
        await open(source, []);
        const bareAdds = await adds();
        await open(source, highlights);
        const loadedAdds = await adds();
        const p95 = result('create a highlight in a document holding 10,000 (p95 of 40)', 'ms', [quantile(loadedAdds, 0.95)], 8, { name: 'the same in the document with no highlights (p95)', median: quantile(bareAdds, 0.95) });
        results.push({ ...p95, median: Math.round(quantile(loadedAdds, 0.5) * 10) / 10, p95: Math.round(quantile(loadedAdds, 0.95) * 10) / 10, runs: loadedAdds.length, pass: quantile(loadedAdds, 0.95) <= 8 });
        log(`create highlight: p95 ${quantile(loadedAdds, 0.95).toFixed(1)} ms (bare ${quantile(bareAdds, 0.95).toFixed(1)} ms)`);
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return results;
}
