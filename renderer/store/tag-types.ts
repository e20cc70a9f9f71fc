import { slugOf } from '../../shared/slug';
import type { TagType } from '../../shared/annotation/model';
import * as rows from './annotation-rows';
import type { PalimpsestDb } from './db';
import type { History, Step } from './history';
import { removeType } from './type-list';
import { InvalidInput } from '../../shared/errors';

/// The researcher's own list of tag types: add, rename, recolour, reorder,
/// delete. Deleting takes the tag off the annotations that carry it; the
/// annotations themselves are kept.
///
/// A deletion is a step of `history` (the annotations' undo stack, where
/// the app has one): Ctrl+Z puts the type back, and its tag back on every
/// annotation it was taken off. Older steps stay undoable after it, since
/// undoing them first undoes the deletion.
export class TagTypeStore {
  constructor(
    private readonly db: PalimpsestDb,
    private readonly history: History | null = null,
  ) {}

  async list(): Promise<TagType[]> {
    return (await this.db.tagTypes.toArray()).sort((a, b) => a.order - b.order);
  }

  async add(name: string, color: string): Promise<TagType> {
    const clean = name.trim();
    if (!clean) throw new InvalidInput('$', 'A tag type needs a name.');
    return this.db.transaction('rw', this.db.tagTypes, async () => {
      const all = await this.list();
      if (all.some((t) => t.name.toLowerCase() === clean.toLowerCase())) throw new InvalidInput('$', `There is already a tag type called “${clean}”.`);
      const base = slugOf(clean, 'tag');
      let id = base;
      for (let n = 2; all.some((t) => t.id === id); n++) id = `${base}-${n}`;
      const tagType: TagType = { id, name: clean, color, order: all.reduce((max, t) => Math.max(max, t.order + 1), 0), namesActor: false };
      await this.db.tagTypes.add(tagType);
      return tagType;
    });
  }

  async rename(id: string, name: string): Promise<void> {
    const clean = name.trim();
    if (!clean) throw new InvalidInput('$', 'A tag type needs a name.');
    await this.db.transaction('rw', this.db.tagTypes, async () => {
      const all = await this.list();
      if (all.some((t) => t.id !== id && t.name.toLowerCase() === clean.toLowerCase()))
        throw new InvalidInput('$', `There is already a tag type called “${clean}”.`);
      await this.db.tagTypes.update(id, { name: clean });
    });
  }

  async recolor(id: string, color: string): Promise<void> {
    if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new InvalidInput('$', `“${color}” is not a colour of the form #rrggbb.`);
    await this.db.tagTypes.update(id, { color });
  }

  /// Moves a tag type one place up (-1) or down (+1) in the order.
  async move(id: string, direction: -1 | 1): Promise<void> {
    await this.db.transaction('rw', this.db.tagTypes, async () => {
      const all = await this.list();
      const at = all.findIndex((t) => t.id === id);
      const to = at + direction;
      if (at < 0 || to < 0 || to >= all.length) return;
      const [moved] = all.splice(at, 1);
      all.splice(to, 0, moved!);
      await this.db.tagTypes.bulkPut(all.map((t, order) => ({ ...t, order })));
    });
  }

  /// How many annotations carry the tag type.
  async usage(id: string): Promise<number> {
    return (await rows.withTag(this.db, id)).length;
  }

  /// Deletes a tag type and takes it off every annotation carrying it, in one
  /// transaction. Resolves to the number of annotations changed.
  async delete(id: string, now: Date = new Date()): Promise<number> {
    const step = await this.db.transaction('rw', [this.db.tagTypes, ...rows.tables(this.db)], async () => {
      const gone = await this.db.tagTypes.get(id);
      if (!gone) return null;
      const touched = await rows.withTag(this.db, id);
      const modified = now.toISOString();
      const untagged = touched.map((a) => ({ ...a, tags: a.tags.filter((t) => t !== id), modified }));
      await rows.put(this.db, untagged);
      const at = await removeType(this.db, 'tagTypes', id);
      const step: Step = {
        label: 'Delete tag type',
        redo: [...untagged.map((annotation) => ({ type: 'put' as const, annotation })), { type: 'remove-type', table: 'tagTypes', id }],
        undo: [{ type: 'insert-type', table: 'tagTypes', item: gone, at }, ...touched.map((annotation) => ({ type: 'put' as const, annotation }))],
      };
      return { step, count: touched.length };
    });
    if (!step) return 0;
    this.history?.record(step.step);
    return step.count;
  }
}
