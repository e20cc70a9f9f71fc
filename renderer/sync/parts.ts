import { type SharedLibrary, emptySharedLibrary } from '../../shared/sync/model';
import { type Ids, idsOf } from './base';

/// The ids of `items` (`kind:id`, as `writeChanges` gives them), by kind.
export function idsOfItems(items: readonly string[]): Ids {
  const ids = idsOf(emptySharedLibrary());
  for (const item of items) {
    const at = item.indexOf(':');
    ids[item.slice(0, at) as keyof SharedLibrary].add(item.slice(at + 1));
  }
  return ids;
}

/// The ids `one` or `other` holds, by kind.
export function idsOfBoth(one: SharedLibrary, other: SharedLibrary): Ids {
  const ids = idsOf(one);
  for (const [key, items] of Object.entries(idsOf(other))) for (const id of items) ids[key as keyof Ids].add(id);
  return ids;
}

/// `library` with `part`'s items in place of its own of the same ids.
export function withItems(library: SharedLibrary, part: SharedLibrary): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(library) as (keyof SharedLibrary)[]) {
    const items = new Map((library[key] as { id: string }[]).map((item) => [item.id, item]));
    for (const item of part[key] as { id: string }[]) items.set(item.id, item);
    result[key] = [...items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return result as unknown as SharedLibrary;
}

/// The items of `library` that `ids` names.
export function pick(library: SharedLibrary, ids: Ids): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(library) as (keyof SharedLibrary)[]) result[key] = (library[key] as { id: string }[]).filter((item) => ids[key].has(item.id));
  return result as unknown as SharedLibrary;
}

/// A library with every list empty, of the same kinds as `library`.
export function emptyOf(library: SharedLibrary): SharedLibrary {
  return Object.fromEntries(Object.keys(library).map((key) => [key, []])) as unknown as SharedLibrary;
}

/// The shared library, with what only the store holds added. The items
/// are `shared`'s own, not copies: `writeChanges` only reads them.
export function union(shared: SharedLibrary, store: SharedLibrary): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(shared) as (keyof SharedLibrary)[]) {
    const have = new Set((shared[key] as { id: string }[]).map((item) => item.id));
    result[key] = [...(shared[key] as { id: string }[]), ...(store[key] as { id: string }[]).filter((item) => !have.has(item.id))];
  }
  return result as unknown as SharedLibrary;
}
