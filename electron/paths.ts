import { isAbsolute, relative, resolve } from 'node:path';

/// `name` resolved inside `folder`, or a `RangeError` when it would land
/// anywhere else (`..`, an absolute path, a drive letter): every file the
/// main process reads or writes for the page goes through this, so no name
/// the page sends can reach outside the folder meant for it.
export function inside(folder: string, name: string): string {
  const root = resolve(folder);
  const path = resolve(root, name);
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || name.includes('\0')) throw new RangeError(`“${name}” is not a file inside ${root}.`);
  return path;
}
