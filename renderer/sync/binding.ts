import type * as Y from 'yjs';
import { documentOf, readItems, readLibrary, writeChanges } from '../../shared/sync/mapping';
import type { Author, SharedLibrary } from '../../shared/sync/model';
import type { PalimpsestDb } from '../store/db';
import { type Base, type Ids, idsOf } from './base';
import { join } from './join';
import { pick } from './parts';
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
  /// While joining: how many of the library's documents are joined, of
  /// how many (once before the first, then after each).
  onJoinProgress?: (done: number, total: number) => void;
  /// The join to run: tests give the whole-library join the pieces
  /// replaced, to compare the two.
  join?: typeof join;
}

// The join running or last run over each library.
const joins = new WeakMap<PalimpsestDb, Promise<void>>();

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
  private stopped = false;
  /// The join, while it runs.
  private joining: Promise<void> | null = null;
  /// Closing during the join: it joins what was written to, and leaves the rest.
  private finishing = false;
  /// Documents the join left for the next opening (closing during it):
  /// round trips leave them too, as the base does not hold them.
  private left = new Set<string>();

  constructor(
    private readonly db: PalimpsestDb,
    private readonly doc: Y.Doc,
    private readonly author: () => Author,
    private readonly onError: (error: Error) => void = () => {},
    private readonly options: BindingOptions = {},
  ) {}

  /// Joins the store to the doc (see `join`): what either holds and the
  /// other lacks is added to the other (a researcher joining keeps their
  /// own library, and it joins the project), a document at a time, then
  /// changes flow both ways until `stop`. Each round trip after the join
  /// reads only what changed since the last. Resolves early, with no
  /// round trips to follow, if stopped during the join.
  async start(): Promise<void> {
    // One join at a time over a library: a second binding (the project
    // opened again, as a StrictMode remount does, before the first
    // closed) joins once the first has stopped or finished, rather than
    // both writing what the other compares.
    const before = joins.get(this.db) ?? Promise.resolve();
    this.joining = before.then(() => (this.stopped ? undefined : this.join()));
    joins.set(
      this.db,
      this.joining.catch(() => {}),
    );
    await this.joining;
  }

  private async join(): Promise<void> {
    // Listening first: a change made while the join reads and writes is
    // carried by the round trip after it.
    this.touched = new Touched(this.db, this.doc, () => this.schedule());
    const joined = await (this.options.join ?? join)(this.db, this.doc, {
      readOnly: this.options.readOnly === true,
      stamp: () => this.stamp(),
      written: (items) => this.written(items),
      onProgress: this.options.onJoinProgress,
      stopped: () => this.stopped,
      finishing: () => this.finishing,
    });
    if (!joined) return;
    this.base = joined.base;
    this.left = joined.left;
    if (this.options.readOnly) {
      for (const item of joined.localOnly) this.localOnly.add(item);
      this.options.onLocalOnly?.(this.localOnly.size);
    }
    this.schedule();
  }

  /// Stops following either side (a project left).
  stop(): void {
    this.stopped = true;
    this.touched?.stop();
    if (this.timer) clearTimeout(this.timer);
  }

  /// Resolves once every change made so far has been carried both ways.
  ///
  /// During the join (the app closing as it joins), the join finishes
  /// early: the documents written to since it began are joined, the rest
  /// left as they were, for the next opening's join; then those writes
  /// are carried.
  async settled(): Promise<void> {
    if (this.joining && !this.base) {
      this.finishing = true;
      await this.joining;
    }
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
    } catch (error) {
      // Tried again with the next change: nothing touched is forgotten.
      this.touched.restore(touches);
      throw error;
    }
  }

  // One round trip over what `touches` names: the store's changes to the
  // doc, then the doc's (with everyone's) to the store.
  private async roundTrip(base: Base, touches: Touches): Promise<void> {
    if (this.left.size > 0) touches = this.withoutLeft(touches, base);
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

  // `touches` without the documents the join left (closing during it):
  // their changes, the project's alone, are the next opening's join's.
  private withoutLeft(touches: Touches, base: Base): Touches {
    const left = (documentId: string | null) => documentId !== null && this.left.has(documentId);
    const ids = { ...touches.ids };
    ids.documents = new Set([...ids.documents].filter((id) => !left(id)));
    ids.annotations = new Set([...ids.annotations].filter((id) => !left(documentOf(this.doc, id) ?? base.documentOf(id))));
    const documentsOfAnnotations = new Set([...touches.documentsOfAnnotations].filter((id) => !left(id)));
    // The whole store against the whole project would take the left
    // documents' as the researcher's: the next opening joins them all.
    return { documentsOfAnnotations, ids, full: false };
  }

  // The store's changes in `scope` (as `store` holds it) to the doc, then
  // the doc's to the store, and the base moved on.
  private async carry(base: Base, store: SharedLibrary, scope: Ids, documentOfAnnotation: (id: string) => string | null): Promise<void> {
    const before = base.part(scope);
    if (this.options.readOnly) {
      const shared = readItems(this.doc, scope);
      const target = overlay(store, before, shared);
      const { held } = await writeStore(this.db, store, target, documentOfAnnotation);
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
    const { held } = await writeStore(this.db, store, shared, documentOfAnnotation);
    base.replace(shared, scope);
    // A row the researcher changed while this ran kept their change and
    // missed the project's. The doc has what `store` held of it, so that
    // is its base: the next round trip sends only the change since, and a
    // colleague's edit of another field is not undone by the old value.
    base.replace(pick(store, held), held);
  }

  private written(items: string[]): void {
    if (items.length > 0) this.options.onWritten?.(items);
  }

  private stamp() {
    return { by: this.author(), at: new Date().toISOString() };
  }
}
