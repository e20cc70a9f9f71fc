import type { RelationType } from '../../shared/links/model';
import {
  type RelationTypeFields,
  addRelationType,
  deletableRelationType,
  moveRelationType,
  recolorRelationType,
  renameRelationType,
} from '../../shared/links/relation-types';
import type { PalimpsestDb } from './db';
import type { History } from './history';
import { removeType } from './type-list';

/// The researcher's relation types ("supports", "contradicts", …), edited
/// like tag types. Each edit reads the list, applies the rule from
/// shared/links and writes the list back, in one transaction.
///
/// A deletion (only of a type no link uses) is a step of `history`, as a
/// tag type's is: Ctrl+Z puts it back where it was in the list.
export class RelationTypeStore {
  constructor(
    private readonly db: PalimpsestDb,
    private readonly history: History | null = null,
  ) {}

  async list(): Promise<RelationType[]> {
    return this.db.relationTypes.orderBy('order').toArray();
  }

  async add(fields: RelationTypeFields): Promise<RelationType> {
    return this.db.transaction('rw', this.db.relationTypes, async () => {
      const { types, added } = addRelationType(await this.list(), fields);
      await this.db.relationTypes.bulkPut(types);
      return added;
    });
  }

  async rename(id: string, fields: Omit<RelationTypeFields, 'color'>): Promise<void> {
    await this.replace(async (types) => renameRelationType(types, id, fields));
  }

  async recolor(id: string, color: string): Promise<void> {
    await this.replace(async (types) => recolorRelationType(types, id, color));
  }

  async move(id: string, direction: -1 | 1): Promise<void> {
    await this.replace(async (types) => moveRelationType(types, id, direction));
  }

  /// How many links use the relation type.
  async usage(id: string): Promise<number> {
    return this.db.links.where('relation').equals(id).count();
  }

  /// Deletes a relation type no link uses; refuses one in use, with the count.
  async delete(id: string): Promise<void> {
    const { gone, at } = await this.db.transaction('rw', [this.db.relationTypes, this.db.links], async () => {
      // Refuses a type in use, or one not in the list; the links are
      // counted, not read: a relation may name thousands.
      const gone = deletableRelationType(await this.list(), id, await this.usage(id));
      return { gone, at: await removeType(this.db, 'relationTypes', id) };
    });
    this.history?.record({
      label: 'Delete relation type',
      redo: [{ type: 'remove-type', table: 'relationTypes', id }],
      undo: [{ type: 'insert-type', table: 'relationTypes', item: gone, at }],
    });
  }

  private async replace(change: (types: RelationType[]) => Promise<RelationType[]>): Promise<void> {
    await this.db.transaction('rw', this.db.relationTypes, async () => {
      await this.db.relationTypes.bulkPut(await change(await this.list()));
    });
  }
}
