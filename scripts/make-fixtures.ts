// Writes the files the importers' tests read (shared/importers/fixtures/):
// PDFs, a Word document, an HTML page and legacy-encoded text files built
// from the seed corpus, and the broken files an import must refuse.
// Deterministic: fixed dates, a seeded generator, no clock; running
// `npx tsx scripts/make-fixtures.ts` again writes the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { encodeLegacy } from '../shared/importers/test-support/encode.ts';
import { czechMemoParagraphs, czechText, fixturesDir, foBriefParagraphs, russianText } from '../shared/importers/test-support/sources.ts';
import { seededRandom } from '../shared/random.ts';

const out = fixturesDir;

// DejaVu Serif has the Czech letters Times-Roman (WinAnsi) lacks. Debian's
// fonts-dejavu-core package puts it here.
const dejaVuSerif = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

// Every date a fixture carries: nothing depends on when the script runs.
const scanned = new Date(Date.UTC(2019, 4, 14, 10, 30, 0));
const memoDate = new Date(Date.UTC(1962, 3, 2, 9, 0, 0));
const zipTime = new Date(Date.UTC(2019, 4, 14, 10, 30, 0));

function write(name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(out, name), bytes);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  console.log(`${name.padEnd(28)} ${String(size).padStart(7)} bytes`);
}

// ---------------------------------------------------------------- images

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/// A grey PNG that looks like a scanned typescript page: rows of dark
/// dashes ("words") on paper, from a seeded generator.
function scanPng(width: number, height: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    const inLine = y % 8 >= 2 && y % 8 <= 4 && y > 8 && y < height - 8;
    let ink = false;
    for (let x = 0; x < width; x++) {
      if (x % 6 === 0) ink = inLine && x > 6 && x < width - 6 && random() > 0.25;
      raw[y * (width + 1) + 1 + x] = ink ? 60 : 235;
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...Buffer.from(type, 'latin1'), ...data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return [...length, ...body, ...crc];
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', header),
    ...chunk('IDAT', deflateSync(raw, { level: 9 })),
    ...chunk('IEND', new Uint8Array()),
  ]);
}

// ---------------------------------------------------------------- PDFs

interface Typeset {
  text: string;
  font: PDFFont;
  size: number;
  /// Space before the paragraph, beyond the leading.
  before: number;
  /// Indent of the first line, and of the whole paragraph.
  firstIndent: number;
  indent: number;
  /// A footnote reference after this word: [word, note number].
  note?: [string, string];
}

interface PageFurniture {
  header?: string;
  footer?: (page: number) => string;
  font: PDFFont;
}

/// Sets paragraphs on A4 pages: greedy line filling, long words broken with
/// a hyphen when the line is full (at the hyphen of a compound, else
/// anywhere that leaves three letters each side), a header and footer on
/// each page, and footnotes in smaller type at the foot of their page.
async function typeset(
  document: PDFDocument,
  paragraphs: Typeset[],
  furniture: PageFurniture,
  notes: Map<string, { text: string; font: PDFFont }> = new Map(),
): Promise<void> {
  const left = 72;
  const right = 595 - 72;
  const top = 842 - 90;
  const bottom = 100;
  let page: PDFPage | null = null;
  let y = 0;
  let pageNumber = 0;
  let pendingNotes: [string, string][] = [];

  const finishPage = () => {
    if (!page) return;
    let noteY = bottom - 10;
    for (const [number, text] of [...pendingNotes].reverse()) {
      const note = notes.get(number)!;
      page.drawText(number, { x: left, y: noteY + 3, size: 5.5, font: note.font });
      page.drawText(text, { x: left + 6, y: noteY, size: 8, font: note.font });
      noteY += 11;
    }
    if (pendingNotes.length > 0) page.drawLine({ start: { x: left, y: noteY + 2 }, end: { x: left + 120, y: noteY + 2 }, thickness: 0.5, color: rgb(0, 0, 0) });
    pendingNotes = [];
    if (furniture.header) {
      const width = furniture.font.widthOfTextAtSize(furniture.header, 9);
      page.drawText(furniture.header, { x: (595 - width) / 2, y: 842 - 50, size: 9, font: furniture.font });
    }
    if (furniture.footer) {
      const footer = furniture.footer(pageNumber);
      const width = furniture.font.widthOfTextAtSize(footer, 9);
      page.drawText(footer, { x: (595 - width) / 2, y: 50, size: 9, font: furniture.font });
    }
  };
  const newPage = () => {
    finishPage();
    page = document.addPage([595, 842]);
    pageNumber += 1;
    y = top;
  };
  newPage();

  for (const paragraph of paragraphs) {
    const leading = paragraph.size * 1.3;
    const lines = breakLines(paragraph, right - left);
    y -= paragraph.before;
    lines.forEach((line, i) => {
      if (y - leading < bottom + 12 * pendingNotes.length) newPage();
      y -= leading;
      const x = left + (i === 0 ? paragraph.firstIndent : paragraph.indent);
      if (paragraph.note && line.split(' ').includes(paragraph.note[0])) {
        // The line in three runs, as a typesetter sets a note reference:
        // the text up to the word, the raised number, the rest after it.
        const before = line.slice(0, line.indexOf(paragraph.note[0]) + paragraph.note[0].length);
        const noteX = x + paragraph.font.widthOfTextAtSize(before, paragraph.size) + 0.5;
        const noteWidth = paragraph.font.widthOfTextAtSize(paragraph.note[1], 6.5);
        page!.drawText(before, { x, y, size: paragraph.size, font: paragraph.font });
        page!.drawText(paragraph.note[1], { x: noteX, y: y + 4, size: 6.5, font: paragraph.font });
        page!.drawText(line.slice(before.length), { x: noteX + noteWidth, y, size: paragraph.size, font: paragraph.font });
        pendingNotes.push([paragraph.note[1], notes.get(paragraph.note[1])!.text]);
      } else {
        page!.drawText(line, { x, y, size: paragraph.size, font: paragraph.font });
      }
    });
  }
  finishPage();
}

function breakLines(paragraph: Typeset, width: number): string[] {
  const lines: string[] = [];
  const fits = (text: string, first: boolean) =>
    paragraph.font.widthOfTextAtSize(text, paragraph.size) <= width - (first ? paragraph.firstIndent : paragraph.indent);
  let line = '';
  for (const word of paragraph.text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate, lines.length === 0)) {
      line = candidate;
      continue;
    }
    // The word does not fit: break it if it can be, else move it down.
    const hyphen = word.indexOf('-');
    let head = '';
    if (hyphen > 0 && fits(`${line} ${word.slice(0, hyphen + 1)}`, lines.length === 0)) head = word.slice(0, hyphen + 1);
    else if (/^\p{L}{8,}[.,;:]?$/u.test(word)) {
      for (let cut = word.replace(/[.,;:]$/, '').length - 3; cut >= 3; cut--) {
        if (fits(`${line} ${word.slice(0, cut)}-`, lines.length === 0)) {
          head = `${word.slice(0, cut)}-`;
          break;
        }
      }
    }
    if (head) {
      lines.push(`${line} ${head}`.trim());
      line = word.slice(head.endsWith('-') && !word.startsWith(head) ? head.length - 1 : head.length);
    } else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/// The pdf-lib document with its info dictionary set by hand (no clock).
async function pdfDocument(info: { title: string; author: string; created: Date; subject?: string }): Promise<PDFDocument> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(info.title);
  document.setAuthor(info.author);
  if (info.subject) document.setSubject(info.subject);
  document.setCreator('Palimpsest fixtures');
  document.setProducer('pdf-lib');
  document.setCreationDate(info.created);
  document.setModificationDate(info.created);
  return document;
}

/// The British brief over several pages: running header "SECRET", page
/// numbers at the foot, paragraphs separated by space, sub-paragraphs
/// indented, words broken across lines.
async function foBriefPdf(): Promise<Uint8Array> {
  const document = await pdfDocument({
    title: 'Sino-Soviet Relations and Albania: East-West Relations Generally (Brief No. 5)',
    author: 'Foreign Office; Northern Department',
    created: scanned,
    subject: 'Brief for the visit of the Italian Prime Minister, January 1962',
  });
  const roman = await document.embedFont(StandardFonts.TimesRoman);
  const bold = await document.embedFont(StandardFonts.TimesRomanBold);
  const body = (text: string): Typeset => {
    const sub = /^\((?:[a-e]|i{1,3})\) /.test(text);
    const section = /^[A-C]\. /.test(text);
    if (section) return { text, font: bold, size: 12.5, before: 10, firstIndent: 0, indent: 0 };
    return { text, font: roman, size: 11, before: 7, firstIndent: sub ? 24 : 0, indent: sub ? 24 : 0 };
  };
  const paragraphs: Typeset[] = [
    {
      text: 'Visit of the Italian Prime Minister and Foreign Secretary to the U.K. in Jan. 1962. Brief No. 5.',
      font: bold,
      size: 15,
      before: 0,
      firstIndent: 0,
      indent: 0,
    },
    { text: 'January 19, 1962', font: roman, size: 11, before: 8, firstIndent: 0, indent: 0 },
    ...foBriefParagraphs().map(body),
  ];
  await typeset(document, paragraphs, { header: 'SECRET', footer: (n) => `- ${n} -`, font: roman });
  return document.save({ useObjectStreams: false });
}

/// The Czechoslovak memorandum in DejaVu Serif (for "Dvořák"): paragraphs
/// marked by a first-line indent only, a footnote, a running header and
/// the archive's folio numbers (17, 18) printed at the foot.
async function czechMemoPdf(): Promise<Uint8Array> {
  if (!existsSync(dejaVuSerif)) throw new Error(`${dejaVuSerif} is missing: install Debian's fonts-dejavu-core to build this fixture.`);
  const document = await pdfDocument({
    title: 'Memorandum of Luncheon Given by Richard Dvořák for Comrade Ri Song-un',
    author: 'Richard Dvořák',
    created: memoDate,
  });
  document.registerFontkit(fontkit);
  const serif = await document.embedFont(readFileSync(dejaVuSerif), { subset: true, customName: 'DejaVuSerif' });
  const paragraphs = czechMemoParagraphs();
  const notes = new Map([['1', { text: 'Ri Song-un was the ambassador of the DPRK in Moscow from 1960.', font: serif }]]);
  await typeset(
    document,
    [
      { text: 'Memorandum of Luncheon Given by Richard Dvořák', font: serif, size: 14, before: 0, firstIndent: 0, indent: 0 },
      ...paragraphs.map(
        (text, i): Typeset => ({
          text,
          font: serif,
          size: 10.5,
          before: i === 0 ? 10 : 0,
          firstIndent: 18,
          indent: 0,
          ...(i === 0 ? { note: ['reasons.', '1'] as [string, string] } : {}),
        }),
      ),
    ],
    { header: 'Archiv ÚV KSČ, fond Novotný', footer: (n) => String(16 + n), font: serif },
    notes,
  );
  return document.save({ useObjectStreams: false });
}

/// A scan: one page holding only an image (and a frame), no text at all.
async function scanPdf(): Promise<Uint8Array> {
  const document = await pdfDocument({ title: 'Scan', author: 'Administrator', created: scanned });
  const image = await document.embedPng(scanPng(96, 128, 7));
  const page = document.addPage([595, 842]);
  page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderColor: rgb(0.5, 0.5, 0.5), borderWidth: 1 });
  page.drawImage(image, { x: 60, y: 60, width: 475, height: 722 });
  return document.save({ useObjectStreams: false });
}

/// A PDF whose first page has text and whose second is a scanned image.
async function partlyScannedPdf(): Promise<Uint8Array> {
  const document = await pdfDocument({ title: 'Microsoft Word - annex.doc', author: 'Windows User', created: scanned });
  const roman = await document.embedFont(StandardFonts.TimesRoman);
  const first = document.addPage([595, 842]);
  first.drawText('Annex: the Albanian gold.', { x: 72, y: 760, size: 12, font: roman });
  first.drawText('A note on the question of the Albanian gold is attached overleaf.', { x: 72, y: 740, size: 11, font: roman });
  const image = await document.embedPng(scanPng(96, 128, 11));
  document.addPage([595, 842]).drawImage(image, { x: 60, y: 60, width: 475, height: 722 });
  return document.save({ useObjectStreams: false });
}

// The standard security handler's padding (PDF 1.7, 7.6.3.3).
const passwordPadding = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const result = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    result[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return result;
}

const md5 = (...parts: Uint8Array[]) => new Uint8Array(createHash('md5').update(Buffer.concat(parts)).digest());

/// A one-page PDF encrypted with a user password ("tirana"), written by
/// hand because pdf-lib cannot encrypt: RC4 40-bit, the standard security
/// handler's revision 2, as old archive systems wrote them.
function encryptedPdf(): Uint8Array {
  const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), passwordPadding]).subarray(0, 32);
  const id = md5(Buffer.from('palimpsest encrypted fixture'));
  const owner = rc4(md5(pad('owner-secret')).subarray(0, 5), pad('tirana'));
  const permissions = -44;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(pad('tirana'), owner, p, id).subarray(0, 5);
  const user = rc4(key, passwordPadding);
  const objectKey = (number: number) => md5(key, Buffer.from([number & 0xff, (number >> 8) & 0xff, (number >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(5), Buffer.from('BT /F1 12 Tf 72 760 Td (Confidential: the Albanian gold.) Tj ET', 'latin1'));
  const hex = (bytes: Uint8Array) => `<${Buffer.from(bytes).toString('hex').toUpperCase()}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>',
    null, // the content stream, binary
    `<< /Filter /Standard /V 1 /R 2 /O ${hex(owner)} /U ${hex(user)} /P ${permissions} >>`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const chunk =
      object === null
        ? Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n`, 'latin1'),
            content,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [${hex(id)} ${hex(id)}] >>\nstartxref\n${length}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

// ---------------------------------------------------------------- Word

/// Re-zips a .docx with fixed file times, and fixed core-property dates:
/// the docx package stamps both with the clock.
function steadyZip(bytes: Uint8Array, core: string): Uint8Array {
  const files = unzipSync(bytes);
  files['docProps/core.xml'] = strToU8(core);
  const sorted = Object.fromEntries(Object.keys(files).map((name) => [name, [files[name]!, { mtime: zipTime }] as const]));
  return zipSync(sorted as Parameters<typeof zipSync>[0], { level: 9, mtime: zipTime });
}

/// The Czechoslovak memorandum as a Word document: a title property,
/// headings, italics, a bulleted list with a nested item, a footnote, an
/// image.
async function memoDocx(): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Richard Dvořák',
    title: 'Memorandum of Luncheon for Comrade Ri Song-un',
    footnotes: { 1: { children: [new Paragraph('Ri Song-un [Ri Song Un] was the ambassador of the DPRK in Moscow.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Memorandum of Luncheon Given by Richard Dvořák', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('Moscow, 2 April 1962')] }),
          new Paragraph({ text: 'The conversation', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('On 30 March, I invited Ambassador of the DPRK Comrade Ri Song-un'),
              new FootnoteReferenceRun(1),
              new TextRun(' for luncheon for several reasons. In the course of our '),
              new TextRun({ text: 'four-hour conversation', italics: true }),
              new TextRun(' he stated the following:'),
            ],
          }),
          new Paragraph({ text: 'Korea has not been following the Chinese model in several issues.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Diplomatic relations with Albania had been severed.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Albania may go over to the other side.', bullet: { level: 1 } }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: scanPng(24, 32, 3), transformation: { width: 48, height: 64 } })] }),
          new Paragraph({ text: 'Conclusion', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('The reason for his having spoken at such length today is his serious concern about the further fate of Albania.'),
        ],
      },
    ],
  });
  const packed = new Uint8Array(await Packer.toBuffer(document));
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Memorandum of Luncheon for Comrade Ri Song-un</dc:title><dc:creator>Richard Dvořák</dc:creator><cp:lastModifiedBy>Administrator</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">1962-04-02T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2019-05-14T10:30:00Z</dcterms:modified></cp:coreProperties>`;
  return steadyZip(packed, core);
}

// ---------------------------------------------------------------- HTML

/// The British brief as a digital archive's web page, saved in
/// Windows-1252 as its meta tag says, with everything a page carries that
/// is not the document: script, style, handlers, a form, a frame, comments.
function foBriefHtml(): Uint8Array {
  const paragraphs = foBriefParagraphs();
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const bodyParts: string[] = [];
  let inList = false;
  for (const text of paragraphs) {
    const item = /^\(([a-e]|i{1,3})\) (.*)$/.exec(text);
    if (item && !inList) {
      bodyParts.push(/^i/.test(item[1]!) ? '<ol type="i">' : '<ol type="a">');
      inList = true;
    }
    if (!item && inList) {
      bodyParts.push('</ol>');
      inList = false;
    }
    if (item) bodyParts.push(`  <li>${escapeXml(item[2]!)}</li>`);
    else if (/^[A-C]\. /.test(text)) bodyParts.push(`<h2>${escapeXml(text)}</h2>`);
    else bodyParts.push(`<p>${escapeXml(text)}</p>`);
  }
  if (inList) bodyParts.push('</ol>');
  const body = bodyParts
    .join('\n')
    .replace(
      'The "acupuncture" has in fact failed to work.',
      'The <em>"acupuncture"</em> has in fact failed to work.<sup><a href="#note-1" id="ref-1">1</a></sup>',
    )
    .replace('the scale is minuscule', 'the scale is <strong>minuscule</strong>');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Sino-Soviet Relations and Albania – Wilson Center Digital Archive</title>
<meta name="author" content="Foreign Office">
<meta name="date" content="1962-01-19">
<meta name="description" content="Written for the visit of Italian Prime Minister Amintore Fanfani (January 1962), this brief describes the Sino-Soviet split as well as Albania’s international relations.">
<link rel="canonical" href="https://digitalarchive.wilsoncenter.org/document/230125">
<style>body { font-family: "STYLE-MUST-NOT-APPEAR"; } .secret::before { content: "STYLE-CONTENT-MUST-NOT-APPEAR"; }</style>
<script>var tracking = "SCRIPT-MUST-NOT-APPEAR"; document.write("<p>SCRIPT-WRITE-MUST-NOT-APPEAR</p>");</script>
</head>
<body onload="track('BODY-ONLOAD-MUST-NOT-APPEAR')">
<!-- COMMENT-MUST-NOT-APPEAR -->
<nav><a href="/">Home</a> › <a href="/search">Search</a></nav>
<form action="/search"><input name="q" value="FORM-VALUE-MUST-NOT-APPEAR"><button>FORM-BUTTON-MUST-NOT-APPEAR</button></form>
<iframe src="https://example.org/ad">IFRAME-MUST-NOT-APPEAR</iframe>
<h1 onclick="alert('ONCLICK-MUST-NOT-APPEAR')">Sino-Soviet Relations and Albania: East-West Relations Generally</h1>
<p class="secret">SECRET – Brief No. 5, January 19, 1962</p>
<img src="scan-page-1.jpg" alt="Original scan, page 1">
${body}
<blockquote><p>“Having no missions in Tirana we rely heavily on such reports.”</p></blockquote>
<hr>
<div class="footnotes"><p id="note-1"><a href="#ref-1">1</a> Khrushchev’s word at the Congress, as reported by the Embassy in Moscow.</p></div>
<script src="analytics.js"></script>
</body>
</html>
`;
  return encodeLegacy(html, 'windows-1252');
}

// ---------------------------------------------------------------- main

mkdirSync(out, { recursive: true });
write('fo-brief-1962.pdf', await foBriefPdf());
write('czech-memo-1962.pdf', await czechMemoPdf());
write('scan.pdf', await scanPdf());
write('partly-scanned.pdf', await partlyScannedPdf());
write('encrypted.pdf', encryptedPdf());
write('memo-1962.docx', await memoDocx());
write('fo-brief-1962.html', foBriefHtml());
write('khrushchev-windows-1251.txt', encodeLegacy(russianText, 'windows-1251'));
write('khrushchev-koi8-r.txt', encodeLegacy(russianText, 'koi8-r'));
write('dvorak-windows-1250.txt', encodeLegacy(czechText, 'windows-1250'));
write('empty.txt', new Uint8Array());
const random = seededRandom(1962);
write(
  'binary.txt',
  Uint8Array.from({ length: 2048 }, () => Math.floor(random() * 256)),
);
write(
  'corrupt.docx',
  Uint8Array.from({ length: 1024 }, () => Math.floor(random() * 256)),
);
write(
  'no-document.docx',
  zipSync(
    {
      '[Content_Types].xml': [
        strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        { mtime: zipTime },
      ],
    },
    { mtime: zipTime },
  ),
);
