import { describe, expect, it } from 'vitest';
import { firstLineTitle, pageTitle } from './titles';

describe('firstLineTitle', () => {
  it('drops the full stop that closes a first line', () => {
    expect(firstLineTitle('Report on the situation.')).toBe('Report on the situation');
    expect(firstLineTitle('Annex: the Albanian gold. ')).toBe('Annex: the Albanian gold');
    expect(firstLineTitle('Note on the “Albanian question”.')).toBe('Note on the “Albanian question”');
  });

  it('keeps an abbreviation’s, an initial’s and an ellipsis’s full stops, and a title without one', () => {
    for (const title of [
      'Brief No.',
      'Letter to George F.',
      'Relations with the U.S.S.R.',
      'Albania, Yugoslavia etc.',
      'And then…',
      'And then...',
      'Why Tirana?',
      'Memorandum',
    ])
      expect(firstLineTitle(title), title).toBe(title);
  });
});

describe('pageTitle', () => {
  it('drops a site’s name after a separator', () => {
    expect(pageTitle('Report on the Stance of the DPRK | Wilson Center Digital Archive')).toBe('Report on the Stance of the DPRK');
    expect(pageTitle('Sino-Soviet Relations and Albania – Wilson Center Digital Archive')).toBe('Sino-Soviet Relations and Albania');
    expect(pageTitle('The Final Break between Moscow and Tirana - Balcanica')).toBe('The Final Break between Moscow and Tirana');
    expect(pageTitle('Hungary - 1956: the Crisis - History Today')).toBe('Hungary - 1956: the Crisis');
  });

  it('drops the name the page gives its site, at either end', () => {
    expect(pageTitle('Wilson Center Digital Archive | A Telegram from Tirana', 'Wilson Center Digital Archive')).toBe('A Telegram from Tirana');
    expect(
      pageTitle(
        'A Telegram from Tirana :: The National Archives of the United Kingdom of Great Britain',
        'The National Archives of the United Kingdom of Great Britain',
      ),
    ).toBe('A Telegram from Tirana');
  });

  it('keeps a title with no separator, a hyphenated word, a span of years and a part’s name', () => {
    for (const title of [
      'Report on the Stance of the DPRK',
      'Sino-Soviet Relations',
      'The Split, 1960 – 1961',
      'Report on Albania – Part II',
      'Albania – the Long View of a Small Country’s Place among the Powers',
    ])
      expect(pageTitle(title), title).toBe(title);
  });
});
