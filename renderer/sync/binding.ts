import type * as Y from 'yjs';
import { carriedSince, documentOf, readItems, readLibrary, writeChanges } from '../../shared/sync/mapping';
import { type Author, type SharedAnnotation, type SharedLibrary, emptySharedLibrary } from '../../shared/sync/model';
import type { PalimpsestDb } from '../store/db';
import { Base, type Ids, idsOf } from './base';
import type { Carried } from './carried';
import { type Journal, type Marks, copyMarks } from './journal';
import { differing, overlay, readScope, readStore, writeStore } from './store-library';
import { type Touches, Touched } from './touched';

/// What a binding tells its session, beyond errors.
export interface BindingOptions {
  /// A read-only member: the project's changes come into the store, and
  /// nothing of this machine's goes to the project (the server would
  /// refuse it); what is changed here stays here.
  readOnly?: boolean;
  /// The items (`kind:id`) whose local changes were just written to the
  /// doc, on their way to the server.
  onWritten?: (items: string[]) => void;
  /// Read only: how many items this machine holds otherwise than the
  /// project, after each round trip.
  onLocalOnly?: (count: number) => void;
  /// Keeps marks of the store's changes not yet carried to the doc, across
  /// a quit or a crash, for the join at the next launch (`start(true)`).
  journal?: Journal;
  /// Resolves once what was written to the doc so far is kept on disk
  /// (the doc's own store writes each update a moment after it is made):
  /// only then is a change's mark dropped.
  persisted?: () => Promise<void>;
  /// Keeps the base's ids beside the project's copy after each round
  /// trip, for the join at the next launch: with them it carries a
  /// deletion made here, and a colleague's that reached the copy, where a
  /// join without them would add the item back.
  carried?: Carried;
  /// The rows a round trip wrote into the store from the project (a
  /// colleague's changes, or the project's at a join), by kind and id.
  onArrived?: (ids: Ids) => void;
  /// This machine's clock, for the stamps of who changed what when (the
  /// store's own stamps come from the same clock).
  now?: () => Date;
}

/// Keeps the local store and a shared project's Y.Doc the same, both ways.
/// The app's views keep reading the store; a write there reaches the doc a
/// moment later, and a change arriving in the doc (from the server) is
/// written into the store. Each round trip is one `reconcile`, run one at
/// a time: the store's changes since the last one go to the doc, then the
/// doc (with everyone's) comes back to the store. Nothing waits for the
/// network: the doc is local, the provider sends it when it can.
export class SyncBinding {
  private base: Base | null = null;
  private touched: Touched | null = null;
  /// Read only: the items (`kind:id`) held here otherwise than the project.
  private readonly localOnly = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: PalimpsestDb,
    private readonly doc: Y.Doc,
    private readonly author: () => Author,
    private readonly onError: (error: Error) => void = () => {},
    private readonly options: BindingOptions = {},
  ) {}

  /// Joins the store to the doc: what either holds and the other lacks is
  /// added to the other (a researcher joining keeps their own library, and
  /// it joins the project), then changes flow both ways until `stop`. The
  /// join reads both whole, once; each round trip after reads only what
  /// changed since the last.
  ///
  /// `resumed`: the app opened again on a library already in the project.
  /// Then the journal's marks tell what the researcher changed here that
  /// the app closed before carrying: the store's version of it goes to the
  /// project, where a first join would keep the project's older one.
  async start(resumed = false): Promise<void> {
    // Listening first: a change made while the join reads and writes is
    // carried by the round trip after it.
    this.touched = new Touched(this.db, this.doc, () => this.schedule(), this.options.journal);
    const marks = copyMarks(this.options.journal?.marks);
    const kept = resumed ? ((await this.options.carried?.read()) ?? null) : null;
    const store = await readStore(this.db);
    const shared = readLibrary(this.doc);
    if (this.options.readOnly) {
      // The project comes in; the member's own library stays, unsent.
      // What the kept base held and the project no longer holds, the
      // project deleted: it goes from the member's library too.
      const target = overlay(store, deletedFrom(shared, kept), shared);
      const { held, arrived } = await writeStore(this.db, store, target);
      this.arrived(arrived);
      this.base = new Base(shared);
      // What the member changed meanwhile has not taken the project's
      // version: the base forgets it, so the next round trip brings it.
      this.base.replace(emptyOf(shared), held);
      for (const item of differing(target, shared)) this.localOnly.add(item);
      this.options.onLocalOnly?.(this.localOnly.size);
    } else {
      const stamp = this.stamp();
      const after = resumed && this.options.journal ? resumedLibrary(this.doc, shared, store, marks, stamp.by.id, kept) : union(shared, store);
      const written = writeChanges(this.doc, shared, after, stamp, 'local');
      this.written(written);
      // Only what the join wrote changed in the doc: read those again
      // (one it deleted there reads as none, and goes from the store).
      const writtenIds = idsOfItems(written);
      const merged = withItems(shared, readItems(this.doc, writtenIds), writtenIds);
      const { held, arrived } = await writeStore(this.db, store, merged);
      this.arrived(arrived);
      this.base = new Base(merged);
      // The doc holds `store`'s version of what was changed meanwhile:
      // the next round trip carries only the change since.
      this.base.replace(pick(store, held), held);
    }
    await this.keep();
    if (!this.options.readOnly) await this.forget(marks);
    this.schedule();
  }

  /// Stops following either side (a project left).
  stop(): void {
    this.touched?.stop();
    if (this.timer) clearTimeout(this.timer);
  }

  /// Resolves once every change made so far has been carried both ways.
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.queue();
    }
    await this.running;
  }

  private schedule(): void {
    // Edits come in bursts (typing a note): one round trip per burst.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.queue();
    }, 150);
  }

  private queue(): void {
    this.running = this.running.then(() => this.reconcile()).catch((error: unknown) => this.onError(error as Error));
  }

  private async reconcile(): Promise<void> {
    if (!this.base || !this.touched) return;
    const touches = this.touched.take();
    try {
      await this.roundTrip(this.base, touches);
      await this.keep();
      if (!this.options.readOnly) await this.forget(touches);
    } catch (error) {
      // Tried again with the next change: nothing touched is forgotten.
      this.touched.restore(touches);
      throw error;
    }
  }

  // One round trip over what `touches` names: the store's changes to the
  // doc, then the doc's (with everyone's) to the store.
  private async roundTrip(base: Base, touches: Touches): Promise<void> {
    const { documentsOfAnnotations, ids } = touches;
    if (!touches.full && documentsOfAnnotations.size === 0 && Object.values(ids).every((set) => set.size === 0)) return;
    const documentOfAnnotation = (id: string) => documentOf(this.doc, id) ?? base.documentOf(id);
    if (touches.full) {
      // A write that named no rows (another thread cleared a table): the
      // whole store against the whole project, as the join does.
      const store = await readStore(this.db);
      const scope = idsOf(store);
      for (const [key, items] of Object.entries(idsOf(readLibrary(this.doc)))) for (const id of items) scope[key as keyof Ids].add(id);
      return this.carry(base, store, scope, documentOfAnnotation);
    }
    // A researcher's annotation write names its document: all of that
    // document's are read and compared (the base says which it held). An
    // annotation the project changed is read by id, where the store holds
    // it: where the base last saw it.
    const annotations = new Set(ids.annotations);
    for (const documentId of documentsOfAnnotations) for (const id of base.annotationsOn(documentId)) annotations.add(id);
    const refs = [...ids.annotations]
      .map((id) => ({ id, documentId: base.documentOf(id) ?? documentOfAnnotation(id) }))
      .filter((ref): ref is { id: string; documentId: string } => ref.documentId !== null && !documentsOfAnnotations.has(ref.documentId));
    const store = await readScope(this.db, { documentsOfAnnotations, annotations: refs, ids });
    for (const annotation of store.annotations) annotations.add(annotation.id);
    const scope: Ids = { ...ids, annotations };
    return this.carry(base, store, scope, documentOfAnnotation);
  }

  // The store's changes in `scope` (as `store` holds it) to the doc, then
  // the doc's to the store, and the base moved on.
  private async carry(base: Base, store: SharedLibrary, scope: Ids, documentOfAnnotation: (id: string) => string | null): Promise<void> {
    const before = base.part(scope);
    if (this.options.readOnly) {
      const shared = readItems(this.doc, scope);
      const target = overlay(store, before, shared);
      const { held, arrived } = await writeStore(this.db, store, target, documentOfAnnotation);
      this.arrived(arrived);
      base.replace(shared, scope);
      // Not yet in the store: the next round trip compares against what was.
      base.replace(pick(before, held), held);
      for (const [key, items] of Object.entries(scope)) for (const id of items) this.localOnly.delete(`${key}:${id}`);
      for (const item of differing(target, shared)) this.localOnly.add(item);
      this.options.onLocalOnly?.(this.localOnly.size);
      return;
    }
    this.written(writeChanges(this.doc, before, store, this.stamp(), 'local'));
    const shared = readItems(this.doc, scope);
    const { held, arrived } = await writeStore(this.db, store, shared, documentOfAnnotation);
    this.arrived(arrived);
    base.replace(shared, scope);
    // A row the researcher changed while this ran kept their change and
    // missed the project's. The doc has what `store` held of it, so that
    // is its base: the next round trip sends only the change since, and a
    // colleague's edit of another field is not undone by the old value.
    base.replace(pick(store, held), held);
  }

  // Writes where the base's ids are kept what moved in it since the last
  // write; a write that failed is made again, with more, after the next
  // round trip.
  private async keep(): Promise<void> {
    const carried = this.options.carried;
    if (!carried || !this.base) return;
    const change = this.base.keptChange();
    if (!change.whole && change.put.length === 0 && change.removed.length === 0) return;
    await carried.write(change);
    this.base.kept();
  }

  // Drops the journal's marks of `carried`, once the doc is on disk,
  // but not of what was changed again since.
  private async forget(carried: Marks): Promise<void> {
    const journal = this.options.journal;
    if (!journal || !this.touched) return;
    await this.options.persisted?.();
    journal.unmark(carried, this.touched.peek());
  }

  private arrived(ids: Ids): void {
    if (Object.values(ids).some((set) => set.size > 0)) this.options.onArrived?.(ids);
  }

  private written(items: string[]): void {
    if (items.length > 0) this.options.onWritten?.(items);
  }

  private stamp() {
    return { by: this.author(), at: (this.options.now?.() ?? new Date()).toISOString() };
  }
}

// What a relaunch's join writes into the project: as a first join, the
// project with what only the store holds added, and the store's version
// of each item changed here and not yet carried when the app closed. A
// marked annotation (its document marked) counts as not carried unless
// the project's history holds a write of it, by this machine or by the
// author the store names, at its stamp or later; an item of another kind
// is marked by its id. Marks that cannot tell (`full`) leave the
// project's version, as before there were any.
//
// With the base's ids as last kept (`kept`), a join also removes: an item
// the base held that the project no longer holds was deleted there since
// (it goes from the store, unless it was changed here: an annotation or
// link edited here outlives the deletion, as in a round trip, and a
// document keeps any annotation kept on it); one the base held that the
// store no longer holds, marked here, was deleted here (it goes from the
// project). Without them, or unmarked, nothing is removed.
function resumedLibrary(doc: Y.Doc, shared: SharedLibrary, store: SharedLibrary, marks: Marks, me: string, kept: Ids | null): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  // Annotations first: a document a colleague deleted stays if one is kept on it.
  const keys = (Object.keys(shared) as (keyof SharedLibrary)[]).sort((a, b) => Number(b === 'annotations') - Number(a === 'annotations'));
  let annotated = new Set<string>();
  for (const key of keys) {
    if (key === 'documents') annotated = new Set((result.annotations as SharedAnnotation[]).map((annotation) => annotation.documentId));
    const items = new Map((shared[key] as { id: string }[]).map((item) => [item.id, item]));
    const held = kept?.[key] ?? new Set<string>();
    const inStore = new Set<string>();
    for (const item of store[key] as { id: string }[]) {
      inStore.add(item.id);
      if (items.has(item.id)) {
        if (changedHere(doc, key, item, marks, me)) items.set(item.id, item);
      } else if (!held.has(item.id) || outlivesDeletion(doc, key, item, marks, me, annotated)) items.set(item.id, item);
    }
    for (const [id, item] of items) if (!inStore.has(id) && held.has(id) && deletedHere(key, item, marks)) items.delete(id);
    result[key] = [...items.values()].sort(byId);
  }
  return result as unknown as SharedLibrary;
}

// Whether an item of the store's that a colleague deleted since it was
// carried stays: an annotation or link changed here (the edit wins, as
// in a round trip), or a document with an annotation kept on it (one of
// `annotated`, the documents of the join's annotations).
function outlivesDeletion(doc: Y.Doc, key: keyof SharedLibrary, item: { id: string }, marks: Marks, me: string, annotated: ReadonlySet<string>): boolean {
  if (key === 'annotations' || key === 'links') return changedHere(doc, key, item, marks, me);
  return key === 'documents' && annotated.has(item.id);
}

// Whether the journal marks `item`, held by the project and no longer by
// the store, as written here: deleted here.
function deletedHere(key: keyof SharedLibrary, item: { id: string }, marks: Marks): boolean {
  if (marks.full) return false;
  if (key === 'annotations') return marks.documentsOfAnnotations.has((item as SharedAnnotation).documentId);
  return marks.ids[key].has(item.id);
}

// The part of a base that a read-only member's join lays the project's
// changes over: the kept ids the project no longer holds (deleted there),
// as bare items. The rest is taken as new, as a first join takes it.
function deletedFrom(shared: SharedLibrary, kept: Ids | null): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(shared) as (keyof SharedLibrary)[]) {
    const now = new Set((shared[key] as { id: string }[]).map((item) => item.id));
    result[key] = [...(kept?.[key] ?? [])].filter((id) => !now.has(id)).map((id) => ({ id }));
  }
  return result as unknown as SharedLibrary;
}

function changedHere(doc: Y.Doc, key: keyof SharedLibrary, item: { id: string }, marks: Marks, me: string): boolean {
  if (marks.full) return false;
  if (key !== 'annotations') return marks.ids[key].has(item.id);
  const annotation = item as SharedAnnotation;
  if (!marks.documentsOfAnnotations.has(annotation.documentId)) return false;
  const authors = annotation.modifiedBy ? [me, annotation.modifiedBy.id] : [me];
  return !carriedSince(doc, 'annotations', item.id, authors, annotation.modified);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// The ids of `items` (`kind:id`, as `writeChanges` gives them), by kind.
function idsOfItems(items: readonly string[]): Ids {
  const ids = idsOf(emptySharedLibrary());
  for (const item of items) {
    const at = item.indexOf(':');
    ids[item.slice(0, at) as keyof SharedLibrary].add(item.slice(at + 1));
  }
  return ids;
}

// `library` with `part`'s items in place of its own of `ids`: those of
// `ids` that `part` lacks are gone.
function withItems(library: SharedLibrary, part: SharedLibrary, ids: Ids): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(library) as (keyof SharedLibrary)[]) {
    const items = new Map((library[key] as { id: string }[]).map((item) => [item.id, item]));
    for (const id of ids[key]) items.delete(id);
    for (const item of part[key] as { id: string }[]) items.set(item.id, item);
    result[key] = [...items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return result as unknown as SharedLibrary;
}

// The items of `library` that `ids` names.
function pick(library: SharedLibrary, ids: Ids): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(library) as (keyof SharedLibrary)[]) result[key] = (library[key] as { id: string }[]).filter((item) => ids[key].has(item.id));
  return result as unknown as SharedLibrary;
}

// A library with every list empty, of the same kinds as `library`.
function emptyOf(library: SharedLibrary): SharedLibrary {
  return Object.fromEntries(Object.keys(library).map((key) => [key, []])) as unknown as SharedLibrary;
}

// The shared library, with what only the store holds added. The items
// are `shared`'s own, not copies: `writeChanges` only reads them.
function union(shared: SharedLibrary, store: SharedLibrary): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(shared) as (keyof SharedLibrary)[]) {
    const have = new Set((shared[key] as { id: string }[]).map((item) => item.id));
    result[key] = [...(shared[key] as { id: string }[]), ...(store[key] as { id: string }[]).filter((item) => !have.has(item.id))];
  }
  return result as unknown as SharedLibrary;
}
