import { z } from 'zod';
import type { Annotation, TagType } from '../annotation/model';
import type { DocumentInfo } from '../corpus/document';
import { firstIssue, readFormattedJson } from './json-file';
import {
  actorSchema,
  documentEditSchema,
  importedDocumentSchema,
  linkSchema,
  relationTypeSchema,
  reviewSchema,
  revisionSchema,
  setSchema,
} from './library-schemas';
import { authorSchema, authorshipOf, colorSchema, idSchema, isoTimeSchema } from './native-fields';
import { InvalidInput } from '../errors';
import { listOf } from './list-schema';

export { maxImportCharacters } from './json-file';

/// Palimpsest's own annotation file format, version 1. Described for people
/// in docs/annotation-format.md; this schema is the definition.
export const formatName = 'palimpsest.annotations';
export const formatVersion = 1;

const isoTime = isoTimeSchema;
const color = colorSchema;
const id = idSchema;

const quoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quoted text must not be empty'),
  prefix: z.string(),
  suffix: z.string(),
});

const positionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((selector) => selector.start < selector.end, { message: 'start must be less than end', path: ['end'] });

export const annotationSchema = z.strictObject({
  id,
  documentId: id,
  citation: z.string().nullable(),
  target: z.strictObject({
    source: id,
    selector: z.tuple([quoteSelector, positionSelector]),
  }),
  tags: listOf(id),
  actor: z.string().min(1).nullable(),
  note: z.string(),
  created: isoTime,
  modified: isoTime,
  /// In a shared project: who made the annotation and who last changed it.
  /// Optional, so files from before sharing (and from libraries never
  /// shared) read as they always did.
  createdBy: authorSchema.nullable().optional(),
  modifiedBy: authorSchema.nullable().optional(),
});

export const tagTypeSchema = z.strictObject({
  id,
  name: z.string().min(1, 'a tag type needs a name'),
  color,
  order: z.number().int().nonnegative(),
  namesActor: z.boolean(),
});

export const documentSchema = z.strictObject({
  id,
  title: z.string(),
  citation: z.string().nullable(),
  /// `textFingerprint` of the canonical text the positions count in.
  fingerprint: z.string(),
});

/// The pieces other formats of Palimpsest's own (a set file) build on, so an
/// id, a time or a colour is checked the same way in every file.
export { colorSchema, idSchema, isoTimeSchema };

export const nativeFileSchema = z
  .strictObject({
    format: z.literal(formatName),
    version: z.literal(formatVersion),
    exported: isoTime,
    scope: z.union([z.strictObject({ kind: z.literal('all') }), z.strictObject({ kind: z.literal('document'), documentId: id })]),
    tagTypes: listOf(tagTypeSchema),
    documents: listOf(documentSchema),
    annotations: listOf(annotationSchema),
    /// The rest of the library, in a whole-library export and a backup:
    /// relation types, links, actors, sets, and the researcher's own
    /// documents with the edits to any document's description. Absent
    /// elsewhere.
    library: z
      .strictObject({
        relationTypes: listOf(relationTypeSchema),
        links: listOf(linkSchema),
        actors: listOf(actorSchema),
        sets: listOf(setSchema),
        documents: listOf(importedDocumentSchema).optional(),
        documentEdits: listOf(documentEditSchema).optional(),
        revisions: listOf(revisionSchema).optional(),
        /// The reader's review list after revisions, in a backup.
        reviews: listOf(reviewSchema).optional(),
      })
      .optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.annotations.forEach((annotation, i) => {
      if (seen.has(annotation.id)) ctx.addIssue({ code: 'custom', message: `duplicate annotation id "${annotation.id}"`, path: ['annotations', i, 'id'] });
      seen.add(annotation.id);
      if (annotation.target.source !== annotation.documentId)
        ctx.addIssue({ code: 'custom', message: 'target.source must equal documentId', path: ['annotations', i, 'target', 'source'] });
    });
    const tagIds = new Set<string>();
    file.tagTypes.forEach((tagType, i) => {
      if (tagIds.has(tagType.id)) ctx.addIssue({ code: 'custom', message: `duplicate tag type id "${tagType.id}"`, path: ['tagTypes', i, 'id'] });
      tagIds.add(tagType.id);
    });
    file.annotations.forEach((annotation, i) =>
      annotation.tags.forEach((tag, j) => {
        if (!tagIds.has(tag)) ctx.addIssue({ code: 'custom', message: `tag "${tag}" is not among the file's tagTypes`, path: ['annotations', i, 'tags', j] });
      }),
    );
    if (!file.library) return;
    const relations = new Set(file.library.relationTypes.map((r) => r.id));
    file.library.links.forEach((link, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!seen.has(link[end]))
          ctx.addIssue({ code: 'custom', message: `the link's ${end} "${link[end]}" is not among the file's annotations`, path: ['library', 'links', i, end] });
      }
      if (!relations.has(link.relation))
        ctx.addIssue({
          code: 'custom',
          message: `relation "${link.relation}" is not among the file's relationTypes`,
          path: ['library', 'links', i, 'relation'],
        });
    });
  });

export type NativeFile = z.infer<typeof nativeFileSchema>;
export type NativeAnnotation = NativeFile['annotations'][number];

/// Parses and validates a native file. Throws `ImportError` naming the first
/// problem and its JSON path; returns the file only when all of it is valid.
export function parseNativeFile(json: string): NativeFile {
  return nativeFileOf(readFormattedJson(json, formatName, formatVersion, 'annotation file'));
}

/// Validates a native file already parsed from its JSON (a backup built from
/// its base and an increment); throws as `parseNativeFile` does.
export function nativeFileOf(value: unknown): NativeFile {
  const result = nativeFileSchema.safeParse(value);
  if (!result.success) throw firstIssue(result.error);
  return result.data;
}

/// Builds a native file of `annotations`. Documents and tag types listed are
/// those the annotations use, so the file stands on its own.
export function buildNativeFile(options: {
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  documents: ReadonlyMap<string, DocumentInfo>;
  scope: NativeFile['scope'];
  exported: Date;
  /// The rest of the library, for a whole-library export or backup.
  library?: NativeFile['library'];
  /// What to do with annotations whose document is not in `documents`:
  /// refuse (an InvalidInput), or, for a backup, which must not lose them,
  /// keep them under a stand-in entry named by the document's id.
  missingDocuments?: 'refuse' | 'keep';
}): NativeFile {
  const { annotations, tagTypes, documents } = options;
  const usedDocuments = new Set(annotations.map((annotation) => annotation.documentId));
  return {
    format: formatName,
    version: formatVersion,
    exported: options.exported.toISOString(),
    scope: options.scope,
    tagTypes: nativeTagTypes(tagTypes),
    documents: nativeDocuments(usedDocuments, documents, options.missingDocuments),
    annotations: annotations.map((annotation) => nativeAnnotation(annotation, documents.get(annotation.documentId)?.meta.citation ?? null)),
    ...(options.library ? { library: options.library } : {}),
  };
}

/// A native file's `tagTypes`: all of them, by their order.
export function nativeTagTypes(tagTypes: readonly TagType[]): NativeFile['tagTypes'] {
  return [...tagTypes].sort((a, b) => a.order - b.order).map((tagType) => ({ ...tagType }));
}

/// A native file's `documents`: those `used` by its annotations, by id. A
/// document not in `documents` is refused (an InvalidInput), or for a
/// backup kept under a stand-in entry.
export function nativeDocuments(
  used: Iterable<string>,
  documents: ReadonlyMap<string, DocumentInfo>,
  missingDocuments: 'refuse' | 'keep' = 'refuse',
): NativeFile['documents'] {
  return [...new Set(used)].sort().map((documentId) => nativeDocumentEntry(documentId, documents.get(documentId), missingDocuments));
}

/// The entry of a native file's `documents` for document `documentId`
/// (`document`, or undefined when the library does not hold it: refused,
/// or for a backup kept under a stand-in entry named by the id).
export function nativeDocumentEntry(documentId: string, document: DocumentInfo | undefined, missing: 'refuse' | 'keep'): NativeFile['documents'][number] {
  if (!document && missing === 'keep') return { id: documentId, title: documentId, citation: null, fingerprint: '' };
  if (!document) throw new InvalidInput('$', `Annotations refer to the document "${documentId}", which is not in the library.`);
  return { id: document.id, title: document.meta.title, citation: document.meta.citation, fingerprint: document.fingerprint };
}

/// An annotation as a native file's entry, with its document's citation.
export function nativeAnnotation(annotation: Annotation, citation: string | null): NativeAnnotation {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    citation,
    target: { source: annotation.documentId, selector: [{ ...annotation.quote }, { ...annotation.position }] },
    tags: [...annotation.tags],
    actor: annotation.actor,
    note: annotation.note,
    created: annotation.created,
    modified: annotation.modified,
    ...authorshipOf(annotation),
  };
}

/// The annotation a native file's entry stands for.
export function annotationOf(entry: NativeAnnotation): Annotation {
  const [quote, position] = entry.target.selector;
  return {
    id: entry.id,
    documentId: entry.documentId,
    quote: { ...quote },
    position: { ...position },
    tags: [...entry.tags],
    actor: entry.actor,
    note: entry.note,
    created: entry.created,
    modified: entry.modified,
    ...authorshipOf(entry),
  };
}
