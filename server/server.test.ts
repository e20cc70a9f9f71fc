import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLibrary } from '../shared/sync/mapping';
import { annotate, edit, ids, project, read, synced, serversPerTest } from './test-support/fixture';
import { scratch, until } from './test-support/processes';
import { tokenFor } from './tokens';

// Real servers (as `npm run server` runs them) on free ports, real
// websocket clients through @hocuspocus/provider: nothing is mocked.
const { server, client } = serversPerTest();

describe('the sync server', () => {
  it('refuses a wrong secret, and lets the right one in', async () => {
    const { url } = await server({ data: join(scratch(), 'sync.sqlite') });
    const wrong = client(url, tokenFor('another server’s key', project, 'edit'));
    expect(await wrong.refused).toMatch(/permission/i);
    const forged = client(url, 'edit.0000');
    expect(await forged.refused).toMatch(/permission/i);
    const right = client(url);
    await synced(right);
  }, 60_000);

  it('refuses a read-only member’s edits on the server, while they still receive others’', async () => {
    const { url } = await server({ data: join(scratch(), 'sync.sqlite') });
    const editor = client(url);
    const reviewer = client(url, read);
    await synced(editor);
    await until(() => reviewer.provider.isSynced, 20_000, 'the reviewer to sync');
    annotate(editor.doc, 'editor', 3);
    await until(() => ids(reviewer.doc).length === 3, 20_000, 'the reviewer to receive the editor’s annotations');
    // A reviewer whose app let an edit through anyway: the server keeps it out.
    annotate(reviewer.doc, 'reviewer', 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const third = client(url);
    await synced(third);
    expect(ids(third.doc)).toEqual(['editor-0', 'editor-1', 'editor-2']);
    expect(ids(editor.doc)).toEqual(['editor-0', 'editor-1', 'editor-2']);
    expect(reviewer.provider.hasUnsyncedChanges).toBe(true);
  }, 60_000);

  it('loses nothing when killed with SIGKILL mid-sync and restarted', async () => {
    const data = join(scratch(), 'sync.sqlite');
    const first = await server({ data });
    const a = client(first.url);
    const b = client(first.url);
    await synced(a);
    await synced(b);
    annotate(a.doc, 'a', 200);
    annotate(b.doc, 'b', 200);
    // Killed while the updates are on their way.
    await first.stop('SIGKILL');
    annotate(a.doc, 'a-offline', 20);
    const second = await server({ data, port: first.port });
    await until(() => ids(a.doc).length === 420 && ids(b.doc).length === 420, 15_000, 'both sides to hold all 420 annotations');
    await synced(a);
    await synced(b);
    // A newcomer reads everything from the restarted server alone.
    const c = client(second.url);
    await until(() => ids(c.doc).length === 420, 20_000, 'a new client to receive all 420');
    expect(readLibrary(c.doc)).toEqual(readLibrary(a.doc));
    expect(readLibrary(b.doc)).toEqual(readLibrary(a.doc));
  }, 90_000);

  it('keeps a project across a restart, from its SQLite file', async () => {
    const data = join(scratch(), 'sync.sqlite');
    const first = await server({ data });
    const a = client(first.url);
    await until(() => a.provider.isSynced, 20_000, 'the first client to connect');
    annotate(a.doc, 'kept', 5);
    // The server holds the five once a second client reads them from it: a
    // proof from the server's side, not the provider's word.
    const witness = client(first.url);
    await until(() => ids(witness.doc).length === 5, 20_000, 'the server to hold the five annotations');
    a.close();
    witness.close();
    // Past the write debounce, then a clean stop.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await first.stop();
    const second = await server({ data });
    const b = client(second.url);
    await until(() => ids(b.doc).length === 5, 20_000, 'the project to come back from disk');
  }, 60_000);

  // How long this takes is the benchmark's to say (bench/sync-bench.ts).
  it('brings three clients × 1,000 annotations together when they connect', async () => {
    const { url } = await server({ data: join(scratch(), 'sync.sqlite') });
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    docs.forEach((doc, i) => annotate(doc, `client-${i}`, 1000, { id: `machine-${i}`, name: `Researcher ${i}` }));
    const clients = docs.map((doc) => client(url, edit, doc));
    await until(() => clients.every((c) => ids(c.doc).length === 3000), 30_000, 'all three to hold 3,000 annotations');
    expect(readLibrary(clients[1]!.doc)).toEqual(readLibrary(clients[0]!.doc));
    expect(readLibrary(clients[2]!.doc)).toEqual(readLibrary(clients[0]!.doc));
  }, 60_000);
});
