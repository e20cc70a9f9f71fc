import type { Actor } from '../actors/model';
import type { Annotation, TagType } from '../annotation/model';
import { annotationOf } from '../format/native';
import type { Link, RelationType } from '../links/model';
import { statementKey } from '../links/validate';
import type { AnnotationSet } from './model';
import type { SetDocument, SetFile } from './set-file';

/// The library a set file would be imported into.
export interface SetImportLibrary {
  sets: ReadonlyMap<string, AnnotationSet>;
  annotations: ReadonlyMap<string, Annotation>;
  links: ReadonlyMap<string, Link>;
  actors: ReadonlyMap<string, Actor>;
  tagTypes: readonly TagType[];
  relationTypes: readonly RelationType[];
  /// The library's documents, by id; only their fingerprint is compared.
  documents: ReadonlyMap<string, { fingerprint: string }>;
  /// The library's actor for a name or alias, or `null`.
  resolveActor: (name: string) => Actor | null;
}

/// An item of the file that the import leaves out, because the library
/// already has something in its place. The library's is kept.
export interface SetImportConflict<T> {
  /// `same id`: the library has an item with this id and other content.
  /// `duplicate`: the library has, under another id, what this item says: a
  /// tag or relation type of the same name, an actor of the same name, a
  /// link between the same passages by the same relation.
  kind: 'same id' | 'duplicate';
  /// Where the item is in the file: `$.annotations[3]`.
  path: string;
  file: T;
  library: T;
  /// For `same id`, the fields that differ; for `duplicate`, those that
  /// make the two the same.
  fields: string[];
  /// Which was modified later, for items with times, when they differ.
  newer: 'file' | 'library' | null;
}

/// What the import does with one kind of item.
export interface PlannedItems<T> {
  /// Items the library lacks: added.
  add: T[];
  /// Items the library has as they are: nothing to do.
  present: T[];
  conflicts: SetImportConflict<T>[];
}

/// What importing a set file into a library would change, worked out before
/// anything is written, for the preview.
export interface SetImportPlan {
  set: PlannedItems<AnnotationSet>;
  annotations: PlannedItems<Annotation>;
  links: PlannedItems<Link>;
  actors: PlannedItems<Actor>;
  tagTypes: PlannedItems<TagType>;
  relationTypes: PlannedItems<RelationType>;
  documents: {
    /// Documents the library does not have: their annotations have no text
    /// to be read in until the document is added.
    missing: SetDocument[];
    /// Documents whose text in the library differs from the exporter's
    /// (another transcription): positions may have moved; the quotes still
    /// find the passages.
    changed: SetDocument[];
  };
}

/// Plans importing `file` into `existing`, matching items by id. An item
/// the library lacks is added; one it has with the same content is present;
/// one it has with different content is a conflict, and the library's version
/// is kept (the plan says which is newer, for a preview to offer the file's).
/// Under a new id, a tag type or relation type named as one of the library's
/// is that one (the file's annotations and links are added using the
/// library's id, as W3C imports take tag names); an actor whose name or an
/// alias already resolves in the library, or a link saying what a library
/// link says, is a duplicate and not added. Type orders are ignored when
/// comparing; added types come after the library's own, in the file's order.
export function planSetImport(file: SetFile, existing: SetImportLibrary): SetImportPlan {
  const tagTypes = planTypes(file.tagTypes, existing.tagTypes, 'tagTypes');
  const relationTypes = planTypes(file.relationTypes, existing.relationTypes, 'relationTypes');
  const tagId = (id: string) => tagTypes.renamed.get(id) ?? id;
  const relationId = (id: string) => relationTypes.renamed.get(id) ?? id;

  const set = empty<AnnotationSet>();
  place(set, { ...file.set, annotationIds: [...file.set.annotationIds] }, existing.sets.get(file.set.id), '$.set');

  const annotations = empty<Annotation>();
  file.annotations.forEach((entry, i) => {
    const annotation = annotationOf(entry);
    annotation.tags = annotation.tags.map(tagId);
    place(annotations, annotation, existing.annotations.get(annotation.id), `$.annotations[${i}]`);
  });

  const actors = empty<Actor>();
  file.actors.forEach((entry, i) => {
    const actor: Actor = { ...entry, aliases: [...entry.aliases] };
    const path = `$.actors[${i}]`;
    const same = existing.actors.get(actor.id);
    if (same) return place(actors, actor, same, path);
    const byName = existing.resolveActor(actor.name);
    const byAlias = byName ? null : actor.aliases.map((alias) => existing.resolveActor(alias)).find((a) => a !== null);
    const duplicate = byName ?? byAlias;
    if (duplicate)
      actors.conflicts.push({
        kind: 'duplicate',
        path,
        file: actor,
        library: duplicate,
        fields: [byName ? 'name' : 'aliases'],
        newer: newer(actor, duplicate),
      });
    else actors.add.push(actor);
  });

  const links = empty<Link>();
  const allRelations = [...existing.relationTypes, ...relationTypes.plan.add];
  const statements = new Map<string, Link>();
  for (const link of existing.links.values()) statements.set(statementKey(link, allRelations), link);
  file.links.forEach((entry, i) => {
    const link: Link = { ...entry, relation: relationId(entry.relation) };
    const path = `$.links[${i}]`;
    const same = existing.links.get(link.id);
    if (same) return place(links, link, same, path);
    const duplicate = statements.get(statementKey(link, allRelations));
    if (duplicate)
      links.conflicts.push({ kind: 'duplicate', path, file: link, library: duplicate, fields: ['from', 'to', 'relation'], newer: newer(link, duplicate) });
    else links.add.push(link);
  });

  const documents: SetImportPlan['documents'] = { missing: [], changed: [] };
  for (const document of file.documents) {
    const mine = existing.documents.get(document.id);
    if (!mine) documents.missing.push({ ...document });
    else if (mine.fingerprint !== document.fingerprint) documents.changed.push({ ...document });
  }

  return { set, annotations, links, actors, tagTypes: tagTypes.plan, relationTypes: relationTypes.plan, documents };
}

function empty<T>(): PlannedItems<T> {
  return { add: [], present: [], conflicts: [] };
}

// Sorts one item by id: added, present, or in conflict with the library's.
function place<T extends object>(plan: PlannedItems<T>, item: T, mine: T | undefined, path: string, ignore: readonly string[] = []): void {
  if (!mine) return void plan.add.push(item);
  const fields = differingFields(item, mine, ignore);
  if (fields.length === 0) plan.present.push(item);
  else plan.conflicts.push({ kind: 'same id', path, file: item, library: mine, fields, newer: newer(item, mine) });
}

function planTypes<T extends { id: string; name: string; order: number }>(
  fromFile: readonly T[],
  library: readonly T[],
  key: string,
): { plan: PlannedItems<T>; renamed: Map<string, string> } {
  const plan = empty<T>();
  const renamed = new Map<string, string>();
  let next = library.reduce((max, t) => Math.max(max, t.order + 1), 0);
  const indexed = fromFile.map((item, i) => ({ item, i })).sort((a, b) => a.item.order - b.item.order || a.i - b.i);
  for (const { item, i } of indexed) {
    const path = `$.${key}[${i}]`;
    const same = library.find((t) => t.id === item.id);
    if (same) {
      place(plan, { ...item }, same, path, ['order']);
      continue;
    }
    const named = library.find((t) => t.name.toLowerCase() === item.name.toLowerCase());
    if (named) {
      renamed.set(item.id, named.id);
      plan.conflicts.push({ kind: 'duplicate', path, file: { ...item }, library: named, fields: ['name'], newer: null });
    } else {
      plan.add.push({ ...item, order: next++ });
    }
  }
  return { plan, renamed };
}

// The top-level fields in which `a` and `b` differ, in `a`'s order.
function differingFields(a: object, b: object, ignore: readonly string[]): string[] {
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => !ignore.includes(k));
  return keys.filter((k) => !sameValue(ra[k], rb[k]));
}

// Equality of plain JSON values, whatever order their keys were written in.
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

function newer(file: object, library: object): 'file' | 'library' | null {
  const a = (file as { modified?: unknown }).modified;
  const b = (library as { modified?: unknown }).modified;
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return null;
  // ISO 8601 times with offsets do not compare as text; as instants they do.
  const [ta, tb] = [Date.parse(a), Date.parse(b)];
  return ta > tb ? 'file' : tb > ta ? 'library' : null;
}
