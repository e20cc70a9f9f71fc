import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type OpenedBinaryFile, type OpenedFile, maxOpenFilesTotalBytes, overTotalToOpen, tooLargeToOpen } from '../shared/ipc/contract';
import { messageOf } from '../shared/errors';
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

/// Reads the files the user picked to import, as bytes, in the order given.
/// A file that cannot be used is reported with the reason instead of
/// failing the others: one over `each` bytes, or past `total` bytes with
/// those before it, is not read at all; the importer judges the rest.
export async function readFilesForImport(
  paths: readonly string[],
  limits: { each: number; total: number } = { each: maxImportBytes, total: maxOpenFilesTotalBytes },
): Promise<OpenedBinaryFile[]> {
  const files: OpenedBinaryFile[] = [];
  let read = 0;
  for (const path of paths) {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (!info.isFile()) {
        files.push({ name, problem: `${name} is not a file (a folder, perhaps); choose the files inside it.` });
      } else if (info.size > limits.each) {
        files.push({ name, problem: tooLargeToOpen(name, info.size, limits.each) });
      } else if (read + info.size > limits.total) {
        files.push({ name, problem: overTotalToOpen(name, limits.total) });
      } else {
        const bytes = await readFile(path);
        read += bytes.byteLength;
        files.push({ name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? messageOf(error);
      files.push({ name, problem: `${name} cannot be read (${code}).` });
    }
  }
  return files;
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
