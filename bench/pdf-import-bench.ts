import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../shared/test-support/corpus';
import { PalimpsestDb } from '../renderer/store/db';
import { currentDocuments } from '../renderer/store/documents';
import { mainThreadPorts, startImports } from '../renderer/work/import-client';
import { type Result, quantile, result } from './measure';
import { pages, typesetPdfs } from './pdf-fixtures';

/// Issue 19's PDF row: N PDFs of 10 pages each (1,000, or 50 with
/// `--quick`), typeset with pdf-lib from the search benchmark's seed text,
/// imported through the documents worker's handler as the app calls it
/// (`startImports`, in batches of 50, into a fresh library each run), beside
/// Debian's `pdftotext` (poppler-utils) over the same files in the same run.
/// Measured in Node on fake-indexeddb: the worker's work only, not the
/// page's tasks while it runs.

/// The PDF import row, or none (said in the log) without `pdftotext`.
export async function pdfImportBenches(options: { quick: boolean; runs: number; log: (line: string) => void }): Promise<Result[]> {
  const { quick, runs, log } = options;
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    log('pdf import: skipped, pdftotext (poppler-utils) is not installed');
    return [];
  }
  const count = quick ? 50 : 1_000;
  const dir = mkdtempSync(join(tmpdir(), 'palimpsest-pdfs-'));
  try {
    const started = performance.now();
    const files = await typesetPdfs(count, dir);
    log(`pdf import: typeset ${count} PDFs of ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const pdftotext = (some = files): number => {
      const start = performance.now();
      for (const file of some) execFileSync('pdftotext', ['-q', file.path, '-'], { maxBuffer: 64 * 2 ** 20 });
      return performance.now() - start;
    };
    const bundled = loadCorpus();
    let n = 0;
    const app = async (some = files): Promise<number> => {
      const db = new PalimpsestDb(`pdf-import-${Date.now()}-${++n}`);
      const imports = startImports(() => ({ db, documents: async () => currentDocuments(db, bundled) }), mainThreadPorts);
      const start = performance.now();
      for (let i = 0; i < some.length; i += 50) {
        // Each batch's bytes copied, as a drop hands the worker its own.
        const batch = some.slice(i, i + 50).map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer as ArrayBuffer }));
        const results = await imports.documents.import(batch);
        const refused = results.find((r) => !r.ok);
        if (refused) throw new Error(`A benchmark PDF was refused: ${JSON.stringify(refused)}`);
      }
      const took = performance.now() - start;
      db.close();
      await db.delete();
      return took;
    };
    // Ten files of each to warm up, then alternated so that load on the
    // machine falls on both alike.
    pdftotext(files.slice(0, 10));
    await app(files.slice(0, 10));
    const peer: number[] = [];
    const ours: number[] = [];
    for (let run = 0; run < runs; run++) {
      peer.push(pdftotext());
      ours.push(await app());
    }
    const peerMedian = quantile(peer, 0.5);
    return [
      result(
        `pdf import: ${count.toLocaleString('en')} PDFs of ${pages} pages`,
        'ms',
        ours,
        Math.round(3 * peerMedian),
        { name: 'pdftotext (poppler-utils), same files', median: peerMedian },
        "Node, fake-indexeddb: the documents worker's handler (extract, store) only, not the page's tasks; target 3 × pdftotext",
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
