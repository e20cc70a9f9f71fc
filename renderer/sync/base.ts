import type { SharedLibrary } from '../../shared/sync/model';
import type { CarriedChange, CarriedRow } from './carried';

type Kind = keyof SharedLibrary;
// An annotation has its document; the other kinds' items have none.
type Item = { id: string; documentId?: string };
/// Ids by kind: the part of the library a round trip covers.
export type Ids = Record<Kind, Set<string>>;

/// The library as last carried between the store and the project's doc,
/// by kind and id, with each document's annotations: what a round trip
/// compares the store's changes against. Only the part a round trip
/// covers is read out or replaced, so its cost is the change's.
export class Base {
  private readonly items = new Map<Kind, Map<string, Item>>();
  private readonly annotationsOf = new Map<string, Set<string>>();
  // What moved since the ids were last kept (`keptChange`): items of the
  // other kinds by id, annotations by their document; all of it after a join.
  private moved = { whole: true, ids: new Set<string>(), documents: new Set<string>() };

  constructor(library: SharedLibrary) {
    for (const key of Object.keys(library) as Kind[]) this.items.set(key, new Map());
    this.replace(library, idsOf(library));
  }

  /// What to write where the ids are kept (`Carried`) to bring them to
  /// the base now: the rows moved since `kept` was last called, or all of
  /// them after a join. The cost is the change's, as a round trip's is.
  keptChange(): CarriedChange {
    const row = (key: string): CarriedRow | null => {
      const at = key.indexOf(':');
      const [kind, id] = [key.slice(0, at) as Kind, key.slice(at + 1)];
      if (kind !== 'annotations') return this.items.get(kind)?.has(id) ? { key, ids: [] } : null;
      const on = this.annotationsOf.get(id);
      return on && on.size > 0 ? { key, ids: [...on] } : null;
    };
    const keys = this.moved.whole
      ? [
          ...[...this.items].filter(([kind]) => kind !== 'annotations').flatMap(([kind, items]) => [...items.keys()].map((id) => `${kind}:${id}`)),
          ...[...this.annotationsOf.keys()].map((documentId) => `annotations:${documentId}`),
        ]
      : [...this.moved.ids, ...[...this.moved.documents].map((documentId) => `annotations:${documentId}`)];
    const put: CarriedRow[] = [];
    const removed: string[] = [];
    for (const key of keys) {
      const found = row(key);
      if (found) put.push(found);
      else removed.push(key);
    }
    return { whole: this.moved.whole, put, removed };
  }

  /// The change `keptChange` gave is kept: only what moves from now on
  /// is written next.
  kept(): void {
    this.moved = { whole: false, ids: new Set(), documents: new Set() };
  }

  /// The annotations the base holds on `documentId`.
  annotationsOn(documentId: string): ReadonlySet<string> {
    return this.annotationsOf.get(documentId) ?? new Set();
  }

  /// The document of an annotation the base holds; `null` if it holds none.
  documentOf(annotationId: string): string | null {
    return this.items.get('annotations')?.get(annotationId)?.documentId ?? null;
  }

  /// The items of `ids` the base holds, every list sorted by id.
  part(ids: Ids): SharedLibrary {
    const library = {} as Record<Kind, Item[]>;
    for (const [key, items] of this.items) {
      const found: Item[] = [];
      for (const id of ids[key]) {
        const item = items.get(id);
        if (item) found.push(item);
      }
      library[key] = found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return library as unknown as SharedLibrary;
  }

  /// Takes `part` as the library's items of `ids`: those of `ids` that
  /// `part` lacks are gone.
  replace(part: SharedLibrary, ids: Ids): void {
    for (const [key, items] of this.items) {
      for (const id of ids[key]) this.drop(key, items, id);
      for (const item of part[key] as Item[]) {
        items.set(item.id, item);
        const documentId = item.documentId;
        if (key === 'annotations' && documentId !== undefined) {
          let on = this.annotationsOf.get(documentId);
          if (!on) this.annotationsOf.set(documentId, (on = new Set()));
          on.add(item.id);
          this.moved.documents.add(documentId);
        } else if (key !== 'annotations') this.moved.ids.add(`${key}:${item.id}`);
      }
    }
  }

  private drop(key: Kind, items: Map<string, Item>, id: string): void {
    if (key === 'annotations') {
      const documentId = this.documentOf(id);
      if (documentId !== null) {
        this.annotationsOf.get(documentId)?.delete(id);
        this.moved.documents.add(documentId);
      }
    } else this.moved.ids.add(`${key}:${id}`);
    items.delete(id);
  }
}

/// Every id `library` holds, by kind.
export function idsOf(library: SharedLibrary): Ids {
  return Object.fromEntries(Object.entries(library).map(([key, items]) => [key, new Set((items as Item[]).map((item) => item.id))])) as Ids;
}
