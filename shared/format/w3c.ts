import type { Actor } from '../actors/model';
import type { Annotation, Author, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from '../sets/model';
import { CodePoints } from './code-points';
import { streamed } from './json-stream';
import { annotationPrefix, authorPrefix, documentPrefix, palimpsestContext, w3cContext } from './w3c-terms';

export type { ForeignAnnotation } from './w3c-read';
export { w3cContext } from './w3c-terms';

/// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export, by
/// the letter of the model: Palimpsest's tags are bodies with purpose
/// `tagging`, the actor a body with purpose `identifying`, the note a body
/// with purpose `commenting`; positions count Unicode code points; every
/// term is in the W3C context or in Palimpsest's own (w3c-terms.ts). Links
/// are annotations with motivation `linking` whose targets are the two
/// annotations; a whole-library export also carries tag types with their
/// colours, relation types, actors with their aliases, and sets. Reading
/// is w3c-read.ts, through the one reader, read.ts.

/// What a whole-library export carries beside the annotations.
export interface W3cLibrary {
  relationTypes: readonly RelationType[];
  links: readonly Link[];
  actors: readonly Actor[];
  sets: readonly AnnotationSet[];
}

/// Builds an AnnotationCollection of `annotations` (and, given `library`,
/// of the links among them and the rest of the library).
export function buildW3cCollection(options: {
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  documents: ReadonlyMap<string, LibraryDocument>;
  exported: Date;
  library?: W3cLibrary;
}) {
  const item = w3cItemMaker(options.tagTypes, options.documents);
  const items: object[] = options.annotations.map(item);
  if (options.library) items.push(...options.library.links.map(w3cLinkMaker(options.library.relationTypes)));
  return w3cCollectionOf(options.tagTypes, options.exported, options.library, items.length, items);
}

/// The same collection as `buildW3cCollection`, to be written by
/// json-stream's `jsonPieces`: its items a streamed array of the
/// annotations, batch by batch, then the links. `count` is how many
/// annotations `annotations` yields (the collection states its total first).
export function streamedW3cCollection(options: {
  annotations: AsyncIterable<readonly Annotation[]>;
  count: number;
  tagTypes: readonly TagType[];
  documents: ReadonlyMap<string, LibraryDocument>;
  exported: Date;
  library?: W3cLibrary;
}) {
  const item = w3cItemMaker(options.tagTypes, options.documents);
  const { library } = options;
  async function* batches(): AsyncGenerator<object[]> {
    let seen = 0;
    for await (const batch of options.annotations) {
      seen += batch.length;
      yield batch.map(item);
    }
    if (seen !== options.count) throw new RangeError(`The collection was said to hold ${options.count} annotations but ${seen} came.`);
    if (library) yield library.links.map(w3cLinkMaker(library.relationTypes));
  }
  return w3cCollectionOf(options.tagTypes, options.exported, library, options.count + (library?.links.length ?? 0), streamed(batches()));
}

function w3cCollectionOf<Items>(tagTypes: readonly TagType[], exported: Date, library: W3cLibrary | undefined, total: number, items: Items) {
  const id = `urn:palimpsest:collection:${exported.toISOString()}`;
  return {
    '@context': [w3cContext, palimpsestContext],
    id,
    type: 'AnnotationCollection',
    label: 'Palimpsest annotations',
    total,
    tagTypes: [...tagTypes].sort((a, b) => a.order - b.order).map((t) => ({ ...t })),
    ...(library
      ? {
          relationTypes: [...library.relationTypes].sort((a, b) => a.order - b.order).map((r) => ({ ...r })),
          actors: library.actors.map((a) => ({ ...a, aliases: [...a.aliases] })),
          sets: library.sets.map((s) => ({ ...s, annotationIds: [...s.annotationIds] })),
        }
      : {}),
    // The page describes its collection, as the model's Example 52 does.
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, partOf: { id, label: 'Palimpsest annotations', total }, items },
  };
}

// An annotation as a collection's item, with what the items share (tag
// names, each document's code-point index and source) made once.
function w3cItemMaker(tagTypes: readonly TagType[], documents: ReadonlyMap<string, LibraryDocument>): (a: Annotation) => object {
  const names = new Map(tagTypes.map((t) => [t.id, t.name]));
  const points = new Map<string, CodePoints>();
  const pointsOf = (document: LibraryDocument) => {
    let index = points.get(document.id);
    if (!index) points.set(document.id, (index = new CodePoints(document.text.text)));
    return index;
  };
  const sources = new Map<string, object>();
  const sourceOf = (documentId: string) => {
    let source = sources.get(documentId);
    if (!source) {
      const meta = documents.get(documentId)?.meta;
      const url = meta?.url && /^https?:\/\//.test(meta.url) ? meta.url : null;
      source = {
        id: `${documentPrefix}${documentId}`,
        type: 'Text',
        ...(meta?.title ? { title: meta.title } : {}),
        ...(meta?.citation ? { citation: meta.citation } : {}),
        ...(url ? { url } : {}),
      };
      sources.set(documentId, source);
    }
    return source;
  };
  return (a) => {
    const body: Record<string, string>[] = [
      ...a.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: names.get(t) ?? t })),
      ...(a.actor ? [{ type: 'TextualBody', purpose: 'identifying', value: a.actor }] : []),
      ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' }] : []),
    ];
    const document = documents.get(a.documentId);
    const index = document ? pointsOf(document) : null;
    return {
      id: `${annotationPrefix}${a.id}`,
      type: 'Annotation',
      motivation: a.tags.length || a.actor ? 'tagging' : a.note ? 'commenting' : 'highlighting',
      ...creatorOf(a.createdBy),
      created: a.created,
      modified: a.modified,
      ...(body.length ? { body } : {}),
      target: {
        type: 'SpecificResource',
        source: sourceOf(a.documentId),
        selector: [
          { ...a.quote },
          {
            type: 'TextPositionSelector',
            start: index ? index.fromUtf16(a.position.start) : a.position.start,
            end: index ? index.fromUtf16(a.position.end) : a.position.end,
          },
        ],
      },
    };
  };
}

// A link as a `linking` annotation whose targets are its two annotations.
function w3cLinkMaker(relationTypes: readonly RelationType[]): (link: Link) => object {
  const relationNames = new Map(relationTypes.map((r) => [r.id, r.name]));
  return (link) => ({
    id: `${annotationPrefix}${link.id}`,
    type: 'Annotation',
    motivation: 'linking',
    ...creatorOf(link.createdBy),
    created: link.created,
    modified: link.modified,
    body: [
      { type: 'TextualBody', purpose: 'classifying', value: relationNames.get(link.relation) ?? link.relation },
      ...(link.note ? [{ type: 'TextualBody', purpose: 'commenting', value: link.note, format: 'text/plain' }] : []),
    ],
    target: [`${annotationPrefix}${link.from}`, `${annotationPrefix}${link.to}`],
  });
}

/// Who made it, as the model's `creator` (an Agent): the machine's id as an
/// IRI and the display name. The model has no term for who last changed
/// it; the native format carries that.
function creatorOf(author: Author | null | undefined): { creator?: { id: string; type: 'Person'; name: string } } {
  return author ? { creator: { id: `${authorPrefix}${encodeURIComponent(author.id)}`, type: 'Person', name: author.name } } : {};
}
