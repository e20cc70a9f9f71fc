import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../corpus/metadata';
import { blockText } from '../document/model';
import { DocText } from '../document/text';
import { ImportFileError } from './errors';
import { mergeFileMeta } from './file-meta';
import { type ImportedFile, checkImportable, importFile } from './import-file';
import { maxImportBytes } from './limits';
import { czechMemoParagraphs, czechText, fixture, foBriefParagraphs, russianText } from './test-support/sources';

const importFixture = (name: string, options = {}) => importFile(name, fixture(name), options);
const textOf = (imported: ImportedFile) => new DocText(imported.blocks).text;

async function failure(run: () => Promise<unknown>): Promise<ImportFileError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('Expected an ImportFileError, but the import succeeded.');
}

describe('text files in legacy encodings', () => {
  const paragraphs = (text: string) => text.split('\r\n\r\n');

  it('Russian in Windows-1251 and in KOI8-R both come back as written, each encoding named', async () => {
    for (const [name, encoding] of [
      ['khrushchev-windows-1251.txt', 'windows-1251'],
      ['khrushchev-koi8-r.txt', 'koi8-r'],
    ] as const) {
      const imported = await importFixture(name);
      expect(imported.blocks.map(blockText), name).toEqual(paragraphs(russianText));
      expect(imported.encoding).toEqual({ name: encoding, detected: true });
      expect(imported).toMatchObject({ format: 'plain', pages: [], fileMeta: {}, warnings: [] });
    }
  });

  it('Czech in Windows-1250, with Dvořák and Široký intact', async () => {
    const imported = await importFixture('dvorak-windows-1250.txt');
    expect(imported.blocks.map(blockText)).toEqual(paragraphs(czechText));
    expect(textOf(imported)).toContain('Velvyslanec Richard Dvořák pozval 30. března 1962');
    expect(textOf(imported)).toContain('předseda vlády Viliam Široký');
    expect(imported.encoding).toEqual({ name: 'windows-1250', detected: true });
  });

  it('an encoding the person chooses is used as chosen', async () => {
    const imported = await importFixture('khrushchev-koi8-r.txt', { encoding: 'koi8-r' });
    expect(imported.encoding).toEqual({ name: 'koi8-r', detected: false });
    expect(blockText(imported.blocks[0]!)).toBe('Хрущёв и Албания');
  });

  it('Markdown goes through the same parser as the corpus', async () => {
    const bytes = new TextEncoder().encode('\ufeff# Report on the Stance of the DPRK\n\nTirana, *16 January 1967*<sup>1</sup>');
    const imported = await importFile('report.md', bytes);
    expect(imported.format).toBe('markdown');
    expect(imported.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(imported.blocks[1]!.spans).toEqual([
      { text: 'Tirana, ', marks: [] },
      { text: '16 January 1967', marks: ['em'] },
      { text: '1', marks: ['sup'] },
    ]);
  });
});

describe('an HTML page', () => {
  it('reads the page in its declared Windows-1252, headings, lists, quotation and footnote kept', async () => {
    const imported = await importFixture('fo-brief-1962.html');
    const text = textOf(imported);
    expect(imported.encoding).toEqual({ name: 'windows-1252', detected: true });
    expect(imported.blocks.find((block) => block.kind === 'heading' && block.level === 1)!.spans[0]!.text).toBe(
      'Sino-Soviet Relations and Albania: East-West Relations Generally',
    );
    expect(text).toContain('SECRET – Brief No. 5, January 19, 1962');
    expect(text).toContain('payment of the £843,947 awarded to the United Kingdom');
    const item = imported.blocks.find((block) => blockText(block).startsWith('To take any initiative'))!;
    expect(item).toMatchObject({ kind: 'list_item', marker: 'b.' });
    expect(imported.blocks.find((block) => block.quoted)).toBeDefined();
    expect(imported.blocks.filter((block) => block.kind === 'footnote').map(blockText)).toEqual([
      '¹ Khrushchev’s word at the Congress, as reported by the Embassy in Moscow.',
    ]);
    expect(imported.warnings).toEqual(['1 image was skipped: only text is imported.']);
  });

  it('carries every paragraph of the brief', async () => {
    const text = textOf(await importFixture('fo-brief-1962.html'));
    for (const paragraph of foBriefParagraphs()) expect(text).toContain(paragraph.replace(/^\((?:[a-e]|i{1,3})\) /, ''));
  });

  it('never lets script, style, handler, form, frame or comment text through', async () => {
    const text = textOf(await importFixture('fo-brief-1962.html'));
    expect(text).not.toMatch(/MUST-NOT-APPEAR/);
    expect(text).not.toMatch(/tracking|font-family|alert/);
  });

  it('reads the page’s own metadata', async () => {
    const { fileMeta } = await importFixture('fo-brief-1962.html');
    expect(fileMeta).toMatchObject({
      // The <title> less the site's name after it.
      title: 'Sino-Soviet Relations and Albania',
      authors: ['Foreign Office'],
      date: { start: { year: 1962, month: 1, day: 19 } },
      url: 'https://digitalarchive.wilsoncenter.org/document/230125',
      originalLanguage: 'English',
    });
    expect(fileMeta.summary).toMatch(/^Written for the visit of Italian Prime Minister Amintore Fanfani/);
  });
});

describe('a Word document', () => {
  it('keeps headings, italics, the bulleted list and the footnote', async () => {
    const imported = await importFixture('memo-1962.docx');
    expect(imported.format).toBe('docx');
    expect(imported.encoding).toBeNull();
    expect(imported.blocks.map((block) => [block.kind, block.level, block.marker, block.depth, blockText(block)])).toEqual([
      ['heading', 1, '', 0, 'Memorandum of Luncheon Given by Richard Dvořák'],
      ['paragraph', 0, '', 0, 'Moscow, 2 April 1962'],
      ['heading', 2, '', 0, 'The conversation'],
      [
        'paragraph',
        0,
        '',
        0,
        'On 30 March, I invited Ambassador of the DPRK Comrade Ri Song-un¹ for luncheon for several reasons. In the course of our four-hour conversation he stated the following:',
      ],
      ['list_item', 0, '•', 0, 'Korea has not been following the Chinese model in several issues.'],
      ['list_item', 0, '•', 0, 'Diplomatic relations with Albania had been severed.'],
      ['list_item', 0, '•', 1, 'Albania may go over to the other side.'],
      ['heading', 2, '', 0, 'Conclusion'],
      ['paragraph', 0, '', 0, 'The reason for his having spoken at such length today is his serious concern about the further fate of Albania.'],
      ['footnote', 0, '', 0, '¹ Ri Song-un [Ri Song Un] was the ambassador of the DPRK in Moscow.'],
    ]);
    const conversation = imported.blocks[3]!.spans;
    expect(conversation).toContainEqual({ text: '1', marks: ['sup'] });
    expect(conversation).toContainEqual({ text: 'four-hour conversation', marks: ['em'] });
    expect(imported.warnings).toEqual(['1 image was skipped: only text is imported.']);
  });

  it('reads the core properties: title, author, and the creation date as a guess (when the file was made)', async () => {
    const { fileMeta } = await importFixture('memo-1962.docx');
    expect(fileMeta).toEqual({
      title: 'Memorandum of Luncheon for Comrade Ri Song-un',
      authors: ['Richard Dvořák'],
      date: { start: { year: 1962, month: 4, day: 2 }, guessed: true },
    });
  });
});

describe('a multi-page PDF', () => {
  it('rebuilds every paragraph of the brief exactly, broken words joined, headers and page numbers gone', async () => {
    const imported = await importFixture('fo-brief-1962.pdf');
    const text = textOf(imported);
    for (const paragraph of foBriefParagraphs()) expect(imported.blocks.map(blockText)).toContain(paragraph);
    // Broken at a line's end in the file ("Con-" / "gress"):
    expect(text).toContain('he was anxious in any event that the Congress should deliver a severe remonstrance');
    expect(text).not.toMatch(/SECRET|- \d -/);
  });

  it('marks headings by their type size', async () => {
    const imported = await importFixture('fo-brief-1962.pdf');
    expect(imported.blocks.filter((block) => block.kind === 'heading').map((block) => [block.level, blockText(block)])).toEqual([
      [1, 'Visit of the Italian Prime Minister and Foreign Secretary to the U.K. in Jan. 1962. Brief No. 5.'],
      [2, 'A. Sino-Soviet relations.'],
      [2, 'B. East-West Relations'],
      [2, 'C. Albania'],
    ]);
  });

  it('gives page starts that land on each page’s first words', async () => {
    const imported = await importFixture('fo-brief-1962.pdf');
    const text = textOf(imported);
    expect(imported.pages.map((page) => page.label)).toEqual(['1', '2', '3']);
    expect(imported.pages[0]!.offset).toBe(0);
    expect(text.slice(imported.pages[1]!.offset)).toMatch(/^7\. Conversely, a Western refusal to trade with China/);
    expect(text.slice(imported.pages[2]!.offset)).toMatch(/^13\. Notes\./);
  });

  it('reads the PDF’s Title, Author and CreationDate, and the text’s own date wins over the file’s', async () => {
    const imported = await importFixture('fo-brief-1962.pdf');
    expect(imported.fileMeta).toMatchObject({
      title: 'Sino-Soviet Relations and Albania: East-West Relations Generally (Brief No. 5)',
      authors: ['Foreign Office', 'Northern Department'],
      date: { start: { year: 2019, month: 5, day: 14 } },
    });
    const merged = mergeFileMeta(extractMetadata(imported.blocks), imported.fileMeta);
    expect(merged.title).toBe('Sino-Soviet Relations and Albania: East-West Relations Generally (Brief No. 5)');
    // The text dates itself to January 1962; the file was made in 2019.
    expect(merged.date).toMatchObject({ start: { year: 1962, month: 1 } });
  });
});

describe('a PDF with an embedded font, footnote and printed folio numbers', () => {
  it('keeps the Czech letters and the memorandum’s paragraphs, one across the page break', async () => {
    const imported = await importFixture('czech-memo-1962.pdf');
    const blocks = imported.blocks.map(blockText);
    expect(blocks[0]).toBe('Memorandum of Luncheon Given by Richard Dvořák');
    const paragraphs = czechMemoParagraphs();
    // The first paragraph carries the note reference after "reasons.".
    expect(blocks).toContain(paragraphs[0]!.replace('several reasons.', 'several reasons.¹'));
    for (const paragraph of paragraphs.slice(1)) expect(blocks).toContain(paragraph);
    expect(textOf(imported)).not.toContain('Archiv ÚV KSČ');
  });

  it('keeps the note reference as a superscript and the note as a footnote after the paragraph it interrupts', async () => {
    const imported = await importFixture('czech-memo-1962.pdf');
    expect(imported.blocks[1]!.spans).toContainEqual({ text: '1', marks: ['sup'] });
    const notes = imported.blocks.filter((block) => block.kind === 'footnote');
    expect(notes.map(blockText)).toEqual(['¹ Ri Song-un was the ambassador of the DPRK in Moscow from 1960.']);
    const noteAt = imported.blocks.indexOf(notes[0]!);
    expect(blockText(imported.blocks[noteAt - 1]!)).toMatch(/This must be prevented\. The same goes for China\./);
  });

  it('labels pages with their printed folio numbers, the second starting mid-paragraph', async () => {
    const imported = await importFixture('czech-memo-1962.pdf');
    const text = textOf(imported);
    expect(imported.pages.map((page) => page.label)).toEqual(['17', '18']);
    expect(text.slice(imported.pages[1]!.offset)).toMatch(/^same goes for China\./);
    expect(text.slice(imported.pages[1]!.offset - 'prevented. The '.length, imported.pages[1]!.offset)).toBe('prevented. The ');
    expect(imported.fileMeta).toMatchObject({ authors: ['Richard Dvořák'], date: { start: { year: 1962, month: 4, day: 2 } } });
  });

  it('warns when some pages have no text layer, naming them', async () => {
    const imported = await importFixture('partly-scanned.pdf');
    expect(imported.blocks.map(blockText)).toEqual(['Annex: the Albanian gold.', 'A note on the question of the Albanian gold is attached overleaf.']);
    expect(imported.warnings).toEqual(['Page 2 has no text layer (scanned images only), so its text is missing. Run OCR on the PDF to include it.']);
    expect(imported.pages).toEqual([
      { offset: 0, label: '1' },
      { offset: textOf(imported).length, label: '2' },
    ]);
    // "Microsoft Word - annex.doc" and "Windows User" are not metadata.
    expect(imported.fileMeta.title).toBeUndefined();
    expect(imported.fileMeta.authors).toBeUndefined();
  });

  it('takes its title from its first line, less the line’s full stop', async () => {
    const imported = await importFixture('partly-scanned.pdf');
    expect(mergeFileMeta(extractMetadata(imported.blocks), imported.fileMeta).title).toBe('Annex: the Albanian gold');
  });
});

describe('files that cannot be imported', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.txt', 'empty', /^empty\.txt is empty: the file has no content at all\.$/],
    ['binary.txt', 'binary', /^binary\.txt is not a text file: it holds binary data, not text\./],
    ['encrypted.pdf', 'encrypted', /^encrypted\.pdf is protected with a password\./],
    ['scan.pdf', 'no-text', /^scan\.pdf has no text layer: it is an image-only PDF, such as a scan\. Run OCR on it first, then import the result\.$/],
    ['corrupt.docx', 'corrupt', /^corrupt\.docx is damaged or is not a Word document/],
    ['no-document.docx', 'corrupt', /^no-document\.docx is not a Word document: it is a zip file without a document inside\./],
  ];
  for (const [name, code, message] of cases) {
    it(`${name}: ${code}`, async () => {
      const error = await failure(() => importFixture(name));
      expect(error.code).toBe(code);
      expect(error.fileName).toBe(name);
      expect(error.message).toMatch(message);
    });
  }

  it('a file over the size limit is refused before it is read: 200 MB of zeros is "too large", not "binary"', async () => {
    const error = await failure(() => importFile('scans/whole-fond.pdf', new Uint8Array(200 * 1024 * 1024)));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('whole-fond.pdf is too large to import (200 MB; the limit is 100 MB). Split it into smaller files and import those.');
    expect(() => checkImportable('whole-fond.pdf', maxImportBytes + 1)).toThrow(ImportFileError);
    expect(checkImportable('brief.PDF', maxImportBytes)).toBe('pdf');
  });

  it('an unsupported extension is refused with what to do instead', async () => {
    const doc = await failure(() => importFile('memo.doc', new Uint8Array([1, 2, 3])));
    expect(doc.code).toBe('unsupported');
    expect(doc.message).toBe(
      'memo.doc cannot be imported: it is an old Word (.doc) file. Open it in Word or LibreOffice, save it as .docx, and import that. Palimpsest imports .txt, .md, .html, .docx and .pdf files.',
    );
    expect((await failure(() => importFile('data.xlsx', new Uint8Array([1])))).message).toMatch(
      /^data\.xlsx cannot be imported: \.xlsx files cannot be imported\./,
    );
  });

  it('a file of blank space, a page of nothing but markup, a PDF that is not one', async () => {
    expect((await failure(() => importFile('blank.txt', new TextEncoder().encode(' \n\t\n ')))).code).toBe('empty');
    expect((await failure(() => importFile('page.html', new TextEncoder().encode('<html><script>x()</script><p>  </p></html>')))).code).toBe('no-text');
    const notPdf = await failure(() => importFile('brief.pdf', new TextEncoder().encode('<html>a web page saved as .pdf</html>')));
    expect(notPdf.code).toBe('corrupt');
    expect(notPdf.message).toMatch(/^brief\.pdf is not a PDF/);
  });

  it('a PDF whose page tree loops is damaged, not a scan to OCR', async () => {
    const error = await failure(() => importFile('d-cycle.pdf', fixture('page-tree-loop.pdf')));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/^d-cycle\.pdf is damaged: its list of pages cannot be read/);
  });

  it('a truncated PDF (a broken download) is corrupt, with what to try', async () => {
    const truncated = fixture('fo-brief-1962.pdf').slice(0, 3000);
    const error = await failure(() => importFile('brief.pdf', truncated));
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe('brief.pdf is damaged and cannot be read as a PDF. If it opens in a PDF reader, save a new copy from there and import that.');
  });
});
