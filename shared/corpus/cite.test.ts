import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { documentCitation, pageAt, pagesOf, passageCitation } from './cite';

const pages = [
  { offset: 0, label: '375' },
  { offset: 1200, label: '376' },
  { offset: 2500, label: '377' },
];

describe('pages of a passage', () => {
  it('finds the page a passage starts on, and both pages of one across a break', () => {
    expect(pageAt(pages, 0)).toBe('375');
    expect(pageAt(pages, 1199)).toBe('375');
    expect(pageAt(pages, 1200)).toBe('376');
    expect(pageAt(pages, 99_999)).toBe('377');
    expect(pagesOf(pages, 1100, 1300)).toBe('375–376');
    expect(pagesOf(pages, 1300, 1400)).toBe('376');
    expect(pageAt([], 10)).toBeNull();
  });
});

describe('citations', () => {
  const corpus = loadCorpus();
  it('quotes the archive’s own citation for a seed, with no page where the source has none', () => {
    const brief = seed(corpus, seedIds.foBrief);
    expect(passageCitation(brief, 10, 20)).toBe(`${brief.meta.citation!.replace(/[.\s]+$/, '')}.`);
    expect(passageCitation(brief, 10, 20)).toMatch(/^"Visit of the Italian Prime Minister.*FO 371\/151293/);
  });

  it('builds a citation from the parts a historian filled in, with the page of the passage', () => {
    const memo = seed(corpus, seedIds.czechMemo);
    const meta = {
      ...memo.meta,
      citation: null,
      authors: ['Richard Dvořák'],
      archive: 'Archive of the Ministry of Foreign Affairs, Prague',
      fond: 'TO-T 1960–1964, Korea',
      folder: 'box 3, file 12',
      pageRange: null,
      url: null,
      translator: null,
      publisher: null,
    };
    expect(documentCitation(meta)).toBe(
      `Richard Dvořák, “${memo.meta.title}”, 2 April 1962, Archive of the Ministry of Foreign Affairs, Prague, TO-T 1960–1964, Korea, box 3, file 12`,
    );
    expect(passageCitation({ meta, pages }, 2600, 2700)).toMatch(/box 3, file 12, p\. 377\.$/);
    expect(passageCitation({ meta, pages }, 1100, 1300)).toMatch(/, pp\. 375–376\.$/);
  });
});
