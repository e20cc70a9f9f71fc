import { actorKey } from './key';
import type { Actor } from './model';
import { InvalidInput } from '../errors';

// The editing operations of actors. Each returns a new actor and leaves its
// arguments alone; none touches an annotation, whose tagged name keeps
// resolving through the aliases these operations keep.

/// A name as it is stored: trimmed, inner white space collapsed to one space.
function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

function requireKey(name: string, what: string): string {
  const key = actorKey(name);
  if (!key) throw new InvalidInput('$', `${what} “${name}” has no letters or digits, so it cannot name an actor.`);
  return key;
}

/// The other actor (not `self`) that `key` already names, if any.
function claimant(key: string, others: readonly Actor[], self: string | null): Actor | null {
  for (const other of others) {
    if (other.id === self) continue;
    if (actorKey(other.name) === key || other.aliases.some((alias) => actorKey(alias) === key)) return other;
  }
  return null;
}

function taken(name: string, owner: Actor): InvalidInput {
  return new InvalidInput('$', `The name “${name}” already names the actor ${owner.name}; merge the two actors instead, or choose another name.`);
}

/// A new actor called `name`, with no aliases. `others`, when given, are
/// the library's actors: a name one of them already answers to throws,
/// since the new actor could never be found by it.
export function createActor(name: string, now: string, id: string, others: readonly Actor[] = []): Actor {
  const key = requireKey(name, 'The name');
  if (!id) throw new RangeError('A new actor needs a non-empty id.');
  const owner = claimant(key, others, id);
  if (owner) throw taken(tidy(name), owner);
  return { id, name: tidy(name), aliases: [], created: now, modified: now };
}

/// `actor` answering to `alias` too. An alias it already answers to (its
/// name included, in any spelling with the same `actorKey`) returns `actor`
/// itself, unchanged; one that names any of `others` throws an InvalidInput
/// naming that actor.
export function addAlias(actor: Actor, alias: string, others: readonly Actor[], now: string): Actor {
  const key = requireKey(alias, 'The alias');
  if (answersTo(actor, key)) return actor;
  const owner = claimant(key, others, actor.id);
  if (owner) throw taken(tidy(alias), owner);
  return { ...actor, aliases: [...actor.aliases, tidy(alias)], modified: now };
}

/// `actor` without the alias (every listed spelling with its key).
/// Annotations tagged with it no longer resolve to the actor. An alias the
/// actor does not have returns `actor` unchanged; its canonical name cannot
/// be removed (rename the actor first) and throws.
export function removeAlias(actor: Actor, alias: string, now: string): Actor {
  const key = actorKey(alias);
  if (key && key === actorKey(actor.name)) {
    throw new InvalidInput('$', `“${tidy(alias)}” is the name of ${actor.name}, not an alias; rename the actor before removing it.`);
  }
  const aliases = actor.aliases.filter((a) => actorKey(a) !== key);
  if (aliases.length === actor.aliases.length) return actor;
  return { ...actor, aliases, modified: now };
}

/// `actor` shown as `newName`. The old name becomes an alias, so passages
/// tagged with it still resolve; a new name that was an alias stops being
/// listed as one. A name one of `others` answers to throws. Respelling the
/// name within its key ("Nikita khrushchev" to "Nikita Khrushchev") adds
/// no alias: both spellings already resolve.
export function renameActor(actor: Actor, newName: string, others: readonly Actor[], now: string): Actor {
  const key = requireKey(newName, 'The new name');
  const name = tidy(newName);
  if (name === actor.name) return actor;
  const owner = claimant(key, others, actor.id);
  if (owner) throw taken(name, owner);
  const oldKey = actorKey(actor.name);
  const aliases = actor.aliases.filter((a) => actorKey(a) !== key);
  if (oldKey !== key && !aliases.some((a) => actorKey(a) === oldKey)) aliases.push(actor.name);
  return { ...actor, name, aliases, modified: now };
}

/// The result of a merge: the actor to store, and the id of the one to
/// delete.
export interface ActorMerge {
  actor: Actor;
  deleteId: string;
}

/// `keep` answering also to `drop`'s name and aliases (each spelling once
/// per key), keeping its own name, id and creation time; `drop` is to be
/// deleted. Every passage tagged with a name of either resolves to the
/// merged actor.
export function mergeActors(keep: Actor, drop: Actor, now: string): ActorMerge {
  if (keep.id === drop.id) throw new InvalidInput('$', `The actor ${keep.name} cannot be merged into itself.`);
  const keys = new Set([actorKey(keep.name), ...keep.aliases.map(actorKey)]);
  const aliases = [...keep.aliases];
  for (const name of [drop.name, ...drop.aliases]) {
    const key = actorKey(name);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    aliases.push(name);
  }
  return { actor: { ...keep, aliases, modified: now }, deleteId: drop.id };
}

function answersTo(actor: Actor, key: string): boolean {
  return actorKey(actor.name) === key || actor.aliases.some((alias) => actorKey(alias) === key);
}
