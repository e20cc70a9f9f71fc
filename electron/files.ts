import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedFile } from '../shared/ipc/contract';
import { maxImportBytes } from '../shared/importers/limits';

/// A file the user chose that cannot be used, with the reason in a sentence.
export class FileProblem extends Error {
  override name = 'FileProblem';
}

/// Reads a UTF-8 text file the user chose: refuses files over the size
/// limit before reading them, and bytes that are not UTF-8.
export async function readTextFile(path: string, limit = maxImportBytes): Promise<OpenedFile> {
  const name = basename(path);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new FileProblem(`${name} cannot be read (${error.code ?? error.message}).`);
  });
  if (!info.isFile()) throw new FileProblem(`${name} is not a file.`);
  if (info.size > limit)
    throw new FileProblem(`${name} is ${(info.size / 1048576).toFixed(1)} MB; files over ${Math.round(limit / 1048576)} MB are not opened.`);
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileProblem(`${name} is not UTF-8 text.`);
  }
  return { name, text: text.replace(/^\uFEFF/, '') };
}

/// Writes text as UTF-8, or bytes as they are.
export async function writeContent(path: string, content: string | Uint8Array): Promise<void> {
  await (typeof content === 'string' ? writeFile(path, content, 'utf8') : writeFile(path, content)).catch((error: NodeJS.ErrnoException) => {
    throw new FileProblem(
      error.code === 'ENOSPC'
        ? `The disk is full: ${basename(path)} was not written.`
        : `${basename(path)} could not be written (${error.code ?? error.message}).`,
    );
  });
}
