import type * as Y from 'yjs';
import { readLibrary, writeChanges } from '../../shared/sync/mapping';
import type { Author, SharedLibrary } from '../../shared/sync/model';
import * as rows from '../store/annotation-rows';
import { type PalimpsestDb, onTableWrite } from '../store/db';
import { differences, overlay, readStore, writeStore } from './store-library';

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
}

/// Keeps the local store and a shared project's Y.Doc the same, both ways.
/// The app's views keep reading the store; a write there reaches the doc a
/// moment later, and a change arriving in the doc (from the server) is
/// written into the store. Each round trip is one `reconcile`, run one at
/// a time: the store's changes since the last one go to the doc, then the
/// doc (with everyone's) comes back to the store. Nothing waits for the
/// network: the doc is local, the provider sends it when it can.
export class SyncBinding {
  private base: SharedLibrary | null = null;
  private running: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly db: PalimpsestDb,
    private readonly doc: Y.Doc,
    private readonly author: () => Author,
    private readonly onError: (error: Error) => void = () => {},
    private readonly options: BindingOptions = {},
  ) {}

  /// Joins the store to the doc: what either holds and the other lacks is
  /// added to the other (a researcher joining keeps their own library, and
  /// it joins the project), then changes flow both ways until `stop`.
  async start(): Promise<void> {
    const store = await readStore(this.db);
    const shared = readLibrary(this.doc);
    if (this.options.readOnly) {
      // The project comes in; the member's own library stays, unsent.
      const target = overlay(store, emptyOf(shared), shared);
      await writeStore(this.db, store, target);
      this.base = shared;
      this.options.onLocalOnly?.(differences(target, shared));
    } else {
      this.written(writeChanges(this.doc, shared, union(shared, store), this.stamp(), 'local'));
      const merged = readLibrary(this.doc);
      await writeStore(this.db, store, merged);
      this.base = merged;
    }
    // Its own writes to the store schedule a round trip too, which finds
    // nothing to do: cheaper than missing an edit made meanwhile.
    const schedule = () => this.schedule();
    this.stops.push(rows.onChange(this.db, schedule));
    for (const table of [this.db.links, this.db.actors, this.db.sets, this.db.tagTypes, this.db.relationTypes, this.db.documents]) {
      this.stops.push(onTableWrite(table, schedule));
    }
    const remote = (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'local') this.schedule();
    };
    this.doc.on('update', remote);
    this.stops.push(() => this.doc.off('update', remote));
  }

  /// Stops following either side (a project left).
  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
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
    if (!this.base) return;
    const store = await readStore(this.db);
    if (this.options.readOnly) {
      const shared = readLibrary(this.doc);
      const target = overlay(store, this.base, shared);
      await writeStore(this.db, store, target);
      this.base = shared;
      this.options.onLocalOnly?.(differences(target, shared));
      return;
    }
    this.written(writeChanges(this.doc, this.base, store, this.stamp(), 'local'));
    const shared = readLibrary(this.doc);
    await writeStore(this.db, store, shared);
    this.base = shared;
  }

  private written(items: string[]): void {
    if (items.length > 0) this.options.onWritten?.(items);
  }

  private stamp() {
    return { by: this.author(), at: new Date().toISOString() };
  }
}

// A library with every list empty, of the same kinds as `library`.
function emptyOf(library: SharedLibrary): SharedLibrary {
  return Object.fromEntries(Object.keys(library).map((key) => [key, []])) as unknown as SharedLibrary;
}

// The shared library, with what only the store holds added.
function union(shared: SharedLibrary, store: SharedLibrary): SharedLibrary {
  const result = structuredClone(shared);
  for (const key of Object.keys(result) as (keyof SharedLibrary)[]) {
    const have = new Set((result[key] as { id: string }[]).map((item) => item.id));
    for (const item of store[key] as { id: string }[]) if (!have.has(item.id)) (result[key] as { id: string }[]).push(item);
  }
  return result;
}
