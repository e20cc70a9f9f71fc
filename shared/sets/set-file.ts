import { z } from 'zod';
import { readFormattedJson, firstIssue } from '../format/json-file';
import { actorSchema, linkSchema, relationTypeSchema, setSchema } from '../format/library-schemas';
import { annotationSchema, documentSchema, isoTimeSchema, tagTypeSchema } from '../format/native';

export { actorSchema, linkSchema, relationTypeSchema };
import { statementKey } from '../links/validate';
import { listOf } from '../format/list-schema';

/// A set of annotations as one file, to share an argument with its
/// evidence: the set, its annotations (as in the annotation file), the links
/// among them, the actors they name, the tag and relation types they use and
/// the documents they are in. Described for people in
/// docs/annotation-format.md; this schema is the definition.
export const setFormatName = 'palimpsest.set';
export const setFormatVersion = 1;

export const setFileSchema = z
  .strictObject({
    format: z.literal(setFormatName),
    version: z.literal(setFormatVersion),
    exported: isoTimeSchema,
    set: setSchema,
    tagTypes: listOf(tagTypeSchema),
    relationTypes: listOf(relationTypeSchema),
    actors: listOf(actorSchema),
    documents: listOf(documentSchema),
    annotations: listOf(annotationSchema),
    links: listOf(linkSchema),
  })
  .superRefine((file, ctx) => {
    // Problems are added in the order of the file, so the one reported first
    // is the first a reader of the file would meet.
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const unique = (items: readonly { id: string }[], key: string, what: string): Set<string> => {
      const ids = new Set<string>();
      items.forEach((item, i) => {
        if (ids.has(item.id)) issue(`duplicate ${what} id "${item.id}"`, [key, i, 'id']);
        ids.add(item.id);
      });
      return ids;
    };

    const inSet = new Set<string>();
    file.set.annotationIds.forEach((id, i) => {
      if (inSet.has(id)) issue(`annotation "${id}" is listed twice in the set`, ['set', 'annotationIds', i]);
      inSet.add(id);
    });
    const annotationIds = new Set(file.annotations.map((a) => a.id));
    file.set.annotationIds.forEach((id, i) => {
      if (!annotationIds.has(id)) issue(`annotation "${id}" is not among the file's annotations`, ['set', 'annotationIds', i]);
    });

    const tagIds = unique(file.tagTypes, 'tagTypes', 'tag type');
    const relationIds = unique(file.relationTypes, 'relationTypes', 'relation type');
    unique(file.actors, 'actors', 'actor');
    const documentIds = unique(file.documents, 'documents', 'document');

    unique(file.annotations, 'annotations', 'annotation');
    file.annotations.forEach((annotation, i) => {
      if (!inSet.has(annotation.id)) issue(`annotation "${annotation.id}" is not in the set`, ['annotations', i, 'id']);
      if (!documentIds.has(annotation.documentId))
        issue(`document "${annotation.documentId}" is not among the file's documents`, ['annotations', i, 'documentId']);
      if (annotation.target.source !== annotation.documentId) issue('target.source must equal documentId', ['annotations', i, 'target', 'source']);
      annotation.tags.forEach((tag, j) => {
        if (!tagIds.has(tag)) issue(`tag "${tag}" is not among the file's tagTypes`, ['annotations', i, 'tags', j]);
      });
    });

    unique(file.links, 'links', 'link');
    const statements = new Map<string, number>();
    file.links.forEach((link, i) => {
      if (!inSet.has(link.from)) issue(`annotation "${link.from}" is not in the set: a set's links join its own annotations`, ['links', i, 'from']);
      if (!inSet.has(link.to)) issue(`annotation "${link.to}" is not in the set: a set's links join its own annotations`, ['links', i, 'to']);
      if (link.from === link.to) issue('a link cannot join an annotation to itself', ['links', i, 'to']);
      if (!relationIds.has(link.relation)) issue(`relation "${link.relation}" is not among the file's relationTypes`, ['links', i, 'relation']);
      const key = statementKey(link, file.relationTypes);
      const earlier = statements.get(key);
      if (earlier !== undefined) issue(`the link says the same as $.links[${earlier}]`, ['links', i]);
      else statements.set(key, i);
    });
  });

export type SetFile = z.infer<typeof setFileSchema>;
/// A document as a set file (and an annotation file) lists it.
export type SetDocument = SetFile['documents'][number];

/// Parses and validates a set file. Throws `ImportError` naming the first
/// problem and its JSON path; returns the file only when all of it is valid.
export function parseSetFile(json: string): SetFile {
  const value = readFormattedJson(json, setFormatName, setFormatVersion, 'set file');
  const result = setFileSchema.safeParse(value);
  if (!result.success) throw firstIssue(result.error);
  return result.data;
}
