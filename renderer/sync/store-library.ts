import Dexie from 'dexie';
import type { Annotation, TagType } from '../../shared/annotation/model';
import type { Link, RelationType } from '../../shared/links/model';
import { canonicalJson } from '../../shared/sync/canonical';
import { type SharedAnnotation, type SharedLibrary, type SharedLink, emptySharedLibrary } from '../../shared/sync/model';
import * as rows from '../store/annotation-rows';
import type { AnnotationRef } from '../store/annotation-rows';
import type { DocumentRow, LinkRow, PalimpsestDb } from '../store/db';
import { type Ids, idsOf } from './base';

/// The library as the local store holds it, in the shape the sync mapping
/// reads: every list sorted by id, authorship fields present.
export async function readStore(db: PalimpsestDb): Promise<SharedLibrary> {
  // One read transaction: read piecemeal, a write regrouping a document's
  // chunks meanwhile could hide an annotation, and a missing annotation
  // reads as one the researcher deleted.
  const [annotations, links, actors, sets, tagTypes, relationTypes, documents] = await db.transaction(
    'r',
    [...rows.tables(db), db.links, db.actors, db.sets, db.tagTypes, db.relationTypes, db.documents],
    () =>
      Promise.all([
        rows.all(db),
        db.links.toArray(),
        db.actors.toArray(),
        db.sets.toArray(),
        db.tagTypes.toArray(),
        db.relationTypes.toArray(),
        db.documents.toArray(),
      ]),
  );
  return {
    annotations: byId(annotations.map(sharedAnnotation)),
    links: byId(links.map(asShared.links)),
    actors: byId(actors),
    sets: byId(sets),
    tagTypes: byId(tagTypes.map(asShared.tagTypes)),
    relationTypes: byId(relationTypes.map(asShared.relationTypes)),
    documents: byId(documents.map(asShared.documents)),
  };
}

/// What a round trip reads of the store: the annotations of whole
/// documents (those the researcher changed), annotations by id (those the
/// project changed, with the document each is on), and items of the other
/// kinds by id.
export interface Scope {
  documentsOfAnnotations: Iterable<string>;
  annotations: Iterable<AnnotationRef>;
  ids: Partial<Record<Exclude<keyof SharedLibrary, 'annotations'>, Iterable<string>>>;
}

/// The part of the library `scope` names, as `readStore` gives it: what a
/// round trip reads, costing the change rather than the library. A
/// document's row (its whole text) is read only when its id is named.
export async function readScope(db: PalimpsestDb, scope: Scope): Promise<SharedLibrary> {
  const some = <T>(table: { bulkGet(ids: string[]): Promise<(T | undefined)[]> }, ids: Iterable<string> | undefined) => {
    const wanted = [...new Set(ids ?? [])];
    return wanted.length === 0 ? Promise.resolve([]) : table.bulkGet(wanted).then((found) => found.filter((row): row is T => row !== undefined));
  };
  const { ids } = scope;
  // One transaction, as `readStore`: a document regrouped meanwhile is
  // read whole before or after.
  const [whole, named, links, actors, sets, tagTypes, relationTypes, documents] = await db.transaction(
    'r',
    [...rows.tables(db), db.links, db.actors, db.sets, db.tagTypes, db.relationTypes, db.documents],
    () =>
      Promise.all([
        Promise.all([...new Set(scope.documentsOfAnnotations)].map((documentId) => rows.ofDocument(db, documentId))),
        [...scope.annotations].length === 0 ? Promise.resolve([]) : rows.getMany(db, [...scope.annotations]),
        some(db.links, ids.links),
        some(db.actors, ids.actors),
        some(db.sets, ids.sets),
        some(db.tagTypes, ids.tagTypes),
        some(db.relationTypes, ids.relationTypes),
        some(db.documents, ids.documents),
      ]),
  );
  const annotations = new Map<string, Annotation>();
  for (const annotation of [...whole.flat(), ...named]) if (annotation) annotations.set(annotation.id, annotation);
  return {
    annotations: byId([...annotations.values()].map(sharedAnnotation)),
    links: byId(links.map(asShared.links)),
    actors: byId(actors),
    sets: byId(sets),
    tagTypes: byId(tagTypes.map(asShared.tagTypes)),
    relationTypes: byId(relationTypes.map(asShared.relationTypes)),
    documents: byId(documents.map(asShared.documents)),
  };
}

// The transactions `writeStore` opened: a write hook that runs in one of
// them is the binding's own write, no change of the researcher's.
const ownWrites = new WeakSet<object>();

/// Whether the write running now (in a Dexie hook) is `writeStore`'s.
export function writingProject(): boolean {
  const idb = Dexie.currentTransaction?.idbtrans;
  return idb !== undefined && idb !== null && ownWrites.has(idb);
}

// Each stored row as `readStore` gives it.
const asShared = {
  links: ({ fromDocument: _from, toDocument: _to, ...link }: LinkRow): SharedLink => sharedLink(link),
  tagTypes: (tagType: TagType) => ({ ...tagType, aliases: [] }),
  relationTypes: (relationType: RelationType) => ({ ...relationType, aliases: [] }),
  documents: (row: DocumentRow) => ({ id: row.id, row }),
};

/// Writes into the store what differs between `store` (as `readStore`
/// gave it) and `shared` (the project's library), in one transaction.
/// Annotations and links keep who made and last changed them (exports and
/// backups carry it); tag and relation types keep only their own fields.
///
/// `store` and `shared` may be parts of the library (what `readScope` and
/// `readItems` give for the same ids); `documentOf` then finds the
/// documents of links' ends that `shared` does not hold.
///
/// A row the researcher changed after `store` was read is not written
/// (see below); `held` names those rows, whose next round trip is already
/// scheduled by that change.
export async function writeStore(
  db: PalimpsestDb,
  store: SharedLibrary,
  shared: SharedLibrary,
  documentOf: (annotationId: string) => string | null = () => null,
): Promise<Written> {
  const ends = new Map(shared.annotations.map((a) => [a.id, a.documentId]));
  const documentOfEnd = (id: string) => ends.get(id) ?? documentOf(id) ?? '';
  const planned = plan(store, shared);
  const held = idsOf(emptySharedLibrary());
  const arrived = idsOf(emptySharedLibrary());
  if (planned.count === 0) return { count: 0, held, arrived };
  let count = 0;
  await db.transaction('rw', [...rows.tables(db), db.links, db.actors, db.sets, db.tagTypes, db.relationTypes, db.documents], async () => {
    const idb = Dexie.currentTransaction?.idbtrans;
    if (idb) ownWrites.add(idb);
    // `store` was read before this transaction began, and the researcher
    // may have written since: a note committed while the round trip ran.
    // Writing the project's version over such a row would lose that edit,
    // so it is left as it is now; its write scheduled the next round trip,
    // which carries it to the project and brings the project's back.
    const unchanged = await unchangedSince(db, store, planned);
    for (const key of Object.keys(held) as (keyof SharedLibrary)[]) {
      const kept = new Set([...unchanged[key].put, ...unchanged[key].removed].map((item) => item.id));
      for (const item of [...planned[key].put, ...planned[key].removed]) if (!kept.has(item.id)) held[key].add(item.id);
    }
    for (const key of Object.keys(arrived) as (keyof SharedLibrary)[]) {
      for (const item of unchanged[key].put) if (planned[key].news.has(item.id)) arrived[key].add(item.id);
      for (const item of unchanged[key].removed) arrived[key].add(item.id);
    }
    const { annotations, links, actors, sets, tagTypes, relationTypes, documents } = unchanged;
    count = [annotations, links, actors, sets, tagTypes, relationTypes, documents].reduce((n, c) => n + c.put.length + c.removed.length, 0);
    await db.documents.bulkPut(documents.put.map((d) => d.row as DocumentRow));
    await db.documents.bulkDelete(documents.removed.map((d) => d.id));
    await rows.put(db, annotations.put as Annotation[]);
    await rows.remove(db, annotations.removed);
    await db.links.bulkPut(
      links.put.map(
        ({ createdBy, modifiedBy, keptAfterDelete: _k, ...link }): LinkRow => ({
          ...link,
          ...(createdBy ? { createdBy } : {}),
          ...(modifiedBy ? { modifiedBy } : {}),
          fromDocument: documentOfEnd(link.from),
          toDocument: documentOfEnd(link.to),
        }),
      ),
    );
    await db.links.bulkDelete(links.removed.map((l) => l.id));
    await db.actors.bulkPut(actors.put);
    await db.actors.bulkDelete(actors.removed.map((a) => a.id));
    await db.sets.bulkPut(sets.put);
    await db.sets.bulkDelete(sets.removed.map((s) => s.id));
    await db.tagTypes.bulkPut(tagTypes.put.map(({ aliases: _a, ...tagType }) => tagType));
    await db.tagTypes.bulkDelete(tagTypes.removed.map((t) => t.id));
    await db.relationTypes.bulkPut(relationTypes.put.map(({ aliases: _a, ...relation }) => relation));
    await db.relationTypes.bulkDelete(relationTypes.removed.map((r) => r.id));
  });
  return { count, held, arrived };
}

/// What `writeStore` did: how many rows it wrote or deleted, those rows
/// (`arrived`, the project's changes now in the store), and the rows it
/// left because the researcher changed them meanwhile.
export interface Written {
  count: number;
  held: Ids;
  arrived: Ids;
}

type Plan = ReturnType<typeof plan>;
type Changes<T> = { put: T[]; removed: T[]; news: Set<string> };

// The planned changes, without those to rows the store no longer holds as
// `store` read them. Runs inside `writeStore`'s transaction.
async function unchangedSince(db: PalimpsestDb, store: SharedLibrary, planned: Plan): Promise<Plan> {
  const keep = async <T extends { id: string }>(
    before: readonly T[],
    changes: Changes<T>,
    now: (ids: string[]) => Promise<(T | undefined)[]>,
  ): Promise<Changes<T>> => {
    const touched = [...new Set([...changes.put, ...changes.removed].map((item) => item.id))];
    if (touched.length === 0) return changes;
    const read = new Map(before.map((item) => [item.id, item]));
    const current = await now(touched);
    const same = new Set(touched.filter((id, i) => sameItem(read.get(id), current[i])));
    return { ...changes, put: changes.put.filter((item) => same.has(item.id)), removed: changes.removed.filter((item) => same.has(item.id)) };
  };
  const rowsOf =
    <R, T>(table: { bulkGet(ids: string[]): Promise<(R | undefined)[]> }, shape: (row: R) => T) =>
    async (ids: string[]) =>
      (await table.bulkGet(ids)).map((row) => (row === undefined ? undefined : shape(row)));
  const documentOf = new Map([...store.annotations, ...planned.annotations.put].map((a) => [a.id, a.documentId]));
  const result = {
    annotations: await keep(store.annotations, planned.annotations, async (ids) =>
      (
        await rows.getMany(
          db,
          ids.map((id) => ({ id, documentId: documentOf.get(id) ?? '' })),
        )
      ).map((a) => (a ? sharedAnnotation(a) : undefined)),
    ),
    links: await keep(store.links, planned.links, rowsOf(db.links, asShared.links)),
    actors: await keep(
      store.actors,
      planned.actors,
      rowsOf(db.actors, (a) => a),
    ),
    sets: await keep(
      store.sets,
      planned.sets,
      rowsOf(db.sets, (s) => s),
    ),
    tagTypes: await keep(store.tagTypes, planned.tagTypes, rowsOf(db.tagTypes, asShared.tagTypes)),
    relationTypes: await keep(store.relationTypes, planned.relationTypes, rowsOf(db.relationTypes, asShared.relationTypes)),
    documents: await keep(store.documents, planned.documents, rowsOf(db.documents, asShared.documents)),
  };
  return { ...result, count: planned.count };
}

function sameItem(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/// The items, as `kind:id`, that `store` holds otherwise than `shared`
/// (or holds and `shared` lacks, or lacks and `shared` holds), as
/// `writeStore` compares them.
export function differing(store: SharedLibrary, shared: SharedLibrary): string[] {
  const planned = plan(store, shared);
  const items: string[] = [];
  for (const key of Object.keys(store) as (keyof SharedLibrary)[]) {
    const { put, removed } = planned[key] as Changes<{ id: string }>;
    for (const item of [...put, ...removed]) items.push(`${key}:${item.id}`);
  }
  return items;
}

/// `store` with the project's changes from `base` to `shared` laid over
/// it: what the project added or changed replaces the store's, what it
/// deleted goes, and whatever else the store holds stays as it is. A
/// read-only member's library follows the project this way, keeping
/// their own changes on their machine.
export function overlay(store: SharedLibrary, base: SharedLibrary, shared: SharedLibrary): SharedLibrary {
  const result = {} as Record<keyof SharedLibrary, { id: string }[]>;
  for (const key of Object.keys(store) as (keyof SharedLibrary)[]) {
    const items = new Map((store[key] as { id: string }[]).map((item) => [item.id, item]));
    const before = new Map((base[key] as { id: string }[]).map((item) => [item.id, canonicalJson(item)]));
    const now = new Set<string>();
    for (const item of shared[key] as { id: string }[]) {
      now.add(item.id);
      if (before.get(item.id) !== canonicalJson(item)) items.set(item.id, item);
    }
    for (const id of before.keys()) if (!now.has(id)) items.delete(id);
    result[key] = byId([...items.values()]);
  }
  return result as unknown as SharedLibrary;
}

function plan(store: SharedLibrary, shared: SharedLibrary) {
  const annotations = changes(store.annotations, shared.annotations, (a) => a);
  const links = changes(store.links, shared.links, linkRow);
  const actors = changes(store.actors, shared.actors, (a) => a);
  const sets = changes(store.sets, shared.sets, (s) => s);
  const tagTypes = changes(store.tagTypes, shared.tagTypes, ({ aliases: _aliases, ...tagType }) => ({ ...tagType, aliases: [] }));
  const relationTypes = changes(store.relationTypes, shared.relationTypes, ({ aliases: _aliases, ...relation }) => ({ ...relation, aliases: [] }));
  const documents = changes(store.documents, shared.documents, (d) => d);
  const count = [annotations, links, actors, sets, tagTypes, relationTypes, documents].reduce((n, c) => n + c.put.length + c.removed.length, 0);
  return { annotations, links, actors, sets, tagTypes, relationTypes, documents, count };
}

function sharedAnnotation(annotation: Annotation): SharedAnnotation {
  const shared = annotation as Partial<SharedAnnotation>;
  return { ...annotation, createdBy: shared.createdBy ?? null, modifiedBy: shared.modifiedBy ?? null, keptAfterDelete: shared.keptAfterDelete ?? null };
}

function sharedLink(link: Link): SharedLink {
  return { ...link, createdBy: link.createdBy ?? null, modifiedBy: link.modifiedBy ?? null, keptAfterDelete: null };
}

// A link compares without the deletion it survived, which the store does
// not keep (the panel shows it from the project).
function linkRow(link: SharedLink): SharedLink {
  return { ...link, keptAfterDelete: null };
}

// What to put and remove to turn `store` into `shared`; `asStored` gives
// an item as the store would hold it, so what it does not keep is no change.
// `news` names the items put that differ in more than who made or changed
// them: a row this machine wrote comes back from the project stamped with
// its author, which is no one else's change.
function changes<T extends { id: string }>(store: readonly T[], shared: readonly T[], asStored: (item: T) => T): { put: T[]; removed: T[]; news: Set<string> } {
  const mine = new Map(store.map((item) => [item.id, item]));
  const put = shared.filter((item) => {
    const stored = mine.get(item.id);
    return stored === undefined || canonicalJson(stored) !== canonicalJson(asStored(item));
  });
  const news = new Set(
    put
      .filter((item) => {
        const stored = mine.get(item.id);
        return stored === undefined || canonicalJson(unstamped(stored)) !== canonicalJson(unstamped(asStored(item)));
      })
      .map((item) => item.id),
  );
  const kept = new Set(shared.map((item) => item.id));
  return { put, removed: store.filter((item) => !kept.has(item.id)), news };
}

// An item without who made and last changed it.
function unstamped(item: object): object {
  const { createdBy: _c, modifiedBy: _m, ...rest } = item as { createdBy?: unknown; modifiedBy?: unknown };
  return rest;
}

function byId<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
