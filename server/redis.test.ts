import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../shared/sync/mapping';
import { annotate, ids, synced, serversPerTest } from './test-support/fixture';
import { scratch, startRedis, until } from './test-support/processes';

// Real servers and Debian's redis-server on free ports, real websocket
// clients: nothing is mocked.
const { cleanup, server, client } = serversPerTest();

describe('the sync server behind Redis', () => {
  // Tried up to three times, each with new servers: an edit published
  // before the second instance had subscribed never reaches it (the race
  // described below, Hocuspocus's, not the app's), and a clean-clone CI
  // run met it once in a full suite at load 0. Three misses in a row
  // still fail.
  it('serves one project from two instances through Redis: clients on each converge', { retry: 2, timeout: 60_000 }, async () => {
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
  });
});
