import type { SharedLibrary } from '../../shared/sync/model';

type Kind = Exclude<keyof SharedLibrary, 'annotations'>;

/// Where a journal keeps its marks: `localStorage` in the app, whose
/// writes are synchronous, so a mark is kept before the write it marks
/// can commit.
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/// Tells a journal of each key another tab changed in its storage
/// (`storage` events in the app); returns the function that stops it.
export type Listen = (changed: (key: string | null) => void) => () => void;

/// What the researcher changed in the store and no round trip has carried
/// to the project's doc yet, as the journal holds it.
export interface Marks {
  /// Documents whose annotations were written here.
  documentsOfAnnotations: ReadonlySet<string>;
  /// Items of the other kinds written here, by kind and id.
  ids: Readonly<Record<Kind, ReadonlySet<string>>>;
  /// A write that named no rows (another thread cleared a table), or
  /// marks that could not be kept: they cannot tell what changed here.
  full: boolean;
}

/// Marks, kept across a quit or a crash, of the store's items changed here
/// and not yet carried to the project. The app's next launch joins the
/// store and the project copy again; without the marks it cannot tell an
/// edit made here in the last moment before the app closed from an old
/// version the project has moved past, and takes the project's.
///
/// Each tab (or window) on the library keeps its marks under a key of its
/// own, `<prefix>.<tab>`, and writes and drops only those: one tab's
/// write never overwrites another's marks, and a tab that carried a
/// change drops its own mark of it, not another's of a later write. A
/// journal made at a launch takes over every mark left under the prefix
/// (a closed tab's, a crashed one's, or those of a version with one key)
/// for its join; a tab still open sees its key go and writes it again.
export class Journal {
  private readonly documents = new Set<string>();
  private readonly ids: Record<Kind, Set<string>> = {
    links: new Set(),
    actors: new Set(),
    sets: new Set(),
    tagTypes: new Set(),
    relationTypes: new Set(),
    documents: new Set(),
  };
  private full = false;
  private saving = false;
  private readonly key: string;
  private readonly stopListening: () => void;

  /// `prefix`: the project's journal; `tab`: this tab's name under it (a
  /// random one by default); `listen`: other tabs' changes to storage.
  constructor(
    private readonly storage: MarkStorage,
    private readonly prefix: string,
    options: { tab?: string; listen?: Listen } = {},
  ) {
    this.key = `${prefix}.${options.tab ?? randomTab()}`;
    const taken = this.keys();
    for (const key of taken) this.read(key);
    // Kept under this tab's key before the others go: a crash between
    // the two loses no mark.
    this.write();
    for (const key of taken) if (key !== this.key) storage.removeItem(key);
    // Another tab's launch took this tab's marks over and removed its
    // key: it is written again, since these marks may name writes that
    // launch's join did not read.
    this.stopListening = options.listen?.((key) => (key === this.key || key === null) && this.write()) ?? (() => {});
  }

  /// The marks now.
  get marks(): Marks {
    return { documentsOfAnnotations: this.documents, ids: this.ids, full: this.full };
  }

  /// Marks annotations written on `documentId`.
  markDocument(documentId: string): void {
    if (this.documents.has(documentId)) return;
    this.documents.add(documentId);
    this.save();
  }

  /// Marks an item of another kind.
  mark(kind: Kind, id: string): void {
    if (this.ids[kind].has(id)) return;
    this.ids[kind].add(id);
    this.save();
  }

  /// Marks every item.
  markAll(): void {
    if (this.full) return;
    this.full = true;
    this.save();
  }

  /// Drops the marks of `carried`, once carried to the project copy and
  /// kept there, but not those `since` names: written again after the
  /// round trip read them, they wait for the next.
  unmark(carried: Marks, since: Marks): void {
    for (const id of carried.documentsOfAnnotations) if (!since.documentsOfAnnotations.has(id)) this.documents.delete(id);
    for (const kind of Object.keys(this.ids) as Kind[]) for (const id of carried.ids[kind]) if (!since.ids[kind].has(id)) this.ids[kind].delete(id);
    if (carried.full && !since.full) this.full = false;
    this.save();
  }

  /// Forgets every mark, this tab's and every other's (a project left).
  clear(): void {
    this.documents.clear();
    for (const ids of Object.values(this.ids)) ids.clear();
    this.full = false;
    for (const key of this.keys()) this.storage.removeItem(key);
  }

  /// Stops hearing other tabs (the session closed).
  close(): void {
    this.stopListening();
  }

  // The keys of the project's journal: every tab's, and the one key of
  // the versions before tabs kept their own.
  private keys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key !== null && (key === this.prefix || key.startsWith(`${this.prefix}.`))) keys.push(key);
    }
    return keys;
  }

  // Adds the marks kept under `key` to this journal's.
  private read(key: string): void {
    let stored: unknown = null;
    try {
      stored = JSON.parse(this.storage.getItem(key) ?? 'null');
    } catch {
      // Unreadable marks cannot tell: the relaunch keeps the project's
      // versions, as it did before there were marks.
      this.full = true;
    }
    if (!stored || typeof stored !== 'object') return;
    const marks = stored as { documentsOfAnnotations?: unknown; ids?: Record<string, unknown>; full?: unknown };
    for (const id of strings(marks.documentsOfAnnotations)) this.documents.add(id);
    for (const kind of Object.keys(this.ids) as Kind[]) for (const id of strings(marks.ids?.[kind])) this.ids[kind].add(id);
    this.full ||= marks.full === true;
  }

  private save(): void {
    // A burst of writes (an import's chunks) is saved once, before the
    // transaction that made it commits: a microtask runs first.
    if (this.saving) return;
    this.saving = true;
    queueMicrotask(() => {
      this.saving = false;
      this.write();
    });
  }

  private write(): void {
    const empty = !this.full && this.documents.size === 0 && Object.values(this.ids).every((ids) => ids.size === 0);
    try {
      if (empty) this.storage.removeItem(this.key);
      else
        this.storage.setItem(
          this.key,
          JSON.stringify({
            documentsOfAnnotations: [...this.documents],
            ids: Object.fromEntries(Object.entries(this.ids).map(([kind, ids]) => [kind, [...ids]])),
            full: this.full,
          }),
        );
    } catch {
      // No room left: the marks kept on disk would be out of date, so
      // they say they cannot tell, and a relaunch keeps the project's
      // versions as it did before there were marks.
      try {
        this.storage.setItem(this.key, JSON.stringify({ full: true }));
      } catch {
        this.storage.removeItem(this.key);
      }
    }
  }
}

/// A journal kept in memory alone: tests, and where no storage is given.
export function memoryStorage(): MarkStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/// A copy of `marks` (none when there is no journal), kept as they are
/// while the journal changes: what a round trip or a join took.
export function copyMarks(marks: Marks | undefined): Marks {
  const ids = {
    links: new Set<string>(),
    actors: new Set<string>(),
    sets: new Set<string>(),
    tagTypes: new Set<string>(),
    relationTypes: new Set<string>(),
    documents: new Set<string>(),
  };
  for (const kind of Object.keys(ids) as Kind[]) for (const id of marks?.ids[kind] ?? []) ids[kind].add(id);
  return { documentsOfAnnotations: new Set(marks?.documentsOfAnnotations), ids, full: marks?.full ?? false };
}

// A name for this tab's key: random, so two tabs opened at once differ.
function randomTab(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
