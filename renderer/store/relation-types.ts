import type { RelationType } from '../../shared/links/model';
import {
  type RelationTypeFields,
  addRelationType,
  deleteRelationType,
  moveRelationType,
  recolorRelationType,
  renameRelationType,
} from '../../shared/links/relation-types';
import type { PalimpsestDb } from './db';

/// The researcher's relation types ("supports", "contradicts", …), edited
/// like tag types. Each edit reads the list, applies the rule from
/// shared/links and writes the list back, in one transaction.
export class RelationTypeStore {
  /// `onDeleted` runs after a relation type is deleted: the app clears the
  /// undo history there, since undoing an older step could bring back a
  /// link of the deleted type, and no file could then carry it.
  constructor(
    private readonly db: PalimpsestDb,
    private readonly onDeleted: () => void = () => {},
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
    await this.db.transaction('rw', [this.db.relationTypes, this.db.links], async () => {
      const types = deleteRelationType(await this.list(), id, await this.db.links.where('relation').equals(id).toArray());
      await this.db.relationTypes.clear();
      await this.db.relationTypes.bulkAdd(types);
    });
    this.onDeleted();
  }

  private async replace(change: (types: RelationType[]) => Promise<RelationType[]>): Promise<void> {
    await this.db.transaction('rw', this.db.relationTypes, async () => {
      await this.db.relationTypes.bulkPut(await change(await this.list()));
    });
  }
}
