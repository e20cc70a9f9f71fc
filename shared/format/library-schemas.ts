import { z } from 'zod';
import type { Review } from '../annotation/placed';
import { authorSchema, colorSchema, idSchema, isoTimeSchema } from './native-fields';
import { listOf } from './list-schema';

/// The schemas of what a library holds beside annotations and tag types:
/// relation types, links, actors and sets. The set file carries some of
/// each; a whole-library export and a backup carry all of them.

export const setSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1, 'a set needs a name'),
  description: z.string(),
  annotationIds: listOf(idSchema),
  created: isoTimeSchema,
  modified: isoTimeSchema,
});

export const relationTypeSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1, 'a relation type needs a name'),
  inverse: z.string().min(1, 'a relation type needs an inverse (its name again when it reads the same both ways)'),
  color: colorSchema,
  order: z.number().int().nonnegative(),
});

export const actorSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1, 'an actor needs a name'),
  aliases: listOf(z.string().min(1, 'an alias must not be empty')),
  created: isoTimeSchema,
  modified: isoTimeSchema,
});

export const linkSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  relation: idSchema,
  note: z.string(),
  created: isoTimeSchema,
  modified: isoTimeSchema,
  /// In a shared project: who made the link and who last changed it.
  createdBy: authorSchema.nullable().optional(),
  modifiedBy: authorSchema.nullable().optional(),
});

const spanSchema = z.strictObject({
  text: z.string(),
  marks: listOf(z.enum(['em', 'strong', 'sup', 'sub', 'underline', 'code', 'link'])),
  href: z.string().optional(),
});

const blockSchema = z.strictObject({
  kind: z.enum(['heading', 'paragraph', 'list_item', 'footnote', 'rule']),
  level: z.number().int().min(0).max(6),
  marker: z.string(),
  depth: z.number().int().nonnegative(),
  quoted: z.boolean(),
  spans: listOf(spanSchema),
});

// A document's description is written by the app and edited in its form;
// a backup is read back by the same app, so only what the library cannot
// show a document without is checked field by field.
const metaSchema = z.looseObject({ title: z.string(), authors: listOf(z.string()) });

/// A document the researcher imported, as its backup keeps it: parsed, so
/// a restore needs no original file.
export const importedDocumentSchema = z.strictObject({
  id: idSchema,
  fileName: z.string().min(1),
  format: z.enum(['plain', 'markdown', 'html', 'docx', 'pdf']),
  blocks: listOf(blockSchema, { min: 1, message: 'an imported document needs some text' }),
  pages: listOf(z.strictObject({ offset: z.number().int().nonnegative(), label: z.string() })),
  meta: metaSchema,
  fingerprint: z.string(),
  encoding: z.strictObject({ name: z.string(), detected: z.boolean() }).nullable(),
  added: isoTimeSchema,
});

/// What the researcher changed of a document's description and filing.
export const documentEditSchema = z.strictObject({
  documentId: idSchema,
  meta: metaSchema.nullable(),
  collection: z.string().nullable(),
  modified: isoTimeSchema,
});

/// A corrected transcription of a document, as its backup keeps it: the
/// source as imported, which the app parses again. Annotations on a revised
/// document count their positions in the newest revision's text, so a
/// backup without its revisions would restore them onto the wrong text.
export const revisionSchema = z.strictObject({
  seq: z.number().int().positive(),
  documentId: idSchema,
  fileName: z.string().min(1),
  source: z.string(),
  created: isoTimeSchema,
  fingerprint: z.string(),
});

/// An annotation a revision moved, matched only roughly, or left without
/// its words, waiting for the researcher to look at it (the reader's review
/// list). `newText` is the passage's text now; `null` for an orphan.
export const reviewSchema = z.strictObject({
  annotationId: idSchema,
  documentId: idSchema,
  revision: z.number().int().positive(),
  status: z.enum(['moved', 'fuzzy', 'orphaned']),
  oldQuote: z.string(),
  newText: z.string().nullable(),
}) satisfies z.ZodType<Review>;
