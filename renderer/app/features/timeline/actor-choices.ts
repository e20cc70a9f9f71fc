import type { ActorResolver } from '../../../../shared/actors/actor-index';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import { actorKey } from '../../../../shared/actors/key';
import type { Actor } from '../../../../shared/actors/model';
import { actorsForNames } from '../../../../shared/actors/names';

/// One entry of the timeline's actor filter.
export interface ActorChoice {
  id: string;
  label: string;
  /// Tagged passages naming it, over all its spellings.
  count: number;
}

export interface ActorChoices {
  /// The library's actors, by name.
  actors: ActorChoice[];
  /// Tagged names no actor answers to yet, one per spelling group, by name.
  names: ActorChoice[];
  /// Resolves a tagged name to one of the choices' ids.
  resolver: ActorResolver;
}

// Ids of names no actor answers to; an actor's own id never starts so.
const namePrefix = 'name:';

/// What the actor filter offers: every actor of the library, and beside
/// them the tagged names not yet made actors, so that filtering works in a
/// library where the researcher has created no actors (a name and its other
/// spellings, "N.S. Khrushchev" and "N. S. Khrushchev", are one choice).
export function actorChoices(actors: readonly Actor[], taggedNames: Iterable<string | null>): ActorChoices {
  const index = new ActorIndex(actors);
  const grouped = actorsForNames(taggedNames, index);
  const unresolved = new Map<string, Actor>();
  for (const entry of grouped.unresolved) {
    const id = namePrefix + actorKey(entry.name);
    unresolved.set(actorKey(entry.name), { id, name: entry.name, aliases: entry.spellings.map((s) => s.name), created: '', modified: '' });
  }
  return {
    actors: grouped.actors.map((a) => ({ id: a.actor.id, label: a.actor.name, count: a.count })),
    names: grouped.unresolved.map((n) => ({ id: namePrefix + actorKey(n.name), label: n.name, count: n.count })),
    resolver: {
      resolve: (name) => (name === null ? null : (index.resolve(name) ?? unresolved.get(actorKey(name)) ?? null)),
    },
  };
}
