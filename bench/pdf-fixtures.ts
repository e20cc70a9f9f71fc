import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { searchCorpus } from './search-benches';

/// The PDFs the import benchmarks read: typeset with pdf-lib from the
/// search benchmark's seed text, ten pages each.

/// Pages in each PDF.
export const pages = 10;
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

/// `count` PDFs of 10 pages each, written into `dir`: ten seed
/// documents' text, each PDF a different cut of one of them.
export async function typesetPdfs(count: number, dir: string): Promise<{ name: string; path: string; bytes: Uint8Array }[]> {
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
  return files;
}
