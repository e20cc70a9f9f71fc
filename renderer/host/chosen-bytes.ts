import { maxImportBytes } from '../../shared/importers/limits';
import { tooLargeToOpen } from '../../shared/ipc/contract';
import type { ChosenFile } from './host';

/// A chosen file's bytes in one buffer, for a file read whole (a
/// revision's text); refused, unread, over `limit` bytes, and refused if
/// it grew past it while read.
export async function chosenBytes(file: ChosenFile, limit = maxImportBytes): Promise<ArrayBuffer> {
  if (file.bytes > limit) throw new Error(tooLargeToOpen(file.name, file.bytes, limit));
  const whole = new Uint8Array(file.bytes);
  let at = 0;
  for await (const chunk of file.chunks()) {
    if (at + chunk.byteLength > whole.byteLength) throw new Error(`${file.name} changed while it was read; choose it again.`);
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  // A file that shrank while read: only what was read.
  return at === whole.byteLength ? whole.buffer : whole.slice(0, at).buffer;
}
