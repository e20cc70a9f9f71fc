import { mergeActors } from '../actors/edit';
import { actorKey } from '../actors/key';
import type { Actor } from '../actors/model';
import { keptAs, replaces } from './said';

/// What an import does with a file's actors. Besides what is added and
/// updated, a merge made in the file (its actor, the library's by id,
/// names another library actor's name) takes that actor in; a name that
/// another library actor holds is left out, with the reason; and a
/// library actor the file names by another id gains the file's aliases.
export interface ActorPlan {
  add: Actor[];
  update: Actor[];
  unchanged: number;
  /// Actors the library has and keeps although the file's differ: the
  /// file's is no newer.
  kept: number;
  /// Library actors taken into another, as a merge here would: deleted,
  /// every name of theirs now a name of `into`.
  merged: { id: string; name: string; into: string }[];
  /// Names left out: `holder` already answers to `name`.
  conflicts: { name: string; actor: string; holder: string }[];
  /// Names added to a library actor that the file names by another id.
  gained: { actor: string; names: string[] }[];
}

export const emptyActorPlan = (): ActorPlan => ({ add: [], update: [], unchanged: 0, kept: 0, merged: [], conflicts: [], gained: [] });

/// Plans a file's actors against the library's, so that after the import
/// no two actors claim one name (as every edit of `ActorStore` ensures):
/// - the library's actor by id is replaced when the file's is newer; a name
///   of the file's that is another library actor's name means the two were
///   merged where the file was made, and that actor is merged in here too,
///   its own aliases kept on the survivor; an alias of the file's that is
///   only another actor's alias is left out, since nothing says which of
///   the two it means;
/// - an actor the library knows by its name or an alias (under another id)
///   is the library's, which gains the file's other names, except those
///   another actor holds (left out, listed);
/// - any other actor is added.
export function planActors(incoming: readonly Actor[], library: ReadonlyMap<string, Actor>): ActorPlan {
  const plan = emptyActorPlan();
  const current = new Map(library);
  const owner = new Map<string, string>();
  const claim = (actor: Actor) => {
    for (const name of namesOf(actor)) if (actorKey(name)) owner.set(actorKey(name), actor.id);
  };
  const release = (actor: Actor) => {
    for (const name of namesOf(actor)) if (owner.get(actorKey(name)) === actor.id) owner.delete(actorKey(name));
  };
  for (const actor of current.values()) claim(actor);
  const added = new Set<string>();
  const written = new Set<string>();
  const store = (actor: Actor) => {
    current.set(actor.id, actor);
    if (!added.has(actor.id)) written.add(actor.id);
  };

  for (const actor of incoming) {
    const mine = current.get(actor.id);
    if (mine) {
      if (!replaces(actor, mine)) {
        plan[keptAs(actor, mine)]++;
        continue;
      }
      release(mine);
      let next: Actor = { ...actor, aliases: [] };
      for (const name of actor.aliases) {
        const key = actorKey(name);
        const holder = current.get(owner.get(key) ?? '');
        if (holder && holder.id !== actor.id && actorKey(holder.name) !== key) {
          plan.conflicts.push({ name, actor: actor.name, holder: holder.name });
          continue;
        }
        next = { ...next, aliases: [...next.aliases, name] };
      }
      for (const name of namesOf(next)) {
        const holder = current.get(owner.get(actorKey(name)) ?? '');
        if (!holder || holder.id === actor.id) continue;
        next = mergeActors(next, holder, next.modified).actor;
        release(holder);
        current.delete(holder.id);
        written.delete(holder.id);
        if (!added.delete(holder.id)) plan.merged.push({ id: holder.id, name: holder.name, into: next.name });
      }
      claim(next);
      store(next);
      continue;
    }
    const same = namesOf(actor)
      .map((name) => owner.get(actorKey(name)))
      .find((id) => id !== undefined);
    if (same === undefined) {
      current.set(actor.id, actor);
      added.add(actor.id);
      claim(actor);
      continue;
    }
    let target = current.get(same)!;
    const gained: string[] = [];
    for (const name of namesOf(actor)) {
      const key = actorKey(name);
      if (!key) continue;
      const holder = owner.get(key);
      if (holder === target.id) continue;
      if (holder !== undefined) {
        plan.conflicts.push({ name, actor: target.name, holder: current.get(holder)!.name });
        continue;
      }
      gained.push(name);
      owner.set(key, target.id);
    }
    if (gained.length === 0) {
      plan.unchanged++;
      continue;
    }
    const modified = Date.parse(actor.modified) > Date.parse(target.modified) ? actor.modified : target.modified;
    target = { ...target, aliases: [...target.aliases, ...gained], modified };
    plan.gained.push({ actor: target.name, names: gained });
    store(target);
  }
  plan.add = [...added].map((id) => current.get(id)!);
  plan.update = [...written].map((id) => current.get(id)!);
  return plan;
}

/// The preview's sentences for what the counts do not say: merges, names
/// gained, names left out.
export function actorNotes(plan: ActorPlan): string[] {
  const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');
  return [
    ...plan.merged.map((m) => `${m.name} merged into ${m.into}, as in the file: its names and passages go to ${m.into}.`),
    ...plan.gained.map((g) => `${g.actor} gains the name${g.names.length === 1 ? '' : 's'} ${quoted(g.names)}.`),
    ...plan.conflicts.map((c) => `${quoted([c.name])} left out of ${c.actor}: it already names ${c.holder}.`),
  ];
}

function namesOf(actor: Actor): string[] {
  return [actor.name, ...actor.aliases];
}
