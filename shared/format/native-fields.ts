import { z } from 'zod';
import { timeSchema } from './times';

/// Field schemas shared by every Palimpsest file format.

/// A time: a full ISO 8601 date-time kept as written, one without a zone
/// or time of day stored as a UTC instant, anything else refused.
export const isoTimeSchema = timeSchema;
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
export const idSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
