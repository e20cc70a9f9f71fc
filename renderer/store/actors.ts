import { ActorIndex } from '../../shared/actors/actor-index';
import { addAlias, createActor, mergeActors, removeAlias, renameActor } from '../../shared/actors/edit';
import type { Actor } from '../../shared/actors/model';
import type { Annotation } from '../../shared/annotation/model';
import * as rows from './annotation-rows';
import type { PalimpsestDb } from './db';
import type { Change, History } from './history';
import { InvalidInput } from '../../shared/errors';

type ActorChange = Extract<Change, { type: 'put-actors' }>;

/// The library's actors: people and bodies named in the sources, each with
/// the aliases that resolve to it. Every edit checks the names against the
/// other actors inside its transaction, so two actors never claim one name.
///
/// Each edit is a step of `history` (the annotations' undo stack, where the
/// app has one): Ctrl+Z after a merge takes back the merge, not whatever
/// annotation was edited before it.
export class ActorStore {
  constructor(
    private readonly db: PalimpsestDb,
    private readonly history: History | null = null,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async list(): Promise<Actor[]> {
    return (await this.db.actors.toArray()).sort((a, b) => a.name.localeCompare(b.name));
  }

  async index(): Promise<ActorIndex> {
    return new ActorIndex(await this.db.actors.toArray());
  }

  async create(name: string, aliases: readonly string[] = []): Promise<Actor> {
    return this.edit('Create actor', null, (others, time) =>
      aliases.reduce((actor, alias) => addAlias(actor, alias, others, time), createActor(name, time, this.newId(), others)),
    );
  }

  async addAlias(id: string, alias: string): Promise<Actor> {
    return this.edit('Add a name', id, (others, time, actor) => addAlias(actor!, alias, others, time));
  }

  async removeAlias(id: string, alias: string): Promise<Actor> {
    return this.edit('Remove a name', id, (_, time, actor) => removeAlias(actor!, alias, time));
  }

  /// Renames an actor; the old name stays as an alias, so passages tagged
  /// with it still resolve.
  async rename(id: string, name: string): Promise<Actor> {
    return this.edit('Rename actor', id, (others, time, actor) => renameActor(actor!, name, others, time));
  }

  /// Merges `dropId` into `keepId`: every name of the one becomes a name of
  /// the other, and the one is deleted. No annotation changes.
  async merge(keepId: string, dropId: string): Promise<Actor> {
    const { actor, keep, drop } = await this.db.transaction('rw', this.db.actors, async () => {
      const [keep, drop] = await Promise.all([this.get(keepId), this.get(dropId)]);
      const { actor, deleteId } = mergeActors(keep, drop, this.now().toISOString());
      await this.db.actors.delete(deleteId);
      await this.db.actors.put(actor);
      return { actor, keep, drop };
    });
    this.record('Merge actors', { put: [actor], delete: [drop.id] }, { put: [keep, drop], delete: [] });
    return actor;
  }

  async delete(id: string): Promise<void> {
    const gone = await this.db.transaction('rw', this.db.actors, async () => {
      const actor = await this.db.actors.get(id);
      await this.db.actors.delete(id);
      return actor;
    });
    if (gone) this.record('Delete actor', { put: [], delete: [id] }, { put: [gone], delete: [] });
  }

  /// The annotations tagged with any name of the actor: each spelling in the
  /// library that resolves to it is read by its index.
  async passagesOf(id: string): Promise<Annotation[]> {
    const index = await this.index();
    const names = (await rows.actors(this.db)).filter((name) => index.resolve(name)?.id === id);
    const found = await Promise.all(names.map((name) => rows.withActor(this.db, name)));
    return found.flat();
  }

  private async edit(label: string, id: string | null, change: (others: Actor[], time: string, actor: Actor | null) => Actor): Promise<Actor> {
    const { actor, next } = await this.db.transaction('rw', this.db.actors, async () => {
      const all = await this.db.actors.toArray();
      const actor = id === null ? null : await this.get(id);
      const next = change(
        all.filter((a) => a.id !== id),
        this.now().toISOString(),
        actor,
      );
      if (next !== actor) await this.db.actors.put(next);
      return { actor, next };
    });
    if (next !== actor) this.record(label, { put: [next], delete: [] }, actor ? { put: [actor], delete: [] } : { put: [], delete: [next.id] });
    return next;
  }

  // The edit is stored already; the step lets undo and redo carry it.
  private record(label: string, redo: Omit<ActorChange, 'type'>, undo: Omit<ActorChange, 'type'>): void {
    this.history?.record({ label, redo: [{ type: 'put-actors', ...redo }], undo: [{ type: 'put-actors', ...undo }] });
  }

  private async get(id: string): Promise<Actor> {
    const actor = await this.db.actors.get(id);
    if (!actor) throw new InvalidInput('$', `There is no actor ${id}; it may have been deleted or merged into another.`);
    return actor;
  }
}
