import type { TagType } from '../../shared/annotation/model';
import type { RelationType } from '../../shared/links/model';
import type { PalimpsestDb } from './db';

/// A tag type or a relation type: an item of an ordered list of types.
export type TypeItem = TagType | RelationType;

/// Which list a type is in.
export type TypeTable = 'tagTypes' | 'relationTypes';

/// Takes the type `id` out of its list and numbers the rest 0, 1, 2…,
/// inside the caller's transaction. Resolves to where it stood.
export async function removeType(db: PalimpsestDb, table: TypeTable, id: string): Promise<number> {
  const list = await ordered(db, table);
  const at = list.findIndex((t) => t.id === id);
  if (at < 0) return -1;
  list.splice(at, 1);
  if (table === 'tagTypes') await db.tagTypes.delete(id);
  else await db.relationTypes.delete(id);
  await renumber(db, table, list);
  return at;
}

/// Puts `item` back into its list at position `at` and numbers the list
/// again, inside the caller's transaction. The other types are taken as
/// they are now: a rename or a new type since the deletion is kept, and no
/// two types share a place.
export async function insertType(db: PalimpsestDb, table: TypeTable, item: TypeItem, at: number): Promise<void> {
  const list = (await ordered(db, table)).filter((t) => t.id !== item.id);
  list.splice(Math.min(Math.max(at, 0), list.length), 0, item);
  await renumber(db, table, list);
}

async function ordered(db: PalimpsestDb, table: TypeTable): Promise<TypeItem[]> {
  const list: TypeItem[] = table === 'tagTypes' ? await db.tagTypes.toArray() : await db.relationTypes.toArray();
  return list.sort((a, b) => a.order - b.order);
}

async function renumber(db: PalimpsestDb, table: TypeTable, list: readonly TypeItem[]): Promise<void> {
  const numbered = list.map((t, order) => ({ ...t, order }));
  if (table === 'tagTypes') await db.tagTypes.bulkPut(numbered as TagType[]);
  else await db.relationTypes.bulkPut(numbered as RelationType[]);
}
