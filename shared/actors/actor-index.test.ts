import { describe, expect, it } from 'vitest';
import { ActorIndex } from './actor-index';
import type { Actor } from './model';

function actor(id: string, name: string, aliases: string[] = [], created = '2026-11-01T10:00:00.000Z'): Actor {
  return { id, name, aliases, created, modified: created };
}

const khrushchev = actor('a1', 'Nikita Khrushchev', ['Khrushchev', 'N. S. Khrushchev', 'N. Khrushchev']);
const hoxha = actor('a2', 'Enver Hoxha', ['Hoxha']);
const shehu = actor('a3', 'Mehmet Shehu', ['Mehmed Shehu']);

describe('ActorIndex', () => {
  const index = new ActorIndex([khrushchev, hoxha, shehu]);

  it('resolves every spelling the sources use to its actor', () => {
    for (const name of ['Nikita Khrushchev', 'Khrushchev', 'KHRUSHCHEV', 'N.S. Khrushchev', 'n s khrushchev', 'N. Khrushchev']) {
      expect(index.resolve(name)?.id, name).toBe('a1');
    }
    expect(index.resolve('Hoxha')).toBe(hoxha);
    expect(index.resolve('enver  hoxha')).toBe(hoxha);
    expect(index.resolve('Mehmed Shehu')).toBe(shehu);
  });

  it('resolves nothing for no name, an unknown one, or one without letters', () => {
    expect(index.resolve(null)).toBeNull();
    expect(index.resolve('Mikoyan')).toBeNull();
    expect(index.resolve('R. Khrushchev')).toBeNull();
    expect(index.resolve('')).toBeNull();
    expect(index.resolve(' – ')).toBeNull();
  });

  it('finds actors by id', () => {
    expect(index.byId('a2')).toBe(hoxha);
    expect(index.byId('zz')).toBeNull();
    expect(index.conflicts).toEqual([]);
  });

  it('settles a name two actors claim (as an import may bring) the same way whatever their order, and reports it', () => {
    // Two researchers' libraries merged: both made "Khrushchev" an alias.
    const sergei = actor('b1', 'Sergei Khrushchev', ['Khrushchev'], '2026-11-02T10:00:00.000Z');
    const nikitaLater = actor('b2', 'Khrushchev', [], '2026-11-03T10:00:00.000Z');
    for (const list of [
      [khrushchev, sergei],
      [sergei, khrushchev],
    ]) {
      const i = new ActorIndex(list);
      // The earlier-created actor wins an alias both list.
      expect(i.resolve('Khrushchev')?.id).toBe('a1');
      expect(i.conflicts.map((c) => [c.key, c.actors.map((a) => a.id)])).toEqual([['khrushchev', ['a1', 'b1']]]);
    }
    // A canonical name wins over an alias, however old the alias.
    expect(new ActorIndex([khrushchev, nikitaLater]).resolve('Khrushchev')?.id).toBe('b2');
  });

  it('refuses two actors with one id', () => {
    expect(() => new ActorIndex([hoxha, { ...shehu, id: 'a2' }])).toThrow(/Two actors have the id a2/);
  });
});
