import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Clause, type QueryTerm, parseQuery } from './query';
import { termsOf } from './tokenize';

/// A parsed query written back as clauses of words, a prefix marked with `*`.
function clauses(text: string): string[] {
  return parseQuery(text).clauses.map((c) => c.terms.map((t) => `${t.term}${t.prefix ? '*' : ''}`).join(' '));
}

describe('parseQuery', () => {
  it('makes each word a clause, folded as the texts are', () => {
    expect(clauses('Khrushchev  ALBANIA Mëhilli')).toEqual(['khrushchev', 'albania', 'mehilli']);
  });

  it('makes a quoted phrase one clause of several words', () => {
    expect(clauses('"Soviet leaders" Tirana')).toEqual(['soviet leaders', 'tirana']);
  });

  it('runs an unclosed quote to the end of the query, as a user still typing it means', () => {
    expect(clauses('albania "sino sov')).toEqual(['albania', 'sino sov']);
  });

  it('takes typographic quotes as quotes, as a word processor or a Russian keyboard types them', () => {
    expect(clauses('“Soviet leaders”')).toEqual(['soviet leaders']);
    expect(clauses('«Soviet leaders»')).toEqual(['soviet leaders']);
    expect(clauses('„Soviet leaders“')).toEqual(['soviet leaders']);
  });

  it('marks a trailing star as a prefix, alone or in a phrase', () => {
    expect(clauses('Sino*')).toEqual(['sino*']);
    expect(clauses('"soviet lead*"')).toEqual(['soviet lead*']);
    expect(clauses('Dvoř*')).toEqual(['dvor*']);
  });

  it('makes a word with inner punctuation a phrase of its parts', () => {
    expect(clauses("Sino-Soviet Khrushchev's")).toEqual(['sino soviet', 'khrushchev s']);
    expect(clauses('Sino-Sov*')).toEqual(['sino sov*']);
  });

  it('finds no clauses in an empty query or one of punctuation only', () => {
    expect(clauses('')).toEqual([]);
    expect(clauses('   ')).toEqual([]);
    expect(clauses('... -- ! ?')).toEqual([]);
    expect(clauses('*')).toEqual([]);
    expect(clauses('""')).toEqual([]);
    expect(clauses('"')).toEqual([]);
  });

  it('counts a clause given twice once', () => {
    expect(clauses('albania Albania "albania"')).toEqual(['albania']);
    expect(clauses('alb* alb*')).toEqual(['alb*']);
  });

  it('keeps a word and its prefix apart', () => {
    expect(clauses('albania albania*')).toEqual(['albania', 'albania*']);
  });

  it('parses any text as splitting it by quotes and by white space does', () => {
    // The parse as it was written first, by regular expressions: the one
    // pass that replaced it must find the same clauses in the same order.
    const byExpressions = (text: string): Clause[] => {
      const clauses: Clause[] = [];
      const seen = new Set<string>();
      const add = (terms: QueryTerm[]) => {
        const key = terms.map((t) => `${t.term}${t.prefix ? '*' : ''}`).join(' ');
        if (terms.length === 0 || seen.has(key)) return;
        seen.add(key);
        clauses.push({ terms });
      };
      const wordTerms = (word: string): QueryTerm[] => {
        const prefix = /\*$/.test(word);
        const terms = termsOf(prefix ? word.replace(/\*+$/, '') : word).map((term) => ({ term, prefix: false }));
        if (prefix && terms.length > 0) terms[terms.length - 1]!.prefix = true;
        return terms;
      };
      text
        .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
        .split('"')
        .forEach((part, i) => {
          if (i % 2 === 1) add(part.split(/\s+/).flatMap(wordTerms));
          else for (const word of part.split(/\s+/)) add(wordTerms(word));
        });
      return clauses;
    };
    const pieces = [
      'of',
      'The',
      'Mëhilli',
      'sino',
      'Sino-Soviet',
      "Khrushchev's",
      'co',
      '*',
      '**',
      '"',
      '“',
      '”',
      '„',
      '«',
      '»',
      '″',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u0085',
      '\u180e',
      '-',
      '.',
      'é',
      'ß',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(parseQuery(text).clauses).toEqual(byExpressions(text));
      }),
      { numRuns: 1000 },
    );
  });
});
