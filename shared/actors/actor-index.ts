import { actorKey } from './key';
import type { Actor } from './model';

/// Anything that resolves a tagged name to an actor: an `ActorIndex`, or a
/// stand-in in tests and views.
export interface ActorResolver {
  resolve(name: string | null): Actor | null;
}

/// A name that more than one actor claims, and who claims it. The editing
/// operations never make one (`addAlias` and `renameActor` refuse), but a
/// restored backup or an import can bring one in.
export interface ActorConflict {
  key: string;
  actors: Actor[];
}

interface Claim {
  actor: Actor;
  /// Whether the key is the actor's canonical name rather than an alias.
  canonical: boolean;
}

/// The library's actors, looked up by any of their names. Built once from
/// the list (build a new one when it changes); lookups cost one fold of the
/// name and one map read.
export class ActorIndex implements ActorResolver {
  readonly actors: readonly Actor[];
  /// Names that more than one actor claims; empty in a consistent library.
  readonly conflicts: readonly ActorConflict[];
  private readonly byKey = new Map<string, Claim>();
  private readonly byIdMap = new Map<string, Actor>();

  constructor(actors: readonly Actor[]) {
    this.actors = actors;
    const claims = new Map<string, Claim[]>();
    for (const actor of actors) {
      if (this.byIdMap.has(actor.id)) throw new RangeError(`Two actors have the id ${actor.id}; each actor needs an id of its own.`);
      this.byIdMap.set(actor.id, actor);
      const keys = new Set<string>();
      const claim = (name: string, canonical: boolean) => {
        const key = actorKey(name);
        if (!key || keys.has(key)) return;
        keys.add(key);
        const list = claims.get(key);
        if (list) list.push({ actor, canonical });
        else claims.set(key, [{ actor, canonical }]);
      };
      claim(actor.name, true);
      for (const alias of actor.aliases) claim(alias, false);
    }
    const conflicts: ActorConflict[] = [];
    for (const [key, list] of claims) {
      // A name two actors claim goes to the one whose canonical name it is,
      // else to the one created first: the same answer on every machine,
      // whatever order the actors were stored in.
      list.sort((a, b) => Number(b.canonical) - Number(a.canonical) || compareCreation(a.actor, b.actor));
      this.byKey.set(key, list[0]!);
      if (list.length > 1) conflicts.push({ key, actors: list.map((c) => c.actor) });
    }
    this.conflicts = conflicts;
  }

  /// The actor a tagged name names, through its canonical name or an alias
  /// compared by `actorKey`; `null` for no name or an unknown one.
  resolve(name: string | null): Actor | null {
    if (name === null) return null;
    const key = actorKey(name);
    return key ? (this.byKey.get(key)?.actor ?? null) : null;
  }

  /// The actor whose key is `key` (already folded by `actorKey`).
  resolveKey(key: string): Actor | null {
    return this.byKey.get(key)?.actor ?? null;
  }

  byId(id: string): Actor | null {
    return this.byIdMap.get(id) ?? null;
  }
}

function compareCreation(a: Actor, b: Actor): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
