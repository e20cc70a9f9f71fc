import { describe, expect, it } from 'vitest';
import { actorsForNames } from './names';
import type { Actor } from './model';

const t0 = '2026-11-01T10:00:00.000Z';
const khrushchev: Actor = { id: 'a1', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'N. Khrushchev'], created: t0, modified: t0 };
const hoxha: Actor = { id: 'a2', name: 'Enver Hoxha', aliases: ['Hoxha'], created: t0, modified: t0 };
const tito: Actor = { id: 'a3', name: 'Josip Broz Tito', aliases: [], created: t0, modified: t0 };

// The names on passages tagged Actor across the seed corpus, one per passage.
const tagged = [
  'Khrushchev',
  'Khrushchev',
  'Khrushchev',
  'N. Khrushchev',
  'N.Khrushchev',
  'khrushchev',
  'Enver Hoxha',
  'Hoxha',
  'Hoxha',
  'Ri Song-un',
  'Comrade Ri Song-un',
  'Ri Song Un',
  'Ri Song-un',
  'Mikoyan',
  null,
  '  ',
  'Mehmet Shehu',
  'Mehmed Shehu',
];

describe('actorsForNames', () => {
  const { actors, unresolved } = actorsForNames(tagged, [tito, khrushchev, hoxha]);

  it('lists every actor by name with the spellings that reach it, most used first', () => {
    expect(actors.map((a) => [a.actor.name, a.count])).toEqual([
      ['Enver Hoxha', 3],
      ['Josip Broz Tito', 0],
      ['Nikita Khrushchev', 6],
    ]);
    expect(actors[2]!.spellings).toEqual([
      { name: 'Khrushchev', count: 3 },
      { name: 'N. Khrushchev', count: 1 },
      { name: 'N.Khrushchev', count: 1 },
      { name: 'khrushchev', count: 1 },
    ]);
  });

  it('offers each unresolved name once, however it was spelt, under its commonest spelling', () => {
    expect(unresolved.map((u) => [u.name, u.count])).toEqual([
      ['Comrade Ri Song-un', 1],
      ['Mehmed Shehu', 1],
      ['Mehmet Shehu', 1],
      ['Mikoyan', 1],
      ['Ri Song-un', 3],
    ]);
    expect(unresolved[4]!.spellings.map((s) => s.name)).toEqual(['Ri Song-un', 'Ri Song Un']);
  });

  it('leaves out passages without a name', () => {
    const total = actors.reduce((n, a) => n + a.count, 0) + unresolved.reduce((n, u) => n + u.count, 0);
    expect(total).toBe(tagged.length - 2);
  });
});
