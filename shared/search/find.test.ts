import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { findInText, foldForFind, maxFindMatches } from './find';

const find = (text: string, query: string) => findInText(text, foldForFind(text), query).map(({ start, end }) => text.slice(start, end));
const corpus = loadCorpus();

describe('find in a document', () => {
  it('folds case and accents as Search does, and finds parts of words', () => {
    const memo = seed(corpus, seedIds.czechMemo).text.text;
    expect(find(memo, 'dvorak')).toEqual(expect.arrayContaining(['Dvorak', 'Dvořàk', 'Dvoràk']));
    expect(find('Mëhilli and MEHILLI, mehil', 'mehil')).toEqual(['Mëhil', 'MEHIL', 'mehil']);
  });

  it('finds a word before a footnote marker, and typography folded (curly quotes, dashes, line wraps)', () => {
    const article = seed(corpus, seedIds.article).text.text;
    expect(find(article, 'these events.').at(0)).toBe('these events.');
    expect(find('Khrushchev’s move — so\nfar', "khrushchev's move - so far")).toEqual(['Khrushchev’s move — so\nfar']);
  });

  it('ends a match after the marks of a decomposed letter', () => {
    expect(find('Me\u0308hilli', 'me')).toEqual(['Me\u0308']);
  });

  it('finds nothing for an empty query or one not there', () => {
    expect(find('Alpha beta', '   ')).toEqual([]);
    expect(find('Alpha beta', 'gamma')).toEqual([]);
  });

  it('reports at most a bounded number of places', () => {
    const text = 'e '.repeat(maxFindMatches + 50);
    expect(findInText(text, foldForFind(text), 'e')).toHaveLength(maxFindMatches);
  });
});
