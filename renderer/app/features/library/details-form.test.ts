import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../shared/corpus/metadata';
import { formOf, readForm } from './details-form';

const before = {
  ...extractMetadata([{ kind: 'paragraph', level: 0, marker: '', depth: 0, quoted: false, spans: [{ text: 'Memorandum of Luncheon', marks: [] }] }]),
  doi: '10.1000/x',
};

describe('the details form', () => {
  it('reads a partial date, authors with commas in their names, and the archive reference', () => {
    const form = {
      ...formOf(before, null),
      date: 'April 1962',
      authors: 'Dvořák, Richard; Ri Song-un',
      archive: ' Archive of the Ministry of Foreign Affairs ',
      fond: 'fond 89',
      folder: '',
      collection: ' Czechoslovak reports ',
    };
    const read = readForm(form, before);
    expect(read).toMatchObject({
      ok: true,
      meta: {
        date: { start: { year: 1962, month: 4 } },
        authors: ['Dvořák, Richard', 'Ri Song-un'],
        archive: 'Archive of the Ministry of Foreign Affairs',
        fond: 'fond 89',
        folder: null,
        doi: '10.1000/x',
      },
      collection: 'Czechoslovak reports',
    });
  });

  it('reads spans of years and a blank date as undated', () => {
    expect(readForm({ ...formOf(before, null), date: '1960–1961' }, before)).toMatchObject({
      ok: true,
      meta: { date: { start: { year: 1960 }, end: { year: 1961 } } },
    });
    expect(readForm({ ...formOf(before, null), date: '  ' }, before)).toMatchObject({ ok: true, meta: { date: null } });
  });

  it('says what is wrong with a date it cannot read, a missing title and a URL that is not one', () => {
    const read = readForm({ ...formOf(before, null), title: ' ', date: 'Spring 1962', url: 'www.example.org' }, before);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.date).toBe('“Spring 1962” is not a date Palimpsest can read. Write it as “19 January 1962”, “April 1962”, “1962” or “1960–1961”.');
    expect(read.errors.title).toMatch(/needs a title/);
    expect(read.errors.url).toMatch(/begins with http/);
  });

  it('keeps a date the form shows unchanged, even one it could not read back', () => {
    const spanned = { ...before, date: { start: { year: 1962, month: 4 }, end: { year: 1962, month: 5 } } };
    const form = formOf(spanned, 'Moscow');
    expect(form.date).toBe('April 1962 – May 1962');
    expect(readForm(form, spanned)).toMatchObject({ ok: true, meta: { date: spanned.date }, collection: 'Moscow' });
  });
});

describe('a date guessed from the text, in the form', () => {
  const guessed = { ...before, date: { start: { year: 1960, month: 11 }, guessed: true } };

  it('is shown without its question mark, and stays a guess when saved unconfirmed', () => {
    const form = formOf(guessed, null);
    expect(form.date).toBe('November 1960');
    expect(readForm({ ...form, title: 'Note' }, guessed)).toMatchObject({
      ok: true,
      meta: { title: 'Note', date: { start: { year: 1960, month: 11 }, guessed: true } },
    });
  });

  it('is no guess once confirmed, or once another date is written', () => {
    expect(readForm(formOf(guessed, null), guessed, { confirmDate: true })).toMatchObject({
      ok: true,
      meta: { date: { start: { year: 1960, month: 11 }, guessed: false } },
    });
    expect(readForm({ ...formOf(guessed, null), date: '2 April 1962' }, guessed)).toMatchObject({
      ok: true,
      meta: { date: { start: { year: 1962, month: 4, day: 2 }, guessed: false } },
    });
  });
});
