import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { blockText } from './model';
import { parseSource } from './parse';
import { DocText } from './text';

const corpus = loadCorpus();

describe('parsing the seeds', () => {
  it('leaves no mangled markup in any canonical text', () => {
    for (const document of corpus.values()) {
      expect(document.text.text, document.id).not.toMatch(/lt;sup|<\/?sup>|&lt;|<u>/);
    }
  });

  it('turns the article’s double-escaped footnote markers into superscript numbers opening footnotes', () => {
    const article = seed(corpus, seedIds.article);
    const notes = article.blocks.filter((b) => b.kind === 'footnote');
    expect(notes.length).toBeGreaterThanOrEqual(45);
    const twelve = notes.find((b) => blockText(b).startsWith('¹² KPSS'));
    expect(twelve?.spans[0]).toEqual({ text: '12', marks: ['sup'] });
    expect(article.blocks.find((b) => b.kind === 'heading' && b.level === 2)).toBeDefined();
    // A marker in the running text stays a superscript inside its paragraph.
    const paragraph = article.blocks.find((b) => b.kind === 'paragraph' && b.spans.some((s) => s.text === '3' && s.marks.includes('sup')));
    expect(paragraph && blockText(paragraph)).toMatch(/disruption of the Paris summit\.³ It was only later/);
  });

  it('writes footnote markers as superscript digits, so a quote across one never carries a bare digit', () => {
    const article = seed(corpus, seedIds.article);
    const text = article.text.text;
    expect(text).toContain('these events.² Regrettably');
    expect(text).not.toMatch(/these events\.2 Regrettably/);
    // One UTF-16 unit per digit: the offsets of everything else are those
    // of the text with bare digits.
    const start = text.indexOf('these events.²');
    expect(text.slice(start, start + 'these events.² Regrettably'.length)).toBe('these events.² Regrettably');
    expect(text.length).toBe(article.blocks.reduce((n, b) => n + b.spans.reduce((m, s) => m + s.text.length, 0), 0) + (article.blocks.length - 1) * 2);
    // Digits that are not marked superscript are left alone.
    expect(text).toContain('1960');
  });

  it('keeps the brief’s numbered paragraphs as list items with their numbers as markers', () => {
    const brief = seed(corpus, seedIds.foBrief);
    const items = brief.blocks.filter((b) => b.kind === 'list_item');
    expect(items.slice(0, 4).map((b) => b.marker)).toEqual(['1.', '2.', '3.', '4.']);
    expect(items.map((b) => blockText(b)).find((t) => t.startsWith('(a)'))).toMatch(/^\(a\) It is in the Western interest/);
    expect(brief.text.text).toContain('£843,947');
  });

  it('shows OCR debris as it is in the source', () => {
    const report = seed(corpus, seedIds.albanianReport).text.text;
    expect(report).toContain('☐☐☐ st of all');
    expect(report).toContain('\\Box formation bits');
    expect(report).toContain('ПП');
    expect(report).toContain('Siri Çarçani');
  });

  it('keeps diacritics and scripts intact', () => {
    const all = [...corpus.values()].map((d) => d.text.text).join('\n');
    for (const word of ['Mëhilli', 'Dvořàk', 'Çarçani', 'Životić', 'Lüthi', 'KOVAČEVIĆ']) expect(all).toContain(word);
  });

  it('keeps a plain-text paragraph’s lines, trimmed of the page’s indentation', () => {
    const memo = seed(corpus, seedIds.czechMemo);
    const block = memo.blocks.map(blockText).find((t) => t.startsWith('A memorandum of a meeting'));
    expect(block).toMatch(/capitalist camp and his devotion to the international communist movement\.\n"Memorandum of Luncheon/);
  });

  it('reads CRLF and a byte-order mark as it reads the same text without them', () => {
    const source = '# Title\n\nFirst line\nsecond line.\n\n- item';
    for (const format of ['markdown', 'plain'] as const) {
      const plain = new DocText(parseSource(source, format)).text;
      expect(new DocText(parseSource(`\uFEFF${source.replace(/\n/g, '\r\n')}`, format)).text).toBe(plain);
    }
  });
});

describe('DocText', () => {
  const text = new DocText(parseSource('Alpha beta.\n\nGamma.', 'plain'));

  it('joins blocks with a blank line and knows where each starts and ends', () => {
    expect(text.text).toBe('Alpha beta.\n\nGamma.');
    expect(text.starts).toEqual([0, 13]);
    expect(text.ends).toEqual([11, 19]);
  });

  it('places an offset inside the separator by the bias of the range end it is', () => {
    expect(text.locate(12, 1)).toEqual({ block: 1, offset: 0 });
    expect(text.locate(12, -1)).toEqual({ block: 0, offset: 11 });
    expect(text.locate(11, -1)).toEqual({ block: 0, offset: 11 });
    expect(text.locate(13, 1)).toEqual({ block: 1, offset: 0 });
  });

  it('refuses offsets outside the text with a sentence saying so', () => {
    expect(() => text.blockAt(-1)).toThrow(RangeError);
    expect(() => text.blockAt(20)).toThrow('Offset 20 is outside the document’s text, which has 19 characters.'.replace('’', "'"));
  });
});
