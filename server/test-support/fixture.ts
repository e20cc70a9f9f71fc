import { afterEach } from 'vitest';
import type * as Y from 'yjs';
import { readLibrary, writeChanges } from '../../shared/sync/mapping';
import type { SharedLibrary } from '../../shared/sync/model';
import { passage } from '../../shared/sync/test-support/replica';
import { tokenFor } from '../tokens';
import { type Client, type RunningServer, connect, startServer, testKey, until } from './processes';

/// The project the server tests share, and its two invitations.
export const project = 'fond-371-albania';
export const edit = tokenFor(testKey, project, 'edit');
export const read = tokenFor(testKey, project, 'read');
export const ana = { id: 'machine-ana', name: 'Ana' };

/// Servers and clients for one test file, each stopped or closed after
/// every test (last started, first stopped), with `cleanup` for anything else.
export function serversPerTest() {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  return {
    cleanup,
    async server(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
      const running = await startServer(options);
      cleanup.push(() => running.stop());
      return running;
    },
    client(url: string, token = edit, doc?: Y.Doc): Client {
      const c = connect(url, project, token, doc);
      cleanup.push(() => c.close());
      return c;
    },
  };
}

/// Adds `count` annotations as `author` would in the app, through the mapping.
export function annotate(doc: Y.Doc, prefix: string, count: number, author = ana): void {
  const before = readLibrary(doc);
  const after: SharedLibrary = structuredClone(before);
  for (let i = 0; i < count; i++) after.annotations.push(passage(`${prefix}-${i}`, 'fo-brief', i * 7, ['claim'], `note ${i}`));
  writeChanges(doc, before, after, { by: author, at: '2026-12-03T10:00:00.000Z' });
}

export const ids = (doc: Y.Doc) => readLibrary(doc).annotations.map((a) => a.id);
// Twenty seconds: on a loaded 2-core CI machine a fresh connection has taken
// more than ten.
export const synced = (c: Client) => until(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, 20_000, 'the client to be in sync');
