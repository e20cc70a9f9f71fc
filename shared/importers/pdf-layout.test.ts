import { describe, expect, it } from 'vitest';
import { blockText } from '../document/model';
import { DocText } from '../document/text';
import { type PdfPageText, type PdfTextItem, pdfPagesToBlocks } from './pdf-layout';

/// A run of text as pdf.js gives it, its width estimated from its length.
function item(str: string, x: number, y: number, size = 10, hasEOL = true): PdfTextItem {
  return { str, x, y, width: str.length * size * 0.5, height: size, hasEOL };
}

/// A page of lines set from y = 700 down at 12-unit leading; an empty
/// string leaves a blank line; a line starting with spaces is indented.
function page(lines: string[], options: { header?: string; footer?: string; size?: number; label?: string } = {}): PdfPageText {
  const size = options.size ?? 10;
  const items: PdfTextItem[] = [];
  if (options.header) items.push(item(options.header, 280, 800, 9));
  let y = 700;
  for (const line of lines) {
    if (line !== '') {
      const indent = /^ */.exec(line)![0].length;
      items.push(item(line.trimStart(), 72 + indent * 5, y, size));
    }
    y -= 12;
  }
  if (options.footer) items.push(item(options.footer, 290, 50, 9));
  return options.label ? { items, label: options.label } : { items };
}

const texts = (pages: PdfPageText[]) => pdfPagesToBlocks(pages).blocks.map(blockText);

describe('lines into paragraphs', () => {
  it('joins a paragraph’s lines with spaces, and starts a new paragraph at a larger gap', () => {
    expect(
      texts([
        page([
          'The outcome of Khrushchev’s move so far',
          'has been to re-open the quarrel.',
          '',
          'Nor does it seem likely that the',
          'Chinese are working for a break.',
        ]),
      ]),
    ).toEqual([
      'The outcome of Khrushchev’s move so far has been to re-open the quarrel.',
      'Nor does it seem likely that the Chinese are working for a break.',
    ]);
  });

  it('starts a new paragraph at an indented first line, where paragraphs have no space between them', () => {
    expect(
      texts([
        page([
          '    On 30 March, I invited the ambassador',
          'for luncheon for several reasons.',
          '    The West has been waiting to exploit',
          'the differences within our camp.',
        ]),
      ]),
    ).toEqual([
      'On 30 March, I invited the ambassador for luncheon for several reasons.',
      'The West has been waiting to exploit the differences within our camp.',
    ]);
  });

  it('starts a new block at a numbered sub-paragraph after a finished sentence', () => {
    expect(
      texts([
        page([
          '12. Our tentative views are as follows:',
          '(a) It is in the Western interest that',
          'Albania should remain outside.',
          '(b) To take any initiative would be',
          'unprofitable.',
        ]),
      ]),
    ).toEqual([
      '12. Our tentative views are as follows:',
      '(a) It is in the Western interest that Albania should remain outside.',
      '(b) To take any initiative would be unprofitable.',
    ]);
  });

  it('makes bulleted lines list items with their bullet as marker, wrapped lines hanging under them included', () => {
    const { blocks } = pdfPagesToBlocks([
      page(['Points raised:', '• the communes', '• the cult of personality, which', '  the Korean side denied', 'After the list.']),
    ]);
    expect(blocks.map((block) => [block.kind, block.marker, blockText(block)])).toEqual([
      ['paragraph', '', 'Points raised:'],
      ['list_item', '•', 'the communes'],
      ['list_item', '•', 'the cult of personality, which the Korean side denied'],
      ['paragraph', '', 'After the list.'],
    ]);
  });

  it('takes a dash at a line’s start for a bullet only after a finished sentence', () => {
    const { blocks } = pdfPagesToBlocks([
      page([
        'Our views are:',
        '- no economic aid;',
        '- trade if it can be achieved.',
        'They avoid attacking the Soviet Union directly',
        '- whilst maintaining their support for Tirana.',
      ]),
    ]);
    expect(blocks.map((block) => [block.kind, blockText(block)])).toEqual([
      ['paragraph', 'Our views are:'],
      ['list_item', 'no economic aid;'],
      ['list_item', 'trade if it can be achieved.'],
      ['paragraph', 'They avoid attacking the Soviet Union directly - whilst maintaining their support for Tirana.'],
    ]);
  });

  it('makes larger type a heading, levels by size', () => {
    const items = [
      item('Balcanica', 72, 760, 18),
      item('The Final Break', 72, 730, 14),
      item('Body text of the article, set in', 72, 700),
      item('ten-point type throughout the page.', 72, 688),
    ];
    const { blocks } = pdfPagesToBlocks([{ items }]);
    expect(blocks.map((block) => [block.kind, block.level, blockText(block)])).toEqual([
      ['heading', 1, 'Balcanica'],
      ['heading', 2, 'The Final Break'],
      ['paragraph', 0, 'Body text of the article, set in ten-point type throughout the page.'],
    ]);
  });

  it('puts a space between runs of text with a gap between them, none inside a word split into runs', () => {
    const items = [item('Sino', 72, 700, 10, false), item('-Soviet', 92, 700, 10, false), item('relations', 131, 700)];
    expect(texts([{ items }])).toEqual(['Sino-Soviet relations']);
  });

  it('marks smaller raised type as a superscript, in its place even when drawn after the line', () => {
    const items = [item('for several reasons.', 72, 700, 10, false), item('During the luncheon', 181, 700, 10, true), item('12', 172.5, 704, 6, false)];
    const { blocks } = pdfPagesToBlocks([{ items }]);
    expect(blocks[0]!.spans).toEqual([
      { text: 'for several reasons.', marks: [] },
      { text: '12', marks: ['sup'] },
      { text: ' During the luncheon', marks: [] },
    ]);
  });
});

describe('words broken at a line’s end', () => {
  const joined = (first: string, second: string, elsewhere = '') => {
    const lines = [first, second];
    if (elsewhere) lines.push('', elsewhere);
    return texts([page(lines)])[0];
  };

  it('joins a word the typesetter broke', () => {
    expect(joined('trade with China in certain eco-', 'nomic commodities.')).toBe('trade with China in certain economic commodities.');
    expect(joined('against which he was anxious that the Con-', 'gress should deliver a remonstrance.')).toBe(
      'against which he was anxious that the Congress should deliver a remonstrance.',
    );
  });

  it('keeps the hyphen of a compound whose second part is capitalised', () => {
    expect(joined('the continuation of the Sino-', 'Soviet dispute is in our interest.')).toBe(
      'the continuation of the Sino-Soviet dispute is in our interest.',
    );
  });

  it('keeps the hyphen when the document writes the compound with one elsewhere', () => {
    expect(joined('perhaps counter-', 'productive to act.', 'Openly counter-productive steps are to be avoided.')).toBe('perhaps counter-productive to act.');
  });

  it('joins when the document writes the word whole elsewhere, though it also hyphenates it', () => {
    expect(joined('they may re-', 'open the question.', 'To reopen it now, or to re-open it later.')).toBe('they may reopen the question.');
  });

  it('always joins at a soft hyphen, and leaves a dash between words alone', () => {
    expect(joined('the Albanian lead\u00ad', 'ership was isolated.')).toBe('the Albanian leadership was isolated.');
    expect(joined('to avoid attacking the Soviet Union directly -', 'whilst maintaining support.')).toBe(
      'to avoid attacking the Soviet Union directly - whilst maintaining support.',
    );
  });

  it('keeps a number range broken after its dash together', () => {
    expect(joined('in the 3 years 1958-', '60 barely exceeded £30,000.')).toBe('in the 3 years 1958-60 barely exceeded £30,000.');
  });
});

describe('pages', () => {
  const brief = [
    page(
      [
        '1. The most plausible interpretation of',
        'Khrushchev’s motive was an attack on both.',
        '',
        '2. In the longer term the Soviet objective',
        'must be to maintain',
      ],
      { header: 'SECRET', footer: '- 1 -' },
    ),
    page(['their supremacy in the world Communist', 'movement.', '', '3. Nor does it seem likely that the'], { header: 'SECRET', footer: '- 2 -' }),
    page(['Chinese are working for a break.', '', '4. The continuation of the dispute.'], { header: 'SECRET', footer: '- 3 -' }),
  ];

  it('drops running headers and page numbers, and joins a paragraph across a page break', () => {
    expect(texts(brief)).toEqual([
      '1. The most plausible interpretation of Khrushchev’s motive was an attack on both.',
      '2. In the longer term the Soviet objective must be to maintain their supremacy in the world Communist movement.',
      '3. Nor does it seem likely that the Chinese are working for a break.',
      '4. The continuation of the dispute.',
    ]);
  });

  it('gives each page’s start as an offset into the canonical text, mid-paragraph where a page breaks one', () => {
    const layout = pdfPagesToBlocks(brief);
    const text = new DocText(layout.blocks).text;
    expect(layout.pages.map((p) => p.label)).toEqual(['1', '2', '3']);
    expect(text.slice(layout.pages[0]!.offset)).toMatch(/^1\. The most plausible/);
    expect(text.slice(layout.pages[1]!.offset)).toMatch(/^their supremacy/);
    expect(text.slice(layout.pages[2]!.offset)).toMatch(/^Chinese are working/);
  });

  it('labels pages with the numbers printed on them when they run in step', () => {
    const pages = [
      page(['First page of the offprint.'], { footer: '213' }),
      page(['Second page of the offprint.'], { footer: '214' }),
      page(['Third page.'], { footer: '215' }),
    ];
    const layout = pdfPagesToBlocks(pages);
    expect(layout.pages.map((p) => p.label)).toEqual(['213', '214', '215']);
    expect(texts(pages)).toEqual(['First page of the offprint.', 'Second page of the offprint.', 'Third page.']);
  });

  it('drops a running head with the page number in it, and labels the pages by that number', () => {
    const pages = [
      page(['First page of the offprint.'], { header: 'Balcanica L – 213 –' }),
      page(['Second page.'], { header: 'Balcanica L – 214 –' }),
      page(['Third page.'], { header: 'Balcanica L – 215 –' }),
    ];
    expect(pdfPagesToBlocks(pages).pages.map((p) => p.label)).toEqual(['213', '214', '215']);
    expect(texts(pages)).toEqual(['First page of the offprint.', 'Second page.', 'Third page.']);
  });

  it('keeps a year alone at a page’s foot as text when it does not run with the pages', () => {
    const pages = [page(['Tirana, 16 January', '1967'], { footer: '1' }), page(['The report continues.'], { footer: '2' })];
    expect(texts(pages)).toEqual(['Tirana, 16 January 1967', 'The report continues.']);
  });

  it('uses the PDF’s own page labels when it has them', () => {
    const pages = [page(['Preface text.'], { label: 'iv' }), page(['Chapter text.'], { label: '1' })];
    expect(pdfPagesToBlocks(pages).pages.map((p) => p.label)).toEqual(['iv', '1']);
  });

  it('reports pages without text and points them at the next page’s text', () => {
    const layout = pdfPagesToBlocks([page(['Annex: the Albanian gold.']), { items: [] }, page(['Attached note.'])]);
    expect(layout.emptyPages).toEqual([2]);
    const text = new DocText(layout.blocks).text;
    expect(text.slice(layout.pages[1]!.offset)).toBe('Attached note.');
    expect(text.slice(layout.pages[2]!.offset)).toBe('Attached note.');
  });

  it('has no blocks for a document without text', () => {
    expect(pdfPagesToBlocks([{ items: [] }, { items: [item('  ', 72, 700)] }])).toEqual({
      blocks: [],
      pages: [
        { offset: 0, label: '1' },
        { offset: 0, label: '2' },
      ],
      emptyPages: [1, 2],
    });
  });
});

describe('footnotes at a page’s foot', () => {
  it('makes smaller numbered lines below the body footnotes, and keeps a paragraph running past them whole', () => {
    const first: PdfPageText = {
      items: [
        item('He referred to embassy reports', 72, 700, 10, false),
        item('1', 222.5, 704, 6),
        item('which he did not specify. The', 72, 688),
        item('1 AQPPSH, MPP Korese, D 1.', 72, 100, 8),
        item('continued on the next line of the note.', 72, 90, 8),
      ],
    };
    const second: PdfPageText = { items: [item('same goes for China.', 72, 700)] };
    const layout = pdfPagesToBlocks([first, second]);
    expect(layout.blocks.map((block) => [block.kind, blockText(block)])).toEqual([
      ['paragraph', 'He referred to embassy reports¹ which he did not specify. The same goes for China.'],
      ['footnote', '1 AQPPSH, MPP Korese, D 1. continued on the next line of the note.'],
    ]);
    const text = new DocText(layout.blocks).text;
    expect(text.slice(layout.pages[1]!.offset)).toMatch(/^same goes for China\./);
  });
});

describe('pages of very many text runs', () => {
  it('lays out a page of 600,000 runs on one line (a 144 KB PDF can hold that many) without overflowing the stack', () => {
    const items: PdfTextItem[] = [];
    for (let i = 0; i < 600_000; i++) items.push({ str: 'a', x: 72 + i * 0.001, y: 700, width: 0.001, height: 10 });
    // A footnote-sized run beside the line is checked against all of it.
    items.push({ str: '1', x: 80, y: 704, width: 3, height: 6 });
    const { blocks } = pdfPagesToBlocks([{ items }]);
    expect(blocks.map(blockText).join('')).toContain('a'.repeat(1000));
  });

  it('lays out 200,000 lines that make one paragraph, in time that grows with the lines, not their square', () => {
    const pages: PdfPageText[] = [];
    for (let p = 0; p < 200; p++) {
      const items: PdfTextItem[] = [];
      for (let i = 0; i < 1000; i++) items.push(item(`word${i}`, 72, 800 - i * 0.7, 10, true));
      pages.push({ items });
    }
    const { blocks } = pdfPagesToBlocks(pages);
    expect(blockText(blocks[0]!)).toContain('word500 word501 word502');
    expect(blocks.reduce((sum, block) => sum + blockText(block).length, 0)).toBeGreaterThan(200_000 * 5);
  }, 30_000);

  it('places the pages of a PDF of 50,000 pages, nearly all of them empty', () => {
    const pages: PdfPageText[] = Array.from({ length: 50_000 }, () => ({ items: [] }));
    pages[0] = page(['The first page.']);
    pages[49_999] = page(['The last page.']);
    const layout = pdfPagesToBlocks(pages);
    expect(layout.emptyPages).toHaveLength(49_998);
    expect(layout.pages[1]!.offset).toBe(layout.pages[49_999]!.offset);
  });
});
