import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readLibrary, writeChanges } from '../shared/sync/mapping';
import type { SharedLibrary } from '../shared/sync/model';
import { passage } from '../shared/sync/test-support/replica';
import { type Client, type RunningServer, connect, scratch, startRedis, startServer, testKey, until } from './test-support/processes';
import { tokenFor } from './tokens';

// Real servers and Debian's redis-server on free ports, real websocket
// clients: nothing is mocked.
const project = 'fond-371-albania';
const edit = tokenFor(testKey, project, 'edit');
const read = tokenFor(testKey, project, 'read');
const ana = { id: 'machine-ana', name: 'Ana' };

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function server(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const running = await startServer(options);
  cleanup.push(() => running.stop());
  return running;
}

function client(url: string, token = edit, doc?: Y.Doc): Client {
  const c = connect(url, project, token, doc);
  cleanup.push(() => c.close());
  return c;
}

/// Adds `count` annotations as `author` would in the app, through the mapping.
function annotate(doc: Y.Doc, prefix: string, count: number, author = ana): void {
  const before = readLibrary(doc);
  const after: SharedLibrary = structuredClone(before);
  for (let i = 0; i < count; i++) after.annotations.push(passage(`${prefix}-${i}`, 'fo-brief', i * 7, ['claim'], `note ${i}`));
  writeChanges(doc, before, after, { by: author, at: '2026-12-03T10:00:00.000Z' });
}

const ids = (doc: Y.Doc) => readLibrary(doc).annotations.map((a) => a.id);
const synced = (c: Client) => until(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, 10_000, 'the client to be in sync');

describe('the sync server behind Redis', () => {
  it('serves one project from two instances through Redis: clients on each converge', async () => {
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const one = await server({ data: join(scratch(), 'one.sqlite'), redis: redis.address });
    const two = await server({ data: join(scratch(), 'two.sqlite'), redis: redis.address });
    const a = client(one.url);
    const b = client(two.url);
    await synced(a);
    await synced(b);
    // An instance subscribes to a project's Redis channel as it loads it,
    // a moment after its clients are in sync, and Hocuspocus 3.4.4 does not
    // ask again for what was published before: under load, edits made in
    // that moment stayed on their instance until the next edit. One edit
    // seen across (which needs both instances subscribed) opens the test.
    annotate(a.doc, 'first', 1);
    await until(() => ids(b.doc).includes('first-0'), 30_000, 'the first edit to cross instances');
    annotate(a.doc, 'on-one', 30);
    annotate(b.doc, 'on-two', 30, { id: 'machine-ben', name: 'Ben' });
    await until(() => ids(a.doc).length === 61 && ids(b.doc).length === 61, 30_000, 'both instances’ clients to hold all 61');
    expect(readLibrary(b.doc)).toEqual(readLibrary(a.doc));
  }, 60_000);
});
