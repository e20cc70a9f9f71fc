import { z } from 'zod';
import type { Author } from '../annotation/model';
import { timeSchema } from './times';

/// Field schemas shared by every Palimpsest file format.

/// A time: a full ISO 8601 date-time kept as written, one without a zone
/// or time of day stored as a UTC instant, anything else refused.
export const isoTimeSchema = timeSchema;
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
export const idSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
/// Who made or last changed an annotation or link in a shared project: the
/// machine's stable id and the display name set there.
export const authorSchema = z.strictObject({ id: idSchema, name: z.string().min(1, 'an author needs a name').max(200, 'must be at most 200 characters') });

/// Who made and last changed `item`, as the fields a file carries: none
/// when it was never in a shared project.
export function authorshipOf(item: { createdBy?: Author | null; modifiedBy?: Author | null }): { createdBy?: Author; modifiedBy?: Author } {
  return {
    ...(item.createdBy ? { createdBy: { id: item.createdBy.id, name: item.createdBy.name } } : {}),
    ...(item.modifiedBy ? { modifiedBy: { id: item.modifiedBy.id, name: item.modifiedBy.name } } : {}),
  };
}
