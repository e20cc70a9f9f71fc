import { describe, expect, it } from 'vitest';
import { ClauseMatcher } from './clause-match';
import { DocumentIndex } from './document-index';
import { parseQuery } from './query';
import { Vocabulary } from './vocabulary';

const text = 'The Soviet leaders met. Soviet  Leaders, again; the soviet\n\nleaders of Albania. Sovereign leadership.';
const vocabulary = new Vocabulary();
const document = DocumentIndex.build('d', text, vocabulary);

/// The matcher of a query's only clause.
function matcher(query: string): ClauseMatcher {
  const clauses = parseQuery(query).clauses;
  if (clauses.length !== 1) throw new Error(`"${query}" is not one clause.`);
  return new ClauseMatcher(clauses[0]!, vocabulary);
}

/// The passages a clause matches, as written.
function passages(query: string): string[] {
  const spans: number[] = [];
  matcher(query).spans(document, spans);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(text.slice(spans[i], spans[i + 1]));
  return out;
}

describe('ClauseMatcher', () => {
  it('finds a phrase however its words are cased and spaced, from its first word to its last', () => {
    expect(passages('"soviet leaders"')).toEqual(['Soviet leaders', 'Soviet  Leaders']);
    expect(matcher('"soviet leaders"').count(document)).toBe(2);
  });

  it('does not run a phrase on from one paragraph into the next', () => {
    // "the soviet" ends a block and "leaders of Albania" starts the next.
    expect(passages('"soviet leaders"')).not.toContain('soviet\n\nleaders');
  });

  it('finds a word everywhere, and a prefix in any position of a phrase', () => {
    expect(passages('leaders')).toEqual(['leaders', 'Leaders', 'leaders']);
    expect(passages('"sov* lead*"')).toEqual(['Soviet leaders', 'Soviet  Leaders', 'Sovereign leadership']);
    expect(matcher('sov*').count(document)).toBe(4);
  });

  it('tells when every word is in a document but the phrase is not', () => {
    const m = matcher('"leaders soviet"');
    expect(m.mayOccurIn(document)).toBe(true);
    expect(m.count(document)).toBe(0);
  });

  it('is impossible when a word is in no indexed text', () => {
    expect(matcher('"soviet tirana"').impossible).toBe(true);
    expect(matcher('"soviet leaders"').impossible).toBe(false);
    expect(matcher('"soviet tirana"').mayOccurIn(document)).toBe(false);
  });

  it('knows when two clauses can match the same place', () => {
    expect(matcher('sov*').overlaps(matcher('soviet'))).toBe(true);
    expect(matcher('soviet').overlaps(matcher('leaders'))).toBe(false);
    expect(matcher('"soviet leaders"').overlaps(matcher('soviet'))).toBe(false);
    expect(matcher('"sov* leaders"').overlaps(matcher('"soviet lead*"'))).toBe(true);
  });

  it('refuses a clause without words', () => {
    expect(() => new ClauseMatcher({ terms: [] }, vocabulary)).toThrow(RangeError);
  });
});
