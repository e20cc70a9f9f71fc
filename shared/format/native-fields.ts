import { z } from 'zod';

/// Field schemas shared by every Palimpsest file format.

export const isoTimeSchema = z.iso.datetime({ offset: true });
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
export const idSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
