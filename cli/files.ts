import { readFileSync, statSync } from 'node:fs';
import { InvalidInput, messageOf } from '../shared/errors';
import { maxImportCharacters } from '../shared/format/json-file';

/// Input files larger than this are refused before reading: the app's own
/// limit for an annotation file.
export const maxInputBytes = maxImportCharacters;

/// A file or folder named on the command line that cannot be read; its path
/// is the file's, and the sentence names it.
export class InputError extends InvalidInput {
  override name = 'InputError';
  constructor(path: string, sentence: string) {
    super(path, sentence, sentence);
  }
}

/// Reads a UTF-8 text file, with one-line errors for what goes wrong.
export function readInput(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(path, `${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, `${path} cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : messageOf(error)}.`);
  }
  if (size > maxInputBytes) throw new InputError(path, `${path} is ${Math.round(size / 1048576)} MB; inputs over ${maxInputBytes / 1048576} MB are refused.`);
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(path, `${path} is not UTF-8 text.`);
  }
}
