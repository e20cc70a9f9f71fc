import { z } from 'zod';
import { colorSchema, idSchema, isoTimeSchema } from './native-fields';

/// The schemas of what a library holds beside annotations and tag types:
/// relation types, links, actors and sets. The set file carries some of
/// each; a whole-library export and a backup carry all of them.

export const setSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1, 'a set needs a name'),
  description: z.string(),
  annotationIds: z.array(idSchema),
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
  aliases: z.array(z.string().min(1, 'an alias must not be empty')),
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
});

