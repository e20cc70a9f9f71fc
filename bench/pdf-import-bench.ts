import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { loadCorpus } from '../shared/test-support/corpus';
import { PalimpsestDb } from '../renderer/store/db';
import { currentDocuments } from '../renderer/store/documents';
import { mainThreadPorts, startImports } from '../renderer/work/import-client';
import { type Result, quantile, result } from './measure';
import { searchCorpus } from './search-benches';

/// Issue 19's PDF row: N PDFs of 10 pages each (1,000, or 50 with
/// `--quick`), typeset with pdf-lib from the search benchmark's seed text,
/// imported through the documents worker's handler as the app calls it
/// (`startImports`, in batches of 50, into a fresh library each run), beside
/// Debian's `pdftotext` (poppler-utils) over the same files in the same run.
/// Measured in Node on fake-indexeddb: the worker's work only, not the
/// page's tasks while it runs.

const pages = 10;
const linesPerPage = 46;

// A seed's text set in lines of Times Roman 11 pt, 450 pt wide. The
// standard fonts' encoding (WinAnsi) has no "ř": letters are kept without
// their marks, anything else outside ASCII dropped.
function linesOf(text: string, font: PDFFont): string[] {
  const words = text
    .normalize('NFD')
    .replace(/[^\x20-\x7e\n]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, 11) > 450) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

// One PDF of `pages` A4 pages, ~4,000 characters a page, from `lines`
// starting at `from` (going round to the start).
async function pdfOf(lines: readonly string[], from: number): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.TimesRoman);
  let at = from;
  for (let p = 0; p < pages; p++) {
    const page = document.addPage([595, 842]);
    for (let l = 0; l < linesPerPage; l++) page.drawText(lines[at++ % lines.length]!, { x: 72, y: 770 - l * 14.3, size: 11, font });
    page.drawText(`- ${p + 1} -`, { x: 285, y: 50, size: 9, font });
  }
  return document.save();
}

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
    // Ten seed documents' text, each PDF a different cut of one of them.
    const measure = await (await PDFDocument.create()).embedFont(StandardFonts.TimesRoman);
    const seeds = searchCorpus(10, 50_000, 31).map((seed) => linesOf(seed.text, measure));
    const files: { name: string; path: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < count; i++) {
      const lines = seeds[i % seeds.length]!;
      const bytes = await pdfOf(lines, (Math.floor(i / seeds.length) * 37) % lines.length);
      const name = `memo-${String(i).padStart(4, '0')}.pdf`;
      const path = join(dir, name);
      writeFileSync(path, bytes);
      files.push({ name, path, bytes });
    }
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
