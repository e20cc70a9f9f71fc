import { maxOpenFilesTotalBytes, overTotalToOpen, tooLargeToOpen } from '../../shared/ipc/contract';
import type { PickedFile } from './host';
import { messageOf } from '../../shared/errors';
import { maxImportBytes } from '../../shared/importers/limits';

/// Reads files from the page (a file input's, or dropped on it) as bytes,
/// in order, with the same limits as the desktop app's dialog: a file over
/// `each` bytes, or past `total` with those before it, is reported, not
/// read; one the browser cannot read (a dropped folder) is reported too.
export async function readPickedFiles(
  files: readonly File[],
  limits: { each: number; total: number } = { each: maxImportBytes, total: maxOpenFilesTotalBytes },
): Promise<PickedFile[]> {
  const picked: PickedFile[] = [];
  let read = 0;
  for (const file of files) {
    if (file.size > limits.each) {
      picked.push({ name: file.name, problem: tooLargeToOpen(file.name, file.size, limits.each) });
    } else if (read + file.size > limits.total) {
      picked.push({ name: file.name, problem: overTotalToOpen(file.name, limits.total) });
    } else {
      try {
        const bytes = await file.arrayBuffer();
        read += bytes.byteLength;
        picked.push({ name: file.name, bytes });
      } catch (error) {
        picked.push({ name: file.name, problem: `${file.name} cannot be read (${messageOf(error) || 'it may be a folder'}).` });
      }
    }
  }
  return picked;
}
