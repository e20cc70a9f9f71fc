import type { Actor } from '../actors/model';
import type { Annotation, TagType } from '../annotation/model';
import { nativeAnnotation } from '../format/native';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from './model';
import { type SetDocument, type SetFile, setFormatName, setFormatVersion } from './set-file';
import { InvalidInput } from '../errors';

/// What exporting a set looks things up in: the library as it is.
export interface SetExportContext {
  annotationsById: ReadonlyMap<string, Annotation>;
  /// Every link of the library; those joining two of the set's annotations go.
  links: Iterable<Link>;
  tagTypes: readonly TagType[];
  relationTypes: readonly RelationType[];
  /// The actor a name tagged on an annotation stands for, or `null`.
  resolveActor: (name: string) => Actor | null;
  documents: ReadonlyMap<string, SetDocument>;
  exported: Date;
}

/// The file of `set` with all it needs to stand on its own: its annotations
/// in the set's order; the links whose both ends are in the set (a link to
/// an annotation left out would point nowhere), ordered by their ends' places
/// in the set; the actors the annotations' names resolve to, in order of
/// first mention; and the tag types, relation types and documents used, only
/// those. Throws an InvalidInput when the set refers to something the library
/// lacks.
export function exportSet(set: AnnotationSet, context: SetExportContext): SetFile {
  const place = new Map<string, number>();
  const annotations = set.annotationIds.map((id, i) => {
    if (place.has(id)) throw new InvalidInput('$', `The set “${set.name}” lists the annotation “${id}” twice.`);
    place.set(id, i);
    const annotation = context.annotationsById.get(id);
    if (!annotation) throw new InvalidInput('$', `The set “${set.name}” holds the annotation “${id}”, which is not in the library.`);
    return annotation;
  });

  const documents = new Map<string, SetDocument>();
  const tagIds = new Set<string>();
  const actors = new Map<string, Actor>();
  for (const annotation of annotations) {
    const document = context.documents.get(annotation.documentId);
    if (!document) throw new InvalidInput('$', `The annotation “${annotation.id}” is in the document “${annotation.documentId}”, which is not in the library.`);
    documents.set(document.id, document);
    for (const tag of annotation.tags) tagIds.add(tag);
    const actor = annotation.actor === null ? null : context.resolveActor(annotation.actor);
    if (actor && !actors.has(actor.id)) actors.set(actor.id, actor);
  }

  const links = [...context.links]
    .filter((link) => place.has(link.from) && place.has(link.to))
    .sort((a, b) => place.get(a.from)! - place.get(b.from)! || place.get(a.to)! - place.get(b.to)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const relationIds = new Set(links.map((link) => link.relation));

  return {
    format: setFormatName,
    version: setFormatVersion,
    exported: context.exported.toISOString(),
    set: { id: set.id, name: set.name, description: set.description, annotationIds: [...set.annotationIds], created: set.created, modified: set.modified },
    tagTypes: used(tagIds, context.tagTypes, 'tag type').map((t) => ({ id: t.id, name: t.name, color: t.color, order: t.order, namesActor: t.namesActor })),
    relationTypes: used(relationIds, context.relationTypes, 'relation type').map((r) => ({
      id: r.id,
      name: r.name,
      inverse: r.inverse,
      color: r.color,
      order: r.order,
    })),
    actors: [...actors.values()].map((a) => ({ id: a.id, name: a.name, aliases: [...a.aliases], created: a.created, modified: a.modified })),
    documents: [...documents.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => ({ id: d.id, title: d.title, citation: d.citation, fingerprint: d.fingerprint })),
    annotations: annotations.map((annotation) => nativeAnnotation(annotation, documents.get(annotation.documentId)!.citation)),
    links: links.map((l) => ({ id: l.id, from: l.from, to: l.to, relation: l.relation, note: l.note, created: l.created, modified: l.modified })),
  };
}

// The types among `all` whose ids are used, in the library's order.
function used<T extends { id: string; order: number }>(ids: ReadonlySet<string>, all: readonly T[], what: string): T[] {
  const found = all.filter((t) => ids.has(t.id)).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  if (found.length < ids.size) {
    const missing = [...ids].find((id) => !found.some((t) => t.id === id))!;
    throw new InvalidInput('$', `The set uses the ${what} “${missing}”, which is not in the library.`);
  }
  return found;
}
