import Dexie, { type ObservabilitySet, type Table } from 'dexie';
import type * as Y from 'yjs';
import { onItemsChanged } from '../../shared/sync/mapping';
import type { SharedLibrary } from '../../shared/sync/model';
import * as rows from '../store/annotation-rows';
import { type PalimpsestDb, onRowWrite } from '../store/db';
import type { Journal } from './journal';
import { writingProject } from './store-library';

type Kind = keyof SharedLibrary;
type Other = Exclude<Kind, 'annotations'>;

/// What changed since the last round trip, on either side: the part of
/// the library the next round trip reads.
export interface Touches {
  /// Documents whose annotations the researcher wrote (an annotation's
  /// write names its document, not itself).
  documentsOfAnnotations: Set<string>;
  /// Items by kind and id: written here (other than annotations), or
  /// changed in the project by anyone else.
  ids: Record<Kind, Set<string>>;
  /// A write whose rows cannot be named (a table cleared, a range
  /// deleted, in another thread): the round trip compares everything.
  full: boolean;
}

/// Collects, from the store's write hooks and the doc's observers, which
/// items changed, and calls `changed` on each, so the binding can run a
/// round trip over those alone. The binding's own writes to the store
/// (`writeStore`) and to the doc (origin `local`) are not changes.
export class Touched {
  private touches = empty();
  private readonly stops: (() => void)[] = [];

  /// `journal`, where given, keeps a mark of each change made here (not
  /// those from the project) until a round trip has carried it.
  constructor(db: PalimpsestDb, doc: Y.Doc, changed: () => void, journal?: Journal) {
    // Rows the hooks here reported, as `table:key`, until their commit's
    // `storagemutated` event: that event is then no news.
    const heard = new Set<string>();
    const local = (key: string, note: () => void) => {
      heard.add(key);
      if (writingProject()) return;
      note();
      changed();
    };
    const onDocument = (documentId: string) => {
      this.touches.documentsOfAnnotations.add(documentId);
      journal?.markDocument(documentId);
    };
    const onItem = (kind: Other, id: string) => {
      this.touches.ids[kind].add(id);
      journal?.mark(kind, id);
    };
    this.stops.push(rows.onChange(db, (documentId) => local(`chunkLayouts:${documentId}`, () => onDocument(documentId))));
    const tables: Record<Other, Table> = {
      links: db.links,
      actors: db.actors,
      sets: db.sets,
      tagTypes: db.tagTypes,
      relationTypes: db.relationTypes,
      documents: db.documents,
    };
    for (const [kind, table] of Object.entries(tables) as [Other, Table][]) {
      this.stops.push(onRowWrite(table, (id) => local(`${table.name}:${id}`, () => onItem(kind, id))));
    }
    // The hooks see only this thread's writes. The import, revision and
    // backup workers (a restore) and other windows write the same
    // database; Dexie tells every thread of each write's keys once it is
    // committed, and those the hooks here did not report are touched too.
    const kindOf = new Map<string, Kind>([
      ['chunkLayouts', 'annotations'],
      ...Object.entries(tables).map(([kind, table]) => [table.name, kind as Kind] as const),
    ]);
    const prefix = `idb://${db.name}/`;
    const mutated = (parts: ObservabilitySet) => {
      let news = false;
      for (const [part, keys] of Object.entries(parts)) {
        // A table's primary keys are the part `idb://db/table/`.
        if (!part.startsWith(prefix) || !part.endsWith('/')) continue;
        const table = part.slice(prefix.length, -1);
        const kind = kindOf.get(table);
        if (!kind) continue;
        for (const key of keysOf(keys)) {
          if (key === null) {
            this.touches.full = true;
            journal?.markAll();
          } else if (heard.delete(`${table}:${key}`)) continue;
          else if (kind === 'annotations') onDocument(key);
          else onItem(kind, key);
          news = true;
        }
      }
      if (news) changed();
    };
    Dexie.on('storagemutated', mutated);
    this.stops.push(() => Dexie.on.storagemutated.unsubscribe(mutated));
    this.stops.push(
      onItemsChanged(
        doc,
        (kind, ids) => {
          for (const id of ids) this.touches.ids[kind].add(id);
          changed();
        },
        'local',
      ),
    );
  }

  /// What changed since the last `take`, and nothing from now on.
  take(): Touches {
    const taken = this.touches;
    this.touches = empty();
    return taken;
  }

  /// What changed since the last `take`, left in place.
  peek(): Touches {
    return this.touches;
  }

  /// Puts back what `take` gave, with whatever changed since, for a round
  /// trip that failed: nothing is forgotten.
  restore(touches: Touches): void {
    for (const id of touches.documentsOfAnnotations) this.touches.documentsOfAnnotations.add(id);
    for (const kind of Object.keys(touches.ids) as Kind[]) for (const id of touches.ids[kind]) this.touches.ids[kind].add(id);
    this.touches.full ||= touches.full;
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

function empty(): Touches {
  return {
    documentsOfAnnotations: new Set(),
    ids: { annotations: new Set(), links: new Set(), actors: new Set(), sets: new Set(), tagTypes: new Set(), relationTypes: new Set(), documents: new Set() },
    full: false,
  };
}

// The keys of a `storagemutated` range set (a tree of ranges, cloned
// plain when it comes from another thread): each single string key, and
// `null` for a range, which names no row.
function* keysOf(node: unknown): Generator<string | null> {
  if (!node || typeof node !== 'object') return;
  const range = node as { from?: unknown; to?: unknown; l?: unknown; r?: unknown };
  yield* keysOf(range.l);
  if ('from' in range) yield typeof range.from === 'string' && range.from === range.to ? range.from : null;
  yield* keysOf(range.r);
}
