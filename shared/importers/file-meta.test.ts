import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../corpus/metadata';
import { parseSource } from '../document/parse';
import { dateSpanOf, isJunkAuthor, isJunkTitle, mergeFileMeta } from './file-meta';

describe('dates in file properties', () => {
  it('reads ISO dates, PDF dates and written dates, keeping their precision and ignoring time and zone', () => {
    expect(dateSpanOf('1962-01-19T23:30:00-05:00')).toEqual({ start: { year: 1962, month: 1, day: 19 } });
    expect(dateSpanOf("D:19620402093000+01'00'")).toEqual({ start: { year: 1962, month: 4, day: 2 } });
    expect(dateSpanOf('D:1967')).toEqual({ start: { year: 1967 } });
    expect(dateSpanOf('2019/12')).toEqual({ start: { year: 2019, month: 12 } });
    expect(dateSpanOf('19 January 1962')).toEqual({ start: { year: 1962, month: 1, day: 19 } });
  });

  it('refuses what is not a date', () => {
    expect(dateSpanOf('')).toBeNull();
    expect(dateSpanOf('1962-13-01')).toBeNull();
    expect(dateSpanOf('yesterday')).toBeNull();
  });
});

describe('junk in file properties', () => {
  it('knows the titles programs write', () => {
    for (const title of ['Microsoft Word - memo 1962.doc', 'untitled', 'Untitled Document', 'Document1', 'scan0001.pdf', 'Slide 1', '---', ''])
      expect(isJunkTitle(title), title).toBe(true);
    for (const title of ['Memorandum of Luncheon', 'Хрущёв и Албания', 'Brief No. 5']) expect(isJunkTitle(title), title).toBe(false);
  });

  it('knows account names', () => {
    for (const author of ['Administrator', 'user', 'Windows User', 'Microsoft Office User', 'Un-named']) expect(isJunkAuthor(author), author).toBe(true);
    for (const author of ['Richard Dvořák', 'Ходжа']) expect(isJunkAuthor(author), author).toBe(false);
  });
});

describe('merging file properties over the text’s metadata', () => {
  const textMeta = extractMetadata(parseSource('Sino-Soviet relations\n\nJanuary 19, 1962\n\nThe most plausible interpretation.', 'plain'));

  it('lets a real title and authors win, and keeps the text’s date over the file’s creation date', () => {
    const merged = mergeFileMeta(textMeta, {
      title: 'Sino-Soviet Relations and Albania',
      authors: ['Foreign Office'],
      date: { start: { year: 2019, month: 5, day: 14 } },
    });
    expect(merged.title).toBe('Sino-Soviet Relations and Albania');
    expect(merged.authors).toEqual(['Foreign Office']);
    expect(merged.date).toEqual({ start: { year: 1962, month: 1, day: 19 } });
  });

  it('uses the file’s date when the text gives none', () => {
    const undated = extractMetadata(parseSource('A note on the Albanian gold.', 'plain'));
    expect(undated.date).toBeNull();
    expect(mergeFileMeta(undated, { date: { start: { year: 1962, month: 2 } } }).date).toEqual({ start: { year: 1962, month: 2 } });
  });

  it('ignores placeholder titles and account names, and empty values', () => {
    const merged = mergeFileMeta(textMeta, { title: 'Microsoft Word - brief5.doc', authors: ['Administrator'], summary: '  ' });
    expect(merged.title).toBe('Sino-Soviet relations');
    expect(merged.authors).toEqual([]);
    expect(merged.summary).toBeNull();
  });

  it('fills the fields the text did not give, and replaces only the generic kind', () => {
    const merged = mergeFileMeta(textMeta, { kind: 'journal article', url: 'https://example.org/brief', originalLanguage: 'English' });
    expect(merged).toMatchObject({ kind: 'journal article', url: 'https://example.org/brief', originalLanguage: 'English' });
  });
});

describe('a file’s date against a date guessed from the text', () => {
  it('takes the file’s date, which is metadata, over a date found only in a sentence, and marks it no guess', () => {
    const guessed = extractMetadata(parseSource('Note\n\nThe delegation came to Moscow in November 1960 and left.', 'plain'));
    expect(guessed.date?.guessed).toBe(true);
    expect(mergeFileMeta(guessed, { date: { start: { year: 1962, month: 4, day: 2 } } }).date).toEqual({
      start: { year: 1962, month: 4, day: 2 },
      guessed: false,
    });
    // With no date in the file, the guess stays a guess.
    expect(mergeFileMeta(guessed, {}).date).toEqual({ start: { year: 1960, month: 11 }, guessed: true });
  });
});
