import * as Y from 'yjs';
import type { Author, HistoryEntry, SharedLibrary } from './model';
import { canonicalJson } from './canonical';
import { editText } from './text-edit';

/// The one mapping between a shared project's library (plain values, as the
/// store holds them) and its Y.Doc, both ways. Each kind of item is a
/// top-level Y.Map from id to a Y.Map of the item's fields, so that
/// concurrent edits of different fields, tags added on two machines, and
/// two edits of one note (a Y.Text) all merge; a plain field edited on two
/// machines keeps the later write. Deleting an annotation or link leaves a
/// tombstone that counts the edits its author had seen: an edit the
/// deleter had not seen keeps the item, and says so.

/// Who writes, and when, for the authorship fields and history.
export interface Stamp {
  by: Author;
  at: string;
}

/// How one kind of item is laid out in the Y.Doc.
interface Kind {
  key: keyof SharedLibrary;
  /// Fields kept whole; a concurrent write keeps one.
  plain: readonly string[];
  /// String fields kept as Y.Text, merged character by character.
  texts: readonly string[];
  /// String-array fields kept as a Y.Map of member to order added: members
  /// added on two machines both stay.
  sets: readonly string[];
  /// `name` is kept with every name given concurrently: the one kept is
  /// `name`, the others become aliases.
  named: boolean;
  /// Who made and changed it, its history, and tombstones.
  authored: boolean;
}

const kinds: readonly Kind[] = [
  {
    key: 'annotations',
    plain: ['documentId', 'quote', 'position', 'actor', 'created', 'modified'],
    texts: ['note'],
    sets: ['tags'],
    named: false,
    authored: true,
  },
  { key: 'links', plain: ['from', 'to', 'relation', 'created', 'modified'], texts: ['note'], sets: [], named: false, authored: true },
  { key: 'actors', plain: ['created', 'modified'], texts: [], sets: ['aliases'], named: true, authored: false },
  { key: 'sets', plain: ['name', 'description', 'created', 'modified'], texts: [], sets: ['annotationIds'], named: false, authored: false },
  { key: 'tagTypes', plain: ['color', 'order', 'namesActor'], texts: [], sets: [], named: true, authored: false },
  { key: 'relationTypes', plain: ['inverse', 'color', 'order'], texts: [], sets: [], named: true, authored: false },
  { key: 'documents', plain: ['row'], texts: [], sets: [], named: false, authored: false },
];

type Item = Record<string, unknown> & { id: string };
type YItem = Y.Map<unknown>;

interface Tombstone {
  by: Author;
  at: string;
  /// How many creations and edits the deleter had seen.
  edits: number;
}

/// Writes the researcher's changes, from `before` (the library as last
/// read from or written to `doc`) to `after` (the store now), into `doc`
/// as one transaction with `origin`. Only what differs is written, so
/// others' changes that reached `doc` meanwhile stay. Returns the items
/// written, as `kind:id` (`annotations:…`), each once.
export function writeChanges(doc: Y.Doc, before: SharedLibrary, after: SharedLibrary, stamp: Stamp, origin: unknown = null): string[] {
  const written: string[] = [];
  doc.transact(() => {
    for (const kind of kinds) {
      // Annotations are written first: an edit here that outlived a
      // colleague's deletion of its document keeps that document.
      const revive = kind.key === 'documents' ? (id: string) => annotated(doc, id) : () => false;
      const ids = writeKind(doc.getMap(kind.key), kind, before[kind.key] as unknown as Item[], after[kind.key] as unknown as Item[], stamp, revive);
      for (const id of ids) written.push(`${kind.key}:${id}`);
    }
  }, origin);
  return written;
}

/// The library `doc` holds now, every list sorted by id.
export function readLibrary(doc: Y.Doc): SharedLibrary {
  const library = {} as Record<keyof SharedLibrary, Item[]>;
  for (const kind of kinds) {
    const items: Item[] = [];
    for (const [id, y] of doc.getMap<YItem>(kind.key)) {
      const item = readItem(id, y, kind);
      if (item) items.push(item);
    }
    items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    library[kind.key] = items;
  }
  return library as unknown as SharedLibrary;
}

/// The items of `ids`, by kind, that `doc` holds now (an id it does not
/// hold, or holds deleted, is left out), every list sorted by id: the part
/// of `readLibrary` a round trip needs, read without the rest.
export function readItems(doc: Y.Doc, ids: Partial<Record<keyof SharedLibrary, Iterable<string>>>): SharedLibrary {
  const library = {} as Record<keyof SharedLibrary, Item[]>;
  for (const kind of kinds) {
    const map = doc.getMap<YItem>(kind.key);
    const items: Item[] = [];
    for (const id of new Set(ids[kind.key] ?? [])) {
      const y = map.get(id);
      const item = y ? readItem(id, y, kind) : null;
      if (item) items.push(item);
    }
    items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    library[kind.key] = items;
  }
  return library as unknown as SharedLibrary;
}

/// The document an annotation of `doc` is on, deleted or not; `null` for
/// an id the project does not hold.
export function documentOf(doc: Y.Doc, annotationId: string): string | null {
  const documentId = doc.getMap<YItem>('annotations').get(annotationId)?.get('documentId');
  return typeof documentId === 'string' ? documentId : null;
}

/// Whether the history of an annotation or link of `doc` (deleted or not)
/// holds a creation or edit by one of `authors` (ids) written at `since`
/// or later: whether a version stamped `since` on that author's clock has
/// reached the project. Only one machine's clock is compared with itself.
/// A deletion is no version: one made after an edit elsewhere does not
/// say that edit was carried.
export function carriedSince(doc: Y.Doc, kind: 'annotations' | 'links', id: string, authors: readonly string[], since: string): boolean {
  const history = doc.getMap<YItem>(kind).get(id)?.get('history');
  if (!(history instanceof Y.Array)) return false;
  for (const entry of history.toArray() as HistoryEntry[]) if (entry.kind !== 'delete' && entry.at >= since && authors.includes(entry.by.id)) return true;
  return false;
}

/// Calls `listener` with the items (by kind, by id) each transaction on
/// `doc` changed, added or deleted, unless its origin is `skip`; returns
/// the function that stops it. A round trip reads these items alone.
export function onItemsChanged(doc: Y.Doc, listener: (kind: keyof SharedLibrary, ids: string[]) => void, skip: unknown): () => void {
  const stops = kinds.map(({ key }) => {
    const map = doc.getMap<YItem>(key);
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.origin === skip) return;
      const ids = new Set<string>();
      for (const event of events) {
        // An item added or dropped is a key of the kind's map; a field
        // changed is an event deeper down, whose path starts at the item.
        if (event.target === map) for (const id of event.keys.keys()) ids.add(id);
        else if (event.path.length > 0) ids.add(String(event.path[0]));
      }
      if (ids.size > 0) listener(key, [...ids]);
    };
    map.observeDeep(observer);
    return () => map.unobserveDeep(observer);
  });
  return () => stops.forEach((stop) => stop());
}

// Whether `doc` holds an annotation on `documentId` that is not deleted
// (or was edited after its deletion by someone who had not seen it).
// Reads every annotation: asked only when a document was deleted.
function annotated(doc: Y.Doc, documentId: string): boolean {
  for (const y of doc.getMap<YItem>('annotations').values()) {
    if (y.get('documentId') !== documentId) continue;
    const tombstone = y.get('deleted') as Tombstone | undefined;
    if (!tombstone || editCount(y) > tombstone.edits) return true;
  }
  return false;
}

/// An annotation's or link's history, oldest first; empty for an id the
/// project does not hold.
export function historyOf(doc: Y.Doc, kind: 'annotations' | 'links', id: string): HistoryEntry[] {
  const y = doc.getMap<YItem>(kind).get(id);
  const history = y?.get('history');
  return history instanceof Y.Array ? (history.toArray() as HistoryEntry[]) : [];
}

function writeKind(map: Y.Map<YItem>, kind: Kind, before: readonly Item[], after: readonly Item[], stamp: Stamp, revive: (id: string) => boolean): string[] {
  const written: string[] = [];
  const old = new Map(before.map((item) => [item.id, item]));
  for (const item of after) {
    const y = map.get(item.id);
    // Held at the last round trip and gone from the project since: a
    // colleague deleted it (only annotations and links keep tombstones).
    // The store still holding it is no new item; it goes from the store,
    // unless it is a document with an annotation the deleter had not seen
    // edited: that annotation is kept, so its document is put back.
    if (!y && old.has(item.id) && !revive(item.id)) continue;
    if (!y) {
      map.set(item.id, created(item, kind, stamp));
      written.push(item.id);
      continue;
    }
    let base = old.get(item.id);
    const revived = kind.authored && y.get('deleted') !== undefined && !base;
    if (revived) {
      // Brought back (an undo, a join) after a deletion: alive again, and
      // it counts as an edit, so the deletion no longer applies. Written,
      // even unchanged: the join reads back only what it wrote.
      y.delete('deleted');
      pushHistory(y, stamp, 'create', []);
    }
    base ??= readItem(item.id, y, kind, true) ?? undefined;
    if ((base && edit(y, kind, base, item, stamp)) || revived) written.push(item.id);
  }
  const kept = new Set(after.map((item) => item.id));
  for (const item of before) {
    if (kept.has(item.id)) continue;
    const y = map.get(item.id);
    if (!y) continue;
    if (!kind.authored) map.delete(item.id);
    else if (y.get('deleted') === undefined) {
      const tombstone: Tombstone = { by: stamp.by, at: stamp.at, edits: editCount(y) };
      y.set('deleted', tombstone);
      pushHistory(y, stamp, 'delete', []);
    } else continue;
    written.push(item.id);
  }
  return written;
}

function created(item: Item, kind: Kind, stamp: Stamp): YItem {
  const y = new Y.Map<unknown>();
  for (const field of kind.plain) y.set(field, item[field] ?? null);
  for (const field of kind.texts) y.set(field, new Y.Text(String(item[field] ?? '')));
  for (const field of kind.sets) {
    const members = new Y.Map<number>();
    strings(item[field]).forEach((member, i) => members.set(member, i));
    y.set(field, members);
  }
  if (kind.named) {
    y.set('name', item.name);
    const names = new Y.Map<boolean>();
    names.set(String(item.name), true);
    y.set('names', names);
  }
  if (kind.authored) {
    // An item that already says who made it (imported from a shared
    // project's export) keeps its authors; a new one is the writer's.
    const createdBy = (item.createdBy as Author | null | undefined) ?? stamp.by;
    y.set('createdBy', createdBy);
    y.set('modifiedBy', (item.modifiedBy as Author | null | undefined) ?? createdBy);
    y.set('history', Y.Array.from<HistoryEntry>([{ at: stamp.at, by: stamp.by, kind: 'create', fields: [] }]));
  }
  return y;
}

// Whether anything of the item changed.
function edit(y: YItem, kind: Kind, before: Item, after: Item, stamp: Stamp): boolean {
  const changed: string[] = [];
  for (const field of kind.plain) {
    const value = after[field] ?? null;
    if (canonicalJson(value) === canonicalJson(before[field] ?? null)) continue;
    y.set(field, value);
    if (field !== 'modified') changed.push(field);
  }
  for (const field of kind.texts) {
    const was = String(before[field] ?? '');
    const now = String(after[field] ?? '');
    if (was === now) continue;
    editText(y.get(field) as Y.Text, was, now);
    changed.push(field);
  }
  for (const field of kind.sets) {
    const was = new Set(strings(before[field]));
    const now = strings(after[field]);
    const members = y.get(field) as Y.Map<number>;
    let next = Math.max(-1, ...members.values()) + 1;
    let touched = false;
    for (const member of now) {
      if (was.has(member) || members.has(member)) continue;
      members.set(member, next++);
      touched = true;
    }
    const keep = new Set(now);
    for (const member of was) {
      if (keep.has(member) || !members.has(member)) continue;
      members.delete(member);
      touched = true;
    }
    if (touched) changed.push(field);
  }
  if (kind.named && after.name !== before.name) {
    y.set('name', after.name);
    const names = y.get('names') as Y.Map<boolean>;
    // The name replaced is dropped; one given elsewhere meanwhile stays,
    // and is read as an alias.
    names.delete(String(before.name));
    names.set(String(after.name), true);
    changed.push('name');
  }
  if (kind.authored && changed.length > 0) {
    y.set('modifiedBy', stamp.by);
    pushHistory(y, stamp, 'edit', changed);
  }
  return changed.length > 0;
}

function readItem(id: string, y: YItem, kind: Kind, evenDeleted = false): Item | null {
  let keptAfterDelete: { by: Author; at: string } | null = null;
  if (kind.authored) {
    const tombstone = y.get('deleted') as Tombstone | undefined;
    if (tombstone) {
      if (editCount(y) <= tombstone.edits && !evenDeleted) return null;
      keptAfterDelete = { by: tombstone.by, at: tombstone.at };
    }
  }
  const item: Item = { id };
  for (const field of kind.plain) item[field] = y.get(field) ?? null;
  for (const field of kind.texts) item[field] = (y.get(field) as Y.Text).toString();
  for (const field of kind.sets) item[field] = ordered(y.get(field) as Y.Map<number>);
  if (kind.named) {
    const name = String(y.get('name'));
    item.name = name;
    const others = [...(y.get('names') as Y.Map<boolean>).keys()].filter((n) => n !== name).sort();
    const aliases = kind.sets.includes('aliases') ? strings(item.aliases) : [];
    item.aliases = [...aliases, ...others.filter((n) => !aliases.includes(n))];
  }
  if (kind.authored) {
    item.createdBy = y.get('createdBy') ?? null;
    item.modifiedBy = y.get('modifiedBy') ?? null;
    item.keptAfterDelete = keptAfterDelete;
  }
  return item;
}

// Creations and edits, not deletions: a tombstone holds while this count
// is what its author saw.
function editCount(y: YItem): number {
  const history = y.get('history') as Y.Array<HistoryEntry>;
  return history.toArray().filter((entry) => entry.kind !== 'delete').length;
}

function pushHistory(y: YItem, stamp: Stamp, kind: HistoryEntry['kind'], fields: string[]): void {
  (y.get('history') as Y.Array<HistoryEntry>).push([{ at: stamp.at, by: stamp.by, kind, fields }]);
}

// Members in the order they were added; two added at once, by member.
function ordered(members: Y.Map<number>): string[] {
  return [...members.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([member]) => member);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
