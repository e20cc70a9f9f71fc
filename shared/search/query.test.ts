import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';

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
});
