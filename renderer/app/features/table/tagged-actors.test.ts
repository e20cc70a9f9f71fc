import { describe, expect, it } from 'vitest';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import { taggedActors } from './tagged-actors';

const t0 = '2026-11-01T10:00:00.000Z';
const index = new ActorIndex([{ id: 'khrushchev', name: 'Nikita Khrushchev', aliases: ['N. S. Khrushchev'], created: t0, modified: t0 }]);
const resolver = taggedActors(index);

describe('taggedActors', () => {
  it('resolves a name an actor claims to that actor', () => {
    expect(resolver.resolve('N.S. Khrushchev')?.id).toBe('khrushchev');
  });

  it('gives a name no actor claims an actor of its own, shared by its other spellings', () => {
    const ri = resolver.resolve('Ri Song-un');
    expect(ri).toMatchObject({ name: 'Ri Song-un' });
    expect(resolver.resolve('ri song un')).toMatchObject({ id: ri!.id, name: 'ri song un' });
    expect(resolver.resolve('Richard Dvořàk')!.id).not.toBe(ri!.id);
  });

  it('names no one for no name, or a name without letters', () => {
    expect(resolver.resolve(null)).toBeNull();
    expect(resolver.resolve(' – ')).toBeNull();
  });
});
