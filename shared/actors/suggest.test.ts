import { describe, expect, it } from 'vitest';
import type { Actor } from './model';
import { suggestAliases } from './suggest';

const t0 = '2026-11-01T10:00:00.000Z';
function actor(id: string, name: string, aliases: string[] = []): Actor {
  return { id, name, aliases, created: t0, modified: t0 };
}

const khrushchev = actor('a1', 'Nikita Khrushchev');
const hoxha = actor('a2', 'Enver Hoxha');
const shehu = actor('a3', 'Mehmet Shehu');
const zhou = actor('a4', 'Zhou Enlai');
const riSongUn = actor('a5', 'Ri Song-un');
const fanfani = actor('a6', 'Amintore Fanfani');
const gromyko = actor('a7', 'Andrei Gromyko');
const mao = actor('a8', 'Mao Zedong');
const library = [khrushchev, hoxha, shehu, zhou, riSongUn, fanfani, gromyko, mao];

function suggested(names: string[], actors: Actor[] = library): Record<string, string> {
  return Object.fromEntries(suggestAliases(names, actors).map((s) => [s.name, s.actor.name]));
}

describe('suggestAliases', () => {
  it('offers the actor a surname with agreeing initials or given names names', () => {
    expect(suggested(['N. S. Khrushchev', 'N. Khrushchev', 'Khrushchev', 'Nikita Sergeyevich Khrushchev', 'Hoxha', 'E. Hoxha'])).toEqual({
      'N. S. Khrushchev': 'Nikita Khrushchev',
      'N. Khrushchev': 'Nikita Khrushchev',
      Khrushchev: 'Nikita Khrushchev',
      'Nikita Sergeyevich Khrushchev': 'Nikita Khrushchev',
      Hoxha: 'Enver Hoxha',
      'E. Hoxha': 'Enver Hoxha',
    });
  });

  it('sees through titles and inverted names as the sources write them', () => {
    expect(suggested(['Comrade Ri Song-un', 'Signor Fanfani', 'Foreign Minister Gromyko', 'Khrushchev, N. S.'])).toEqual({
      'Comrade Ri Song-un': 'Ri Song-un',
      'Signor Fanfani': 'Amintore Fanfani',
      'Foreign Minister Gromyko': 'Andrei Gromyko',
      'Khrushchev, N. S.': 'Nikita Khrushchev',
    });
  });

  it('never offers an actor of another surname, or one whose given names disagree', () => {
    // The corpus writes Zhou Enlai; an older romanisation is another surname to this rule.
    // "R. Khrushchev" is an OCR slip in the Albanian report, "Mehmed" the article's spelling.
    expect(suggested(['Chou En-lai', 'R. Khrushchev', 'Sergei Khrushchev', 'Mehmed Shehu', 'Li Songun', 'Enver', 'Mao'])).toEqual({});
  });

  it('checks every spelling the actor has, not only its name', () => {
    const listed = actor('a1', 'Nikita Khrushchev', ['N. S. Khrushchev']);
    expect(suggested(['N. A. Khrushchev', 'N. Khrushchev'], [listed])).toEqual({ 'N. Khrushchev': 'Nikita Khrushchev' });
  });

  it('offers nothing when two actors could be meant', () => {
    const nexhmije = actor('a9', 'Nexhmije Hoxha');
    expect(suggested(['Hoxha', 'E. Hoxha', 'N. Hoxha', 'Enver Hoxha'], [hoxha, nexhmije])).toEqual({ 'E. Hoxha': 'Enver Hoxha', 'N. Hoxha': 'Nexhmije Hoxha' });
  });

  it('skips names that already resolve', () => {
    expect(suggestAliases(['nikita khrushchev', 'Hoxha'], library).map((s) => s.name)).toEqual(['Hoxha']);
  });
});
