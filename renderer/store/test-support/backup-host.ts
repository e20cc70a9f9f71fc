import type { BackupInfo } from '../../../shared/ipc/contract';
import { textOf } from '../../../shared/test-support/pieces';
import type { BackupHost } from '../../host/host';

/// A backup host that keeps its backups in memory, newest listed first;
/// `files` shows what was written (an increment's info names its base).
/// A backup is read back in chunks of `chunkBytes` (small by default, so
/// that every restore in the tests reads a file of many chunks).
export function memoryHost(chunkBytes = 4096): BackupHost & { files: Map<string, { info: BackupInfo; content: string }> } {
  const files = new Map<string, { info: BackupInfo; content: string }>();
  let n = 0;
  return {
    files,
    where: 'memory',
    list: async () => [...files.values()].map((f) => f.info).reverse(),
    write: async (pieces, annotations, created, base) => {
      const content = await textOf(pieces);
      const info = { id: `b${++n}`, created: created.toISOString(), annotations, bytes: content.length, ...(base ? { base } : {}) };
      files.set(info.id, { info, content });
      return info;
    },
    // In chunks of `chunkBytes`, as a host hands a large file on.
    async *readChunks(id) {
      const file = files.get(id);
      if (!file) throw new Error(`no backup ${id}`);
      const bytes = new TextEncoder().encode(file.content);
      for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
    onBeforeQuit: () => () => {},
  };
}
