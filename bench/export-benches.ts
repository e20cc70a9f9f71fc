import type { Page } from '@playwright/test';
import type { exportBench } from './page/bench-export';
import { type Result, quantile, result } from './measure';

/// The export benchmark (issue 19: export 1,000,000 annotations native
/// ≤ 10 s with at most 200 MB of extra memory, streamed), in Chromium on
/// the bench page, where bench/page/bench-export.ts is: the app's streamed
/// export of a library on disk, beside the whole-string export it replaced,
/// on the same library in the same run. A quick run exports 100,000 held to
/// the same rate (≤ 1 s); memory is held to the same 200 MB.

declare const palimpsestBench: typeof exportBench;

const msPerMillion = 10_000;
const peakTargetMB = 200;
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export async function exportBenches(page: Page, options: { runs: number; count: number; log: (line: string) => void }): Promise<Result[]> {
  const { runs, count, log } = options;
  const label = count.toLocaleString('en');
  const devtools = await page.context().newCDPSession(page);
  // The heap before an export, with the garbage of what came before gone.
  const baseline = async () => {
    await devtools.send('HeapProfiler.collectGarbage');
    return page.evaluate(() => palimpsestBench.heapBytes());
  };
  try {
    const built = await page.evaluate((n) => palimpsestBench.buildLibrary(n), count);
    log(`export: stored ${label} annotations in ${(built / 1000).toFixed(1)} s`);
    const times: number[] = [];
    const peaks: number[] = [];
    let characters = 0;
    let pieces = 0;
    for (let i = 0; i <= runs; i++) {
      const run = await page.evaluate((b) => palimpsestBench.streamed(b), await baseline());
      // The first run warms the code up, as an export in a session would.
      if (i === 0) continue;
      times.push(run.ms);
      peaks.push(run.peak);
      ({ characters, pieces } = run);
    }
    // The peer runs last: at a million it may exhaust the page.
    const wholeTimes: number[] = [];
    const wholePeaks: number[] = [];
    let failure: string | null = null;
    for (let i = 0; i < runs && !failure; i++) {
      const run = await page
        .evaluate((b) => palimpsestBench.whole(b), await baseline())
        .catch((error: Error) => ({ error: `the page crashed (${error.message.split('\n')[0]})` }));
      if ('error' in run) failure = run.error;
      else {
        wholeTimes.push(run.ms);
        wholePeaks.push(run.peak);
        if (run.characters !== characters) throw new Error(`The streamed export wrote ${characters} characters, the whole one ${run.characters}: they differ.`);
      }
    }
    const peer = wholeTimes.length ? { median: quantile(wholeTimes, 0.5), peak: quantile(wholePeaks, 0.5) } : null;
    const peerName = 'the whole-string export it replaced (exportAnnotations), same library';
    const failed = failure ? `; the whole-string export failed: ${failure}` : '';
    log(
      `export ${label} native, streamed: median ${quantile(times, 0.5).toFixed(0)} ms, peak extra heap ${mb(Math.max(...peaks))} MB, ${mb(characters * 1)} M characters in ${pieces} pieces` +
        (peer ? `; whole string ${peer.median.toFixed(0)} ms, ${mb(peer.peak)} MB held` : failed),
    );
    const peakMB = peaks.map(mb);
    const made = [
      result(
        `export ${label} annotations native, streamed to the file`,
        'ms',
        times,
        Math.round((msPerMillion * count) / 1_000_000),
        peer ? { name: peerName, median: peer.median } : null,
        `${mb(characters)} M characters in ${pieces} pieces, 100 documents${failed}`,
      ),
      result(
        `export ${label} annotations native, streamed: peak extra JS heap`,
        'MB',
        peakMB,
        peakTargetMB,
        peer ? { name: `${peerName}, with its string held (a floor of its peak)`, median: mb(peer.peak) } : null,
        `the heap above its garbage-collected level before the export, read at every piece${failed}`,
      ),
    ];
    // Memory is held to its target at every run, not only the median.
    return [made[0]!, { ...made[1]!, pass: Math.max(...peakMB) <= peakTargetMB }];
  } finally {
    await page.evaluate(() => palimpsestBench.dropLibrary()).catch(() => {});
    await devtools.detach().catch(() => {});
  }
}
