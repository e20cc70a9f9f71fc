import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../shared/actors/model';
import { actorChoices } from './actor-choices';

const t0 = '2026-11-01T10:00:00.000Z';
const khrushchev: Actor = { id: 'a1', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'N. S. Khrushchev'], created: t0, modified: t0 };

describe('actorChoices', () => {
  const choices = actorChoices([khrushchev], ['Khrushchev', 'N.S. Khrushchev', 'Ri Song-un', 'Ri Song Un', 'Ri Song-un', null, 'Hoxha']);

  it('offers the library’s actors with the passages naming them by any spelling', () => {
    expect(choices.actors).toEqual([{ id: 'a1', label: 'Nikita Khrushchev', count: 2 }]);
  });

  it('offers the names no actor answers to, one per spelling group, by the most used spelling', () => {
    expect(choices.names.map((n) => [n.label, n.count])).toEqual([
      ['Hoxha', 1],
      ['Ri Song-un', 3],
    ]);
  });

  it('resolves each tagged name to the choice it falls under', () => {
    const id = (name: string | null) => choices.resolver.resolve(name)?.id ?? null;
    expect(id('N. S. Khrushchev')).toBe('a1');
    expect(id('Ri Song Un')).toBe(choices.names[1]!.id);
    expect(id('Mao')).toBeNull();
    expect(id(null)).toBeNull();
  });
});
