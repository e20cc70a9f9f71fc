import { describe, expect, it } from 'vitest';
import { parseSource } from '../document/parse';
import { documentCitation } from './cite';
import { formatDateSpan, plainDateSpan } from './dates';
import { extractMetadata, markGuessedDate } from './metadata';

const metaOf = (text: string) => extractMetadata(parseSource(text, 'plain'));

// A translated note whose only date is an event it recounts.
const recounting =
  'Note on the Albanian delegation\n\nThe delegation that came to Moscow in November 1960 left without an agreement, and the comrades said so.';

describe('a date in a sentence of the body is a guess', () => {
  it('is kept, marked as a guess, and shown with a question mark in the library and the citation', () => {
    const meta = metaOf(recounting);
    expect(meta.date).toEqual({ start: { year: 1960, month: 11 }, guessed: true });
    expect(formatDateSpan(meta.date!)).toBe('November 1960?');
    expect(plainDateSpan(meta.date!)).toBe('November 1960');
    expect(documentCitation(meta)).toBe('“Note on the Albanian delegation”, November 1960?');
  });

  it('a sentence ending in a date is still a sentence', () => {
    expect(metaOf('Note\n\nThe meeting ended in November 1960.').date?.guessed).toBe(true);
  });
});

describe('a date line at the top is the document’s date', () => {
  it.each([
    ['2 April 1962', { year: 1962, month: 4, day: 2 }],
    ['Prague, 2 April 1962', { year: 1962, month: 4, day: 2 }],
    ['New York, January 19, 1962.', { year: 1962, month: 1, day: 19 }],
    ['Date: April 1962', { year: 1962, month: 4 }],
  ])('“%s”', (line, start) => {
    const meta = metaOf(`Memorandum\n\n${line}\n\nThe comrades discussed the events of November 1960.`);
    expect(meta.date).toEqual({ start });
    expect(formatDateSpan(meta.date!)).not.toMatch(/\?$/);
  });
});

describe('libraries stored before guesses were told apart', () => {
  const blocks = parseSource(recounting, 'plain');
  const stored = { ...extractMetadata(blocks), date: { start: { year: 1960, month: 11 } } };

  it('a stored date that the text gives only as a guess is marked a guess at load', () => {
    expect(markGuessedDate(stored, blocks).date).toEqual({ start: { year: 1960, month: 11 }, guessed: true });
  });

  it('a date the researcher wrote, or confirmed, stays as it is', () => {
    const typed = { ...stored, date: { start: { year: 1961 } } };
    expect(markGuessedDate(typed, blocks)).toBe(typed);
    const confirmed = { ...stored, date: { start: { year: 1960, month: 11 }, guessed: false } };
    expect(markGuessedDate(confirmed, blocks)).toBe(confirmed);
  });

  it('a date read from a date line is no guess', () => {
    const dated = parseSource('Memorandum\n\nPrague, 2 April 1962\n\nText.', 'plain');
    const old = { ...extractMetadata(dated), date: { start: { year: 1962, month: 4, day: 2 } } };
    expect(markGuessedDate(old, dated).date?.guessed).toBeUndefined();
  });
});
