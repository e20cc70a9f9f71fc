import { ActorIndex } from './actor-index';
import { actorKey } from './key';
import type { Actor } from './model';

/// One spelling of a name as researchers tagged it, and how many times.
export interface NameUse {
  name: string;
  count: number;
}

/// An actor of the library with the spellings that resolve to it.
export interface ActorNames {
  actor: Actor;
  /// Most used first; empty for an actor no passage is tagged with yet.
  spellings: NameUse[];
  /// Tagged passages in all, over every spelling.
  count: number;
}

/// A tagged name no actor answers to, with its spellings: names with one
/// `actorKey` ("Ri Song-un", "Ri Song Un") are one entry, since one actor
/// created for either makes both resolve.
export interface UnresolvedName {
  /// The most used spelling (on a tie, the first met): the name to offer
  /// for a new actor.
  name: string;
  spellings: NameUse[];
  count: number;
}

export interface LibraryActors {
  /// Every actor, used or not, by name.
  actors: ActorNames[];
  /// Names to offer to create actors for, by name.
  unresolved: UnresolvedName[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/// Groups the names tagged in a library by the actor each resolves to.
/// `names` holds one entry per tagged passage (annotations' `actor`, `null`
/// where none), so each spelling comes with its count; blank names are left
/// out.
export function actorsForNames(names: Iterable<string | null>, actors: readonly Actor[] | ActorIndex): LibraryActors {
  const index = actors instanceof ActorIndex ? actors : new ActorIndex(actors);
  const counts = new Map<string, number>();
  for (const name of names) {
    if (name === null) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const byActor = new Map<string, NameUse[]>();
  const byKey = new Map<string, NameUse[]>();
  for (const [name, count] of counts) {
    const key = actorKey(name);
    if (!key) continue;
    const actor = index.resolveKey(key);
    const groups = actor ? byActor : byKey;
    const group = groups.get(actor ? actor.id : key);
    if (group) group.push({ name, count });
    else groups.set(actor ? actor.id : key, [{ name, count }]);
  }
  const listed = index.actors.map((actor) => grouped(byActor.get(actor.id) ?? [], (spellings, count) => ({ actor, spellings, count })));
  listed.sort((a, b) => collator.compare(a.actor.name, b.actor.name));
  const unresolved = [...byKey.values()].map((uses) => grouped(uses, (spellings, count) => ({ name: spellings[0]!.name, spellings, count })));
  unresolved.sort((a, b) => collator.compare(a.name, b.name));
  return { actors: listed, unresolved };
}

function grouped<T>(uses: NameUse[], make: (spellings: NameUse[], count: number) => T): T {
  // Array.prototype.sort is stable: on equal counts the first met stays first.
  const spellings = [...uses].sort((a, b) => b.count - a.count);
  return make(
    spellings,
    spellings.reduce((sum, use) => sum + use.count, 0),
  );
}
