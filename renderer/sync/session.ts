import { HocuspocusProvider } from '@hocuspocus/provider';
import Dexie, { type EntityTable } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import type { PalimpsestDb } from '../store/db';
import type { Ids } from './base';
import { SyncBinding } from './binding';
import { type Carried, type CarriedRow, idsOfRows } from './carried';
import { me } from './identity';
import { type Invitation, canEdit } from './invitation';
import { Journal } from './journal';

/// The shared project this library belongs to, and its Y.Doc (kept by
/// y-dexie in IndexedDB, so a machine works offline and catches up later).
interface ProjectRow extends Invitation {
  joined: string;
  doc: Y.Doc;
}

/// The sync database: separate from the library's, as the backups' is, so
/// the library's schema and a library never shared stay exactly as they were.
class SyncDb extends Dexie {
  projects!: EntityTable<ProjectRow, 'project'>;
  /// The base's ids beside the project's copy (`Carried`), and the row
  /// `kept` saying they were written.
  carried!: EntityTable<CarriedRow, 'key'>;
  constructor(name = 'palimpsest-sync') {
    super(name, { addons: [yDexie] });
    this.version(1).stores({ projects: 'project, doc: Y.Doc' });
    this.version(2).stores({ carried: 'key' });
  }
}

// Forgets the project, and the base's ids kept for it: ids of a project
// this library was in before name nothing of the next one's, and a join
// that ended early must not leave them to be read.
function forgetProject(syncDb: SyncDb): Promise<void> {
  return syncDb.transaction('rw', syncDb.projects, syncDb.carried, async () => {
    await syncDb.projects.clear();
    await syncDb.carried.clear();
  });
}

// The table where y-dexie keeps the updates of `projects.doc`.
const updatesTable = '$projects.doc_updates';

// Says the base's ids were written; a project joined before they were
// kept has no such row, and its next join removes nothing.
const keptRow: CarriedRow = { key: 'kept', ids: [] };

// The base's ids, kept in the project copy's database. Each write is a
// transaction over the doc's updates too, so it runs after every update
// y-dexie has begun to write (IndexedDB runs overlapping writes in
// order): the ids are never ahead of the copy.
function carriedIn(syncDb: SyncDb): Carried {
  return {
    read: async () => {
      const rows = await syncDb.carried.toArray();
      return rows.some((row) => row.key === keptRow.key) ? idsOfRows(rows) : null;
    },
    write: (change) =>
      syncDb.transaction('rw', [syncDb.table(updatesTable), syncDb.carried], async () => {
        if (change.whole) await syncDb.carried.clear();
        await syncDb.carried.bulkDelete(change.removed);
        await syncDb.carried.bulkPut(change.whole ? [keptRow, ...change.put] : change.put);
      }),
  };
}

// The journal of the store's changes not yet carried to `project`, this
// tab's part of it; `listening` to other tabs' (`Journal`) while open.
function journalOf(project: string, listening = false): Journal {
  const listen = (changed: (key: string | null) => void) => {
    const heard = (event: StorageEvent) => {
      if (event.storageArea === localStorage) changed(event.key);
    };
    window.addEventListener('storage', heard);
    return () => window.removeEventListener('storage', heard);
  };
  return new Journal(localStorage, `palimpsest.sync.journal.${project}`, listening ? { listen } : {});
}

/// Where a shared project's connection stands, as the status shows it.
export interface SyncState {
  project: Invitation;
  /// offline: no connection (edits are kept and sent later); syncing:
  /// connected with local changes on their way; refused: the server
  /// refused the invitation.
  status: 'offline' | 'connecting' | 'syncing' | 'connected' | 'refused';
  /// Items (annotations, links, actors, sets, types, documents) changed on
  /// this machine since the server last acknowledged everything it was
  /// sent: an item edited five times is one.
  pending: number;
  readOnly: boolean;
  /// Read only: items this machine holds otherwise than the project
  /// (its own, or changed here); they are never sent.
  localOnly: number;
}

/// The items changed here and not yet acknowledged, kept across a reload:
/// the Y.Doc keeps the changes themselves, and sends them when it can.
class Unsent {
  private readonly items: Set<string>;
  constructor(private readonly key: string) {
    let stored: unknown = [];
    try {
      stored = JSON.parse(localStorage.getItem(key) ?? '[]');
    } catch {
      // A value no longer readable counts nothing; the changes still go.
    }
    this.items = new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []);
  }
  get size(): number {
    return this.items.size;
  }
  add(items: readonly string[]): void {
    for (const item of items) this.items.add(item);
    this.save();
  }
  clear(): void {
    if (this.items.size === 0) return;
    this.items.clear();
    this.save();
  }
  private save(): void {
    if (this.items.size === 0) localStorage.removeItem(this.key);
    else localStorage.setItem(this.key, JSON.stringify([...this.items]));
  }
}

/// A shared project, open: the Y.Doc loaded from IndexedDB, bound to the
/// store, and connected to the server whenever it can be.
export class SyncSession {
  private state: SyncState;
  private readonly listeners = new Set<(state: SyncState) => void>();

  private constructor(
    private readonly syncDb: SyncDb,
    readonly doc: Y.Doc,
    private readonly binding: SyncBinding,
    private readonly provider: HocuspocusProvider,
    project: Invitation,
    private readonly unsent: Unsent,
    private readonly journal: Journal,
    localOnly: number,
  ) {
    this.state = { project, status: 'connecting', pending: unsent.size, readOnly: !canEdit(project), localOnly };
    const connection = { connected: false };
    provider.on('status', ({ status }: { status: string }) => {
      connection.connected = status === 'connected';
      this.update({ status: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' });
    });
    provider.on('unsyncedChanges', () => {
      // hocuspocus counts update messages not yet acknowledged (and one for
      // each sync it starts): nothing a researcher counts. What they count
      // is the items changed here, until the server has taken everything.
      const waiting = provider.unsyncedChanges > 0;
      if (connection.connected && !waiting) unsent.clear();
      this.update({ pending: unsent.size, status: connection.connected ? (waiting ? 'syncing' : 'connected') : 'offline' });
    });
    provider.on('authenticationFailed', () => this.update({ status: 'refused' }));
    // The system says the network is gone: a socket may look open for
    // minutes yet carry nothing. Disconnect at once (edits are kept, and
    // counted), and connect again when the network is back.
    const offline = () => {
      provider.disconnect();
      this.update({ status: 'offline' });
    };
    const online = () => void provider.connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.stopListening = () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
    if (!navigator.onLine) offline();
  }

  private readonly stopListening: () => void;

  /// The project this library was shared in, reopened; `null` if none.
  /// `onArrived` hears the rows each round trip brings from the project.
  static async resume(db: PalimpsestDb, onError: (error: Error) => void, onArrived?: (ids: Ids) => void): Promise<SyncSession | null> {
    const syncDb = new SyncDb();
    const row = await syncDb.projects.toCollection().first();
    if (!row) {
      syncDb.close();
      return null;
    }
    return SyncSession.open(syncDb, row, db, onError, true, onArrived);
  }

  /// Shares this library in the project `invitation` names (new, or one
  /// colleagues already work in), from now on.
  static async begin(db: PalimpsestDb, invitation: Invitation, onError: (error: Error) => void, onArrived?: (ids: Ids) => void): Promise<SyncSession> {
    const syncDb = new SyncDb();
    await forgetProject(syncDb);
    await syncDb.projects.add({ ...invitation, joined: new Date().toISOString() } as ProjectRow);
    const row = (await syncDb.projects.get(invitation.project))!;
    // Marks left by a project this library was in before are no news to
    // this one: the join takes the whole library as the researcher's.
    journalOf(row.project).clear();
    return SyncSession.open(syncDb, row, db, onError, false, onArrived);
  }

  private static async open(
    syncDb: SyncDb,
    row: ProjectRow,
    db: PalimpsestDb,
    onError: (error: Error) => void,
    resumed: boolean,
    onArrived?: (ids: Ids) => void,
  ): Promise<SyncSession> {
    const doc = row.doc;
    await DexieYProvider.load(doc).whenLoaded;
    const unsent = new Unsent(`palimpsest.sync.unsent.${row.project}`);
    const journal = journalOf(row.project, true);
    // The session exists only once the binding has started; what the
    // binding reports before then is kept for it.
    let session: SyncSession | null = null;
    let localOnly = 0;
    const binding = new SyncBinding(db, doc, me, onError, {
      readOnly: !canEdit(row),
      onWritten: (items) => {
        unsent.add(items);
        session?.update({ pending: unsent.size });
      },
      onLocalOnly: (count) => {
        localOnly = count;
        session?.update({ localOnly: count });
      },
      // A read-only member's changes never go to the project: nothing to mark.
      journal: canEdit(row) ? journal : undefined,
      // y-dexie writes each update of the doc in a write of its own, made
      // as the update is; a write on the same table made after it ends
      // after it (IndexedDB runs overlapping writes in order).
      persisted: () => syncDb.transaction('rw', syncDb.table(updatesTable), () => {}),
      carried: carriedIn(syncDb),
      onArrived,
    });
    await binding.start(resumed);
    const provider = new HocuspocusProvider({ url: row.server, name: row.project, token: row.token, document: doc });
    const { doc: _doc, joined: _joined, ...project } = row;
    session = new SyncSession(syncDb, doc, binding, provider, project, unsent, journal, localOnly);
    return session;
  }

  get current(): SyncState {
    return this.state;
  }

  /// Calls `listener` on every change of state; returns the function that stops it.
  subscribe(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /// Stops sharing on this machine: the library stays as it is, and no
  /// longer follows the project.
  async leave(): Promise<void> {
    this.close();
    this.unsent.clear();
    this.journal.clear();
    await forgetProject(this.syncDb);
  }

  /// Resolves once every change made here so far is in the project's doc
  /// kept on this machine: closing the app in the moment after an edit,
  /// before its round trip ran, would otherwise leave it in the library
  /// alone, and the next opening's join keeps the project's version.
  settled(): Promise<void> {
    return this.binding.settled();
  }

  close(): void {
    this.stopListening();
    this.binding.stop();
    this.journal.close();
    this.provider.destroy();
    DexieYProvider.release(this.doc);
  }

  private update(change: Partial<SyncState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
