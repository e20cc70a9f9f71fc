import { describe, expect, it } from 'vitest';
import { blockText } from '../document/model';
import { DocText } from '../document/text';
import { htmlToBlocks, parseHtml } from './html';
import { declaredCharset, htmlFileMeta, languageName } from './html-meta';

const blocksOf = (html: string) => htmlToBlocks(parseHtml(html)).blocks;
const textOf = (html: string) => new DocText(blocksOf(html)).text;

describe('HTML to blocks', () => {
  it('keeps headings, paragraphs and inline marks, with links only to web addresses', () => {
    const blocks = blocksOf(
      '<h2>The <em>Albanian</em> question</h2><p>Khrushchev <strong>attacked</strong> <u>Hoxha</u> in H<sub>2</sub>O <code>FO 371</code>; see <a href="https://digitalarchive.org/doc/1">the archive</a>, <a href="/relative">a page</a> and <a href="javascript:alert(1)">this</a>.</p>',
    );
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 2,
      marker: '',
      depth: 0,
      quoted: false,
      spans: [
        { text: 'The ', marks: [] },
        { text: 'Albanian', marks: ['em'] },
        { text: ' question', marks: [] },
      ],
    });
    expect(blocks[1]!.spans).toEqual([
      { text: 'Khrushchev ', marks: [] },
      { text: 'attacked', marks: ['strong'] },
      { text: ' ', marks: [] },
      { text: 'Hoxha', marks: ['underline'] },
      { text: ' in H', marks: [] },
      { text: '2', marks: ['sub'] },
      { text: 'O ', marks: [] },
      { text: 'FO 371', marks: ['code'] },
      { text: '; see ', marks: [] },
      { text: 'the archive', marks: ['link'], href: 'https://digitalarchive.org/doc/1' },
      { text: ', a page and this.', marks: [] },
    ]);
  });

  it('collapses whitespace as a browser does, and makes <br> a line break inside the block', () => {
    expect(textOf('<p>\n   Moscow,\n\t 2   April 1962 <br>\n  Secret  </p>')).toBe('Moscow, 2 April 1962\nSecret');
  });

  it('drops scripts, styles, frames, forms, comments and handlers: their text never appears', () => {
    const text = textOf(`<html><head><title>T</title><style>p { content: "STYLE" }</style><script>var s = "SCRIPT";</script></head>
      <body onload="alert('ONLOAD')"><!-- COMMENT --><p onclick="alert('ONCLICK')" style="color:red">Kept.</p>
      <noscript>NOSCRIPT</noscript><iframe>IFRAME</iframe><form><label>LABEL</label><input value="INPUT"><textarea>TEXTAREA</textarea><select><option>OPTION</option></select><button>BUTTON</button></form>
      <svg><text>SVG</text></svg><template>TEMPLATE</template><object>OBJECT</object><script type="text/template"><p>SCRIPTED</p></script></body></html>`);
    expect(text).toBe('Kept.');
  });

  it('turns lists into list items with markers and depth, numbered as the list says', () => {
    const blocks = blocksOf(
      '<ul><li>Tirana<ul><li>Durrës</li></ul></li><li>Peking</li></ul><ol start="3"><li>third</li><li value="7">seventh</li><li>eighth</li></ol><ol type="a"><li>a one</li><li>a two</li></ol><ol type="I"><li>one</li><li>two</li><li>three</li><li>four</li></ol>',
    );
    expect(blocks.map((block) => [block.kind, block.marker, block.depth, blockText(block)])).toEqual([
      ['list_item', '•', 0, 'Tirana'],
      ['list_item', '•', 1, 'Durrës'],
      ['list_item', '•', 0, 'Peking'],
      ['list_item', '3.', 0, 'third'],
      ['list_item', '7.', 0, 'seventh'],
      ['list_item', '8.', 0, 'eighth'],
      ['list_item', 'a.', 0, 'a one'],
      ['list_item', 'b.', 0, 'a two'],
      ['list_item', 'I.', 0, 'one'],
      ['list_item', 'II.', 0, 'two'],
      ['list_item', 'III.', 0, 'three'],
      ['list_item', 'IV.', 0, 'four'],
    ]);
  });

  it('gives a list item’s later paragraphs no marker of their own', () => {
    const blocks = blocksOf('<ol><li><p>First point.</p><p>Its second paragraph.</p></li></ol>');
    expect(blocks.map((block) => [block.kind, block.marker])).toEqual([
      ['list_item', '1.'],
      ['list_item', ''],
    ]);
  });

  it('marks quotations, nested ones too', () => {
    const blocks = blocksOf('<p>Before.</p><blockquote><p>Quoted.</p><blockquote>Deeper.</blockquote></blockquote><p>After.</p>');
    expect(blocks.map((block) => [blockText(block), block.quoted])).toEqual([
      ['Before.', false],
      ['Quoted.', true],
      ['Deeper.', true],
      ['After.', false],
    ]);
  });

  it('makes a table row one block, its cells separated by tabs', () => {
    expect(textOf('<table><tr><th>Date</th><th>Document</th></tr><tr><td> 19 January 1962 </td><td><p>Brief No. 5</p></td></tr></table>')).toBe(
      'Date\tDocument\n\n19 January 1962\tBrief No. 5',
    );
  });

  it('keeps the lines and indentation of preformatted text', () => {
    expect(textOf('<pre>\n  FO 371/151293\n    N1071/10\n</pre>')).toBe('  FO 371/151293\n    N1071/10');
  });

  it('counts the images it skips', () => {
    expect(htmlToBlocks(parseHtml('<p>Text <img src="a.png"> and <img src="b.png"></p>')).warnings).toEqual(['2 images were skipped: only text is imported.']);
    expect(htmlToBlocks(parseHtml('<p>Text</p>')).warnings).toEqual([]);
  });
});

describe('footnotes in HTML', () => {
  it('mammoth’s (Word) footnotes: references as superscript numbers, notes as footnote blocks without the back-link', () => {
    const html =
      '<p>Comrade Ri Song-un<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> spoke.</p><ol><li id="footnote-1"><p>Ambassador of the DPRK. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    const blocks = blocksOf(html);
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        level: 0,
        marker: '',
        depth: 0,
        quoted: false,
        spans: [
          { text: 'Comrade Ri Song-un', marks: [] },
          { text: '1', marks: ['sup'] },
          { text: ' spoke.', marks: [] },
        ],
      },
      {
        kind: 'footnote',
        level: 0,
        marker: '',
        depth: 0,
        quoted: false,
        spans: [
          { text: '1', marks: ['sup'] },
          { text: ' Ambassador of the DPRK.', marks: [] },
        ],
      },
    ]);
  });

  it('markdown-it and Pandoc footnotes', () => {
    const markdownIt =
      '<p>Text<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>.</p><hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item"><p>RGANI, F 3. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>';
    expect(textOf(markdownIt)).toBe('Text¹.\n\n***\n\n¹ RGANI, F 3.');
    const pandoc =
      '<p>Text<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>.</p><section role="doc-endnotes"><ol><li id="fn1"><p>AQPPSH, D 1.<a href="#fnref1" role="doc-backlink">↩︎</a></p></li></ol></section>';
    expect(blocksOf(pandoc).map((block) => [block.kind, blockText(block)])).toEqual([
      ['paragraph', 'Text¹.'],
      ['footnote', '¹ AQPPSH, D 1.'],
    ]);
  });

  it('Word’s "Save as HTML" footnotes, whose note starts with an anchor back to its reference', () => {
    const html =
      '<p>The brief<a href="#_ftn1" name="_ftnref1"><sup>[1]</sup></a> was filed.</p><div id="ftn1"><p><a href="#_ftnref1" name="_ftn1"><sup>[1]</sup></a> FO 371/151293.</p></div>';
    expect(blocksOf(html).map((block) => [block.kind, blockText(block)])).toEqual([
      ['paragraph', 'The brief¹ was filed.'],
      ['footnote', '¹ FO 371/151293.'],
    ]);
  });

  it('leaves a superscript that links nowhere, and an ordinary in-page link, as text', () => {
    expect(blocksOf('<p>22<sup>nd</sup> Congress, <a href="#top">back to top</a></p>').map((block) => [block.kind, blockText(block)])).toEqual([
      ['paragraph', '22nd Congress, back to top'],
    ]);
  });
});

describe('HTML metadata', () => {
  const meta = (head: string, html = '') => htmlFileMeta(parseHtml(`<html${html}><head>${head}</head><body><p>x</p></body></html>`));

  it('reads title, author, date, description, canonical URL and language', () => {
    expect(
      meta(
        '<title> Report on the Stance of the DPRK </title><meta name="author" content="Mehmet Shehu; Enver Hoxha"><meta name="date" content="1967-01-16"><meta name="description" content="A report."><link rel="canonical" href="https://digitalarchive.org/document/1">',
        ' lang="sq"',
      ),
    ).toEqual({
      title: 'Report on the Stance of the DPRK',
      authors: ['Mehmet Shehu', 'Enver Hoxha'],
      date: { start: { year: 1967, month: 1, day: 16 } },
      summary: 'A report.',
      url: 'https://digitalarchive.org/document/1',
      originalLanguage: 'Albanian',
    });
  });

  it('prefers a journal’s citation_* tags, and builds the citation from them', () => {
    const m = meta(
      '<title>Balcanica</title><meta name="citation_title" content="The Final Break between Moscow and Tirana"><meta name="citation_author" content="Artem Edemskiy"><meta name="citation_journal_title" content="Balcanica"><meta name="citation_publication_date" content="2019/12"><meta name="citation_doi" content="10.2298/BALC1950243E">',
    );
    expect(m).toMatchObject({
      kind: 'journal article',
      title: 'The Final Break between Moscow and Tirana',
      authors: ['Artem Edemskiy'],
      date: { start: { year: 2019, month: 12 } },
      publisher: 'Balcanica',
      doi: '10.2298/BALC1950243E',
      citation: 'Artem Edemskiy, “The Final Break between Moscow and Tirana”, Balcanica (2019), https://doi.org/10.2298/BALC1950243E',
    });
  });

  it('reads Dublin Core, and drops placeholder titles and account names', () => {
    expect(meta('<title>Untitled Document</title><meta name="DC.creator" content="Administrator"><meta name="DC.date" content="April 1957">')).toEqual({
      date: { start: { year: 1957, month: 4 } },
    });
  });

  it('finds a declared charset in either form', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(declaredCharset(bytes('<meta charset="Windows-1251">'))).toBe('windows-1251');
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'))).toBe('koi8-r');
    expect(declaredCharset(bytes('<p>no declaration</p>'))).toBeNull();
  });

  it('names languages in English, as the text metadata does', () => {
    expect(languageName('ru-RU')).toBe('Russian');
    expect(languageName('cs')).toBe('Czech');
    expect(languageName('')).toBeNull();
  });
});
