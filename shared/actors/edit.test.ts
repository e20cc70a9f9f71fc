import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorIndex } from './actor-index';
import { actorKey } from './key';
import { addAlias, createActor, mergeActors, removeAlias, renameActor } from './edit';
import type { Actor } from './model';
import { InvalidInput } from '../errors';

const t0 = '2026-11-01T10:00:00.000Z';
const t1 = '2026-11-02T10:00:00.000Z';

function frozen(actor: Actor): Actor {
  Object.freeze(actor.aliases);
  return Object.freeze(actor);
}

const khrushchev = frozen({ ...createActor('Nikita Khrushchev', t0, 'a1'), aliases: ['Khrushchev'] });
const hoxha = frozen({ ...createActor('Enver Hoxha', t0, 'a2'), aliases: ['Hoxha'] });
const library = [khrushchev, hoxha];

describe('createActor', () => {
  it('makes an actor with the name tidied and no aliases', () => {
    expect(createActor('  Mehmet   Shehu ', t0, 'a3')).toEqual({ id: 'a3', name: 'Mehmet Shehu', aliases: [], created: t0, modified: t0 });
  });

  it('refuses a name with no letters, and one another actor already answers to', () => {
    expect(() => createActor(' . ', t0, 'a3')).toThrow(InvalidInput);
    expect(() => createActor('KHRUSHCHEV', t0, 'a3', library)).toThrow(
      'The name “KHRUSHCHEV” already names the actor Nikita Khrushchev; merge the two actors instead, or choose another name.',
    );
  });
});

describe('addAlias', () => {
  it('adds an alias that then resolves, leaving the original alone', () => {
    const next = addAlias(khrushchev, 'N. S. Khrushchev', [hoxha], t1);
    expect(next.aliases).toEqual(['Khrushchev', 'N. S. Khrushchev']);
    expect(next.modified).toBe(t1);
    expect(khrushchev.aliases).toEqual(['Khrushchev']);
    expect(new ActorIndex([next, hoxha]).resolve('N.S. Khrushchev')?.id).toBe('a1');
  });

  it('does nothing for a spelling the actor already answers to', () => {
    expect(addAlias(khrushchev, 'khrushchev', library, t1)).toBe(khrushchev);
    expect(addAlias(khrushchev, 'NIKITA KHRUSHCHEV', library, t1)).toBe(khrushchev);
  });

  it('refuses an alias that names another actor, saying which', () => {
    expect(() => addAlias(khrushchev, 'hoxha', library, t1)).toThrow(InvalidInput);
    expect(() => addAlias(khrushchev, 'hoxha', library, t1)).toThrow(
      'The name “hoxha” already names the actor Enver Hoxha; merge the two actors instead, or choose another name.',
    );
    expect(() => addAlias(khrushchev, '—', library, t1)).toThrow(/has no letters or digits/);
  });
});

describe('removeAlias', () => {
  it('removes an alias in any spelling of it', () => {
    const next = removeAlias(khrushchev, 'KHRUSHCHEV', t1);
    expect(next.aliases).toEqual([]);
    expect(new ActorIndex([next]).resolve('Khrushchev')).toBeNull();
    expect(khrushchev.aliases).toEqual(['Khrushchev']);
  });

  it('does nothing for an alias the actor does not have, and refuses to remove its name', () => {
    expect(removeAlias(khrushchev, 'Hoxha', t1)).toBe(khrushchev);
    expect(() => removeAlias(khrushchev, 'nikita khrushchev', t1)).toThrow(
      '“nikita khrushchev” is the name of Nikita Khrushchev, not an alias; rename the actor before removing it.',
    );
  });
});

describe('renameActor', () => {
  it('keeps the old name as an alias, so passages tagged with it still resolve', () => {
    const next = renameActor(khrushchev, 'Nikita Sergeyevich Khrushchev', library, t1);
    expect(next.name).toBe('Nikita Sergeyevich Khrushchev');
    expect(next.aliases).toEqual(['Khrushchev', 'Nikita Khrushchev']);
    const index = new ActorIndex([next, hoxha]);
    for (const tagged of ['Nikita Khrushchev', 'Khrushchev', 'Nikita Sergeyevich Khrushchev']) expect(index.resolve(tagged)?.id).toBe('a1');
  });

  it('promotes an alias to the name without listing it twice', () => {
    const next = renameActor(khrushchev, 'Khrushchev', library, t1);
    expect(next).toMatchObject({ name: 'Khrushchev', aliases: ['Nikita Khrushchev'] });
  });

  it('respells the name without adding an alias of the same name', () => {
    const lower = { ...khrushchev, name: 'nikita khrushchev' };
    expect(renameActor(lower, 'Nikita Khrushchev', library, t1)).toMatchObject({ name: 'Nikita Khrushchev', aliases: ['Khrushchev'] });
  });

  it('refuses a name another actor answers to', () => {
    expect(() => renameActor(khrushchev, 'Enver Hoxha', library, t1)).toThrow(
      'The name “Enver Hoxha” already names the actor Enver Hoxha; merge the two actors instead, or choose another name.',
    );
  });
});

describe('mergeActors', () => {
  it('gives the kept actor every name of the dropped one, so all their passages resolve to it', () => {
    const dup = frozen({ id: 'a9', name: 'N. S. Khrushchev', aliases: ['KHRUSHCHEV', 'N. Khrushchev'], created: t1, modified: t1 });
    const { actor, deleteId } = mergeActors(khrushchev, dup, t1);
    expect(deleteId).toBe('a9');
    expect(actor).toEqual({ ...khrushchev, aliases: ['Khrushchev', 'N. S. Khrushchev', 'N. Khrushchev'], modified: t1 });
    const index = new ActorIndex([actor, hoxha]);
    for (const tagged of ['N.S. Khrushchev', 'Khrushchev', 'n khrushchev', 'Nikita Khrushchev']) expect(index.resolve(tagged)?.id).toBe('a1');
  });

  it('refuses to merge an actor into itself', () => {
    expect(() => mergeActors(khrushchev, khrushchev, t1)).toThrow('The actor Nikita Khrushchev cannot be merged into itself.');
  });
});

describe('a library edited at random', () => {
  const names = [
    'Khrushchev',
    'N. S. Khrushchev',
    'Nikita Khrushchev',
    'Enver Hoxha',
    'Hoxha',
    'Mehmet Shehu',
    'Mehmed Shehu',
    'Zhou Enlai',
    'Chou En-lai',
    'Ri Song-un',
    'Ri Song Un',
    'Mikoyan',
    'Anastas Mikoyan',
  ];
  const op = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom(...names) }),
    fc.record({ kind: fc.constant('alias' as const), at: fc.nat(), name: fc.constantFrom(...names) }),
    fc.record({ kind: fc.constant('unalias' as const), at: fc.nat(), name: fc.constantFrom(...names) }),
    fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.constantFrom(...names) }),
    fc.record({ kind: fc.constant('merge' as const), at: fc.nat(), other: fc.nat() }),
  );

  it('never lets two actors claim one name, and never loses a name the actor answered to except by removing it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let actors: Actor[] = [];
        let next = 0;
        for (const o of ops) {
          const before = new ActorIndex(actors);
          const target = actors.length > 0 && o.kind !== 'create' ? actors[o.at % actors.length]! : null;
          try {
            if (o.kind === 'create') {
              actors = [...actors, createActor(o.name, t0, `x${next++}`, actors)];
              continue;
            }
            if (!target) continue;
            const answered = [target.name, ...target.aliases];
            if (o.kind === 'merge') {
              const drop = actors[o.other % actors.length]!;
              if (drop.id === target.id) continue;
              const { actor, deleteId } = mergeActors(target, drop, t1);
              actors = actors.filter((a) => a.id !== deleteId).map((a) => (a.id === actor.id ? actor : a));
              const after = new ActorIndex(actors);
              for (const n of [...answered, drop.name, ...drop.aliases]) expect(after.resolve(n)?.id).toBe(target.id);
              continue;
            }
            const changed =
              o.kind === 'alias'
                ? addAlias(target, o.name, actors, t1)
                : o.kind === 'unalias'
                  ? removeAlias(target, o.name, t1)
                  : renameActor(target, o.name, actors, t1);
            actors = actors.map((a) => (a.id === target.id ? changed : a));
            const after = new ActorIndex(actors);
            for (const n of answered) {
              if (o.kind === 'unalias' && actorKey(n) === actorKey(o.name)) continue;
              expect(after.resolve(n)?.id).toBe(target.id);
            }
            if (o.kind === 'unalias') expect(after.resolve(o.name)?.id).not.toBe(target.id);
            else expect(after.resolve(o.name)?.id).toBe(target.id);
          } catch (error) {
            if (!(error instanceof InvalidInput)) throw error;
            if (o.kind === 'merge') throw error;
            const owner = before.resolve(o.name)?.id;
            // Removing the name itself is refused; anything else refused would
            // have taken another actor's name.
            if (o.kind === 'unalias') expect(owner).toBe(target?.id);
            else expect(owner).toBeDefined(), expect(owner).not.toBe(target?.id);
          }
          expect(new ActorIndex(actors).conflicts).toEqual([]);
        }
      }),
    );
  });
});
