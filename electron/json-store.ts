import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

// Small settings of the shell (window state, recent documents) are JSON
// files in the user's data folder. Anyone can edit them, or a crash can
// leave them damaged: a file that does not parse by its schema, or is
// larger than any such file can be, is ignored and the default used.
const maxBytes = 64 * 1024;

/// The value stored at `path`, or `fallback` when there is none or it is
/// not what `schema` describes.
export async function readJson<T>(path: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  try {
    const text = await readFile(path, 'utf8');
    if (text.length > maxBytes) return fallback;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/// Writes `value` whole (a temporary file renamed over the old one), so a
/// crash mid-write leaves the previous file, not half of one.
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.partial`;
  await writeFile(temporary, JSON.stringify(value), 'utf8');
  await rename(temporary, path);
}
