import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { compareDates, dateSortKey, findDate, formatDateSpan, parseDateSpan } from './dates';

const corpus = loadCorpus();
const meta = (id: string) => seed(corpus, id).meta;

describe('metadata read out of each seed', () => {
  it('the British brief: an archive entry with citation, archive reference and language', () => {
    const m = meta(seedIds.foBrief);
    expect(m.kind).toBe('archival document');
    expect(m.title).toBe(
      "Visit of the Italian Prime Minister and Foreign Secretary to the U.K. in Jan. 1962, Brief No. 5, 'Sino-Soviet Relations and Albania: East-West Relations Generally'",
    );
    expect(m.date && formatDateSpan(m.date)).toBe('19 January 1962');
    expect(m.publisher).toBe('Wilson Center Digital Archive');
    expect(m.archive).toMatch(/^The National Archives of the UK, FO 371\/151293 \(formerly 1071\/10\)/);
    expect(m.originalLanguage).toBe('English');
    expect(m.summary).toMatch(/^Written for the visit of Italian Prime Minister Amintore Fanfani/);
    expect(m.url).toBe('https://wilson-center-digital-archive.dvincitest.com/document/230125');
  });

  it('the Albanian report: translated, with its Albanian archive reference', () => {
    const m = meta(seedIds.albanianReport);
    expect(m.title).toBe('Report on the Stance of the DPRK towards Albania');
    expect(m.date && formatDateSpan(m.date)).toBe('16 January 1967');
    expect(m.archive).toBe('AQPPSH, MPP Korese, D 1, V. 1967');
    expect(m.originalLanguage).toBe('Albanian');
    expect(m.translator).toBe('Enkel Daljani');
  });

  it('the Czechoslovak memorandum: citation inside a scraped page, no language stated', () => {
    const m = meta(seedIds.czechMemo);
    expect(m.title).toBe(
      'Memorandum of Luncheon Given by Richard Dvořàk, Ambassador of Czechoslovakia to Moscow, for Comrade Ri Song-un, Ambassador of the DPRK, on 30 March 1962',
    );
    expect(m.date && formatDateSpan(m.date)).toBe('2 April 1962');
    expect(m.publisher).toBe('History and Public Policy Program Digital Archive');
    expect(m.archive).toBe('Central State Archive, Central Committee of the Communist Party of Czechoslovakia, Novotny Papers, 16.4.62, 23-26/1696, 17/4');
    expect(m.translator).toBe('Vojtech Mastny');
    expect(m.originalLanguage).toBeNull();
    expect(m.summary).toMatch(/^A memorandum of a meeting between Ambassador Dvorak/);
  });

  it('the journal article: title, author, journal, year and DOI', () => {
    const m = meta(seedIds.article);
    expect(m.kind).toBe('journal article');
    expect(m.title).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
    expect(m.authors).toEqual(['Andrey Edemskiy']);
    expect(m.publisher).toBe('Balcanica');
    expect(m.doi).toBe('10.2298/BALC1950375E');
    expect(m.date && formatDateSpan(m.date)).toBe('2019');
    expect(m.citation).toBe(
      'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961”, Balcanica (2019), https://doi.org/10.2298/BALC1950375E',
    );
    expect(m.summary).toMatch(/^Disagreement between Khrushchev and Enver Hoxha/);
  });

  it('the search listing: what it is, its nine entries and the span of their dates', () => {
    const m = meta(seedIds.listing);
    expect(m.kind).toBe('search listing');
    expect(m.title).toBe('Archive search results: 9 documents');
    expect(m.entries).toHaveLength(9);
    expect(m.entries[0]).toMatchObject({ title: 'Memorandum of Conversation with Comrade Mao Zedong in Hangzhou (7 June 1960)' });
    expect(m.entries.map((e) => formatDateSpan(e.date))).toContain('April 1957');
    expect(m.date && formatDateSpan(m.date)).toBe('26 December 1956 – 26 June 1964');
  });
});

describe('dates', () => {
  it('reads the forms the sources use', () => {
    expect(findDate('January 19, 1962')?.date).toEqual({ year: 1962, month: 1, day: 19 });
    expect(findDate('April 02, 1962')?.date).toEqual({ year: 1962, month: 4, day: 2 });
    expect(findDate('RECEIVED 19 JAN 1962')?.date).toEqual({ year: 1962, month: 1, day: 19 });
    expect(findDate('Moscow. 2 April 1962')?.date).toEqual({ year: 1962, month: 4, day: 2 });
    expect(parseDateSpan('April 1957')).toEqual({ start: { year: 1957, month: 4 } });
    expect(parseDateSpan('1960–1961')).toEqual({ start: { year: 1960 }, end: { year: 1961 } });
    expect(parseDateSpan('1962')).toEqual({ start: { year: 1962 } });
  });

  it('finds no date where there is none', () => {
    expect(findDate('Marku 2019')).toBeNull();
    expect(findDate('F 3, inv. 14, f. 463, p. 9')).toBeNull();
    expect(parseDateSpan('Results:')).toBeNull();
  });

  it('sorts partial dates before the precise dates they contain, and undated last', () => {
    const list = [parseDateSpan('April 15, 1957'), null, parseDateSpan('1957'), parseDateSpan('April 1957'), parseDateSpan('December 26, 1956')];
    const sorted = [...list].sort(compareDates).map((d) => (d ? formatDateSpan(d) : 'undated'));
    expect(sorted).toEqual(['26 December 1956', '1957', 'April 1957', '15 April 1957', 'undated']);
    expect(dateSortKey({ year: 1962, month: 1, day: 9 })).toBe('1962-01-09');
  });
});
