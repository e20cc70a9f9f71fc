import { mkdirSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Result } from './measure';
import { chromiumBenches } from './chromium-benches';
import { nodeBenches } from './node-benches';
import { searchBenches } from './search-benches';
import { syncBenches } from './sync-bench';

/// `npm run bench`: measures the real code at the sizes historians meet,
/// beside a peer measured in the same run: shared/ in Node, the reader in
/// Chromium on the built renderer, full-text search in Node on the engine the
/// search worker runs; team sync against a real server process (3 clients ×
/// 1,000 annotations); and the scale of a whole archive (scale-benches.ts:
/// 5,000 documents, or 1,000 with `--quick`, beside 50), its "All
/// annotations" table and its import of 1,000 PDFs beside `pdftotext`
/// (table-bench.ts, pdf-import-bench.ts). `--quick` runs the
/// reduced set (no 5 MB document; one sync run of 3 × 300); `--scale` runs
/// the scale benchmark alone (its rows only, for work on them);
/// `--scale-library` the scale benchmark's library rows alone (not the
/// table's nor the PDFs'); `--json` prints only the JSON object. The full
/// scale benchmark holds several GB: run it with
/// `NODE_OPTIONS=--max-old-space-size=12288` (see docs/performance.md).
const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const quick = args.has('--quick');
const libraryOnly = args.has('--scale-library');
const scaleOnly = args.has('--scale') || libraryOnly;
const log = (line: string) => {
  if (!json) console.log(line);
};

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: process.platform,
};
// The browser is measured first, while this process is small: the Node
// benchmarks leave it holding a gigabyte of test data, and on two cores its
// garbage collection competes with the page being measured.
const results: Result[] = [];
if (!scaleOnly) {
  const browser = await chromiumBenches({ runs: 5, full: !quick, log });
  results.push(
    ...(await nodeBenches({ runs: quick ? 5 : 7, log })),
    ...(await searchBenches({ runs: quick ? 5 : 7, log })),
    ...(await syncBenches(quick ? { runs: 1, perClient: 300, log } : { runs: 3, log })),
    ...browser,
  );
}
// The scale benchmark loads the app's store in Node, whose bundled corpus
// Vite would inline: a module hook reads it instead (see vite-glob.mjs).
register('./vite-glob.mjs', import.meta.url);
const { scaleBenches } = await import('./scale-benches');
results.push(...(await scaleBenches({ quick, runs: quick ? 3 : 5, log })));
// Issue 19's two rows beside their peers: the "All annotations" table over
// 1,000,000 annotations (100,000 with --quick) and the import of 1,000 PDFs
// (50) beside pdftotext; each kept to ~20 s in the quick run.
if (!libraryOnly) {
  const { tableBenches } = await import('./table-bench');
  const { pdfImportBenches } = await import('./pdf-import-bench');
  results.push(...(await tableBenches({ quick, runs: quick ? 3 : 5, log })));
  results.push(...(await pdfImportBenches({ quick, runs: quick ? 2 : 3, log })));
}
const report = { machine, date: new Date().toISOString(), results };

if (json) {
  console.log(JSON.stringify(report));
} else {
  console.log('');
  console.log('| what | median | p95 | runs | target | peer | ratio | pass |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.median} ${r.unit} | ${r.p95} ${r.unit} | ${r.runs} | ≤ ${r.target} ${r.unit} | ${r.peer ? `${r.peer.name}: ${r.peer.median} ${r.unit}` : '—'} | ${r.ratio ?? '—'} | ${r.pass ? 'yes' : 'NO'} |`,
    );
  }
  if (!quick && !scaleOnly) {
    const dir = join(import.meta.dirname, '..', 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `bench-${report.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWritten to ${file}`);
  }
}
