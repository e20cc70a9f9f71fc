import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortReply as SearchReply, PortRequest } from '../../shared/rpc/port';
import type { IndexedText } from '../../shared/search/protocol';
import { loadCorpus, seedIds } from '../../shared/test-support/corpus';
import { SearchClient, SearchClientDisposedError, type SearchWorkerPort } from './search-client';
import { mainThreadPort } from '../work/ports';
import { createSearchHandler } from './search-handler';
import { PersistentIndex } from './index-store';

/// A stand-in for the search worker: the worker's own handler, run
/// in-process, with messages copied both ways as postMessage copies them and
/// replies delivered later, as a worker's are. With `hold`, replies wait
/// until `release` sends them, in the order given.
class InProcessWorker implements SearchWorkerPort {
  onmessage: ((event: MessageEvent<SearchReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  hold = false;
  held: SearchReply[] = [];
  received: PortRequest[] = [];
  private answered = 0;
  // The worker's own server (its index in memory only, as where no
  // database can be opened), on this thread; its replies are held or passed on.
  private readonly server = mainThreadPort(createSearchHandler(new PersistentIndex(null)), { serial: true });

  constructor() {
    this.server.onmessage = (event) => {
      this.answered++;
      if (this.hold) this.held.push(event.data);
      else this.deliver(event.data);
    };
  }

  postMessage(message: PortRequest): void {
    this.received.push(structuredClone(message));
    this.server.postMessage(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  release(order: (replies: SearchReply[]) => SearchReply[] = (r) => r): void {
    // The server answers in a later task: wait for every reply first.
    if (this.answered < this.received.length) {
      setTimeout(() => this.release(order), 0);
      return;
    }
    const replies = order(this.held);
    this.held = [];
    for (const reply of replies) this.deliver(reply);
  }

  fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }

  private deliver(reply: SearchReply): void {
    if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<SearchReply>);
  }
}

const seeds = [...loadCorpus().values()].map((d) => ({ id: d.id, text: d.text.text }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SearchClient', () => {
  it('indexes the corpus in the worker and answers a query with its hits', async () => {
    const client = new SearchClient(new InProcessWorker());
    await client.index(seeds);
    const results = await client.search('Mehilli', { limit: 10 });
    expect(results.total).toBe(2);
    expect(results.documents[0]!.documentId).toBe(seedIds.article);
    expect(results.documents[0]!.hits.map((h) => h.match)).toEqual(['Mëhilli', 'Mëhilli']);
  });

  it('sends only the id and text of each document across', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    const document = { id: 'memo', text: 'Richard Dvořàk', blocks: ['not sent'] };
    await client.index([document]);
    expect(worker.received[0]).toEqual({ id: 1, method: 'index', request: { documents: [{ id: 'memo', text: 'Richard Dvořàk' }] } });
  });

  it('syncs by revision stamps: sends only new or revised texts, forgets the rest, and searches after them', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    const stamped = seeds.map((d) => ({ ...d, revision: 'first' }));
    const current = new Map(stamped.map((d) => [d.id, d]));
    const asked: string[][] = [];
    const textsOf = async (ids: string[]) => {
      asked.push(ids);
      return ids.map((id) => current.get(id)!);
    };
    const syncing = client.sync(stamped, textsOf);
    // Asked before the texts are sent, answered over them.
    expect((await client.search('Mehilli', { limit: 10 })).total).toBe(2);
    await syncing;
    expect(asked).toEqual([stamped.map((d) => d.id)]);
    const [gone, revised, ...kept] = stamped;
    current.set(revised!.id, { ...revised!, revision: 'second' });
    await client.sync([...kept, { ...revised!, revision: 'second' }], textsOf);
    expect(asked[1]).toEqual([revised!.id]);
    expect((await client.search('the', { limit: 1000 })).documents.map((d) => d.documentId)).not.toContain(gone!.id);
    await client.sync([...kept, { ...revised!, revision: 'second' }], textsOf);
    expect(asked).toHaveLength(2);
  });

  it('tells how many of the documents a sync sent are indexed, and counts a change once they are', async () => {
    const client = new SearchClient(new InProcessWorker());
    const stamped = seeds.map((d) => ({ ...d, revision: 'first' }));
    const told: string[] = [];
    const stop = client.onIndexState(() => {
      const { indexing, changes } = client.indexState();
      told.push(`${indexing ? `${indexing.done}/${indexing.total}` : 'none'} after ${changes}`);
    });
    await client.sync(stamped, async (ids) => stamped.filter((d) => ids.includes(d.id)));
    const all = stamped.length;
    expect(told[0]).toBe(`0/${all} after 0`);
    expect(told.slice(-2)).toEqual([`${all}/${all} after 0`, 'none after 1']);
    // Nothing new: nothing to tell of, and no change to ask again for.
    told.length = 0;
    await client.sync(stamped, async () => []);
    expect(told).toEqual([]);
    await client.remove(stamped[0]!.id);
    expect(told).toEqual(['none after 2']);
    stop();
  });

  it('forgets a removed document', async () => {
    const client = new SearchClient(new InProcessWorker());
    await client.index(seeds);
    await client.remove(seedIds.czechMemo);
    expect((await client.search('dvorak', { limit: 10 })).total).toBe(0);
  });

  it('gives each caller its own answer, whatever order the replies come in', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    await client.index(seeds);
    worker.hold = true;
    const queries = ['Mehilli', 'dvorak', 'wheat', '"soviet leaders"'];
    const answers = queries.map((q) => client.search(q, { limit: 5 }));
    worker.release((replies) => [...replies].reverse());
    const totals = (await Promise.all(answers)).map((r) => r.total);
    expect(totals).toEqual([2, 3, 1, 15]);
  });

  it("rejects bad options with the engine's RangeError, and answers the next query", async () => {
    const client = new SearchClient(new InProcessWorker());
    await client.index(seeds);
    await expect(client.search('albania', { limit: -1 })).rejects.toThrow(RangeError);
    await expect(client.search('albania', { limit: 1.5 })).rejects.toThrow(/limit of hits/);
    expect((await client.search('wheat', { limit: 1 })).total).toBe(1);
  });

  it('rejects a list holding a malformed document before sending any of it', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    await expect(
      client.index([
        { id: 'a', text: 'Albania' },
        { id: '', text: 'Tirana' },
      ]),
    ).rejects.toThrow(/Document 1 to index/);
    await expect(client.index([{ id: 'a', text: 'Albania' }, { id: 'b' } as unknown as { id: string; text: string }])).rejects.toThrow(RangeError);
    expect(worker.received).toEqual([]);
    expect((await client.search('albania', { limit: 1 })).total).toBe(0);
  });

  it('sends a large corpus in batches of about a million characters, one after the other, and indexes all of it', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    const paragraph = 'Richard Dvořàk, Ambassador of Czechoslovakia to Moscow. ';
    const corpus = Array.from({ length: 60 }, (_, i) => ({ id: `d${i}`, text: paragraph.repeat(1000) }));
    const huge = { id: 'huge', text: paragraph.repeat(40_000) };
    await client.index([...corpus, huge]);
    const sizes = worker.received.map((r) =>
      'method' in r && r.method === 'index' ? (r.request as { documents: IndexedText[] }).documents.reduce((sum, d) => sum + d.text.length, 0) : 0,
    );
    expect(sizes.length).toBeGreaterThan(3);
    // A batch stays under the limit unless it is one document longer than that.
    for (const size of sizes.slice(0, -1)) expect(size).toBeLessThanOrEqual(2 ** 20);
    expect(sizes.at(-1)).toBe(huge.text.length);
    const results = await client.search('dvorak', { limit: 0 });
    expect(results.documents).toHaveLength(61);
    expect(results.total).toBe(60 * 1000 + 40_000);
    // Indexes 5.7 million characters: seconds on a busy 2-core machine.
  }, 30_000);

  it('applies indexing and removal in the order they were asked for, without waiting between calls', async () => {
    const client = new SearchClient(new InProcessWorker());
    const indexed = client.index(seeds);
    const removed = client.remove(seedIds.czechMemo);
    const reindexed = client.index([{ id: 'later', text: 'Richard Dvořàk again.' }]);
    await Promise.all([indexed, removed, reindexed]);
    const results = await client.search('dvorak', { limit: 10 });
    expect(results.documents.map((d) => d.documentId)).toEqual(['later']);
  });

  it('rejects the requests still waiting when disposed, stops the worker, and rejects later calls', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    worker.hold = true;
    const indexing = client.index(seeds);
    const searching = client.search('albania', { limit: 10 });
    client.dispose();
    await expect(indexing).rejects.toThrow(SearchClientDisposedError);
    await expect(searching).rejects.toThrow(SearchClientDisposedError);
    expect(worker.terminated).toBe(true);
    // A reply that arrives after all is dropped.
    worker.release();
    await expect(client.search('albania', { limit: 10 })).rejects.toThrow(SearchClientDisposedError);
    await expect(client.remove('x')).rejects.toThrow(SearchClientDisposedError);
    client.dispose();
  });

  it('rejects what waits, and what comes after, when the worker fails', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    worker.hold = true;
    const searching = client.search('albania', { limit: 10 });
    worker.fail('out of memory');
    await expect(searching).rejects.toThrow('The search worker failed: out of memory.');
    await expect(client.search('albania', { limit: 10 })).rejects.toThrow(/search worker failed/);
  });

  it('rejects a command that cannot be copied to the worker, and goes on', async () => {
    const worker = new InProcessWorker();
    const client = new SearchClient(worker);
    await expect(client.search('albania', { limit: 1, documentId: (() => 'x') as unknown as string })).rejects.toThrow();
    expect((await client.search('albania', { limit: 1 })).total).toBe(0);
  });

  it('starts its own module worker from search-worker.ts by default', () => {
    const created: { url: URL; options: WorkerOptions | undefined }[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        onmessage = null;
        onerror = null;
        constructor(url: URL, options?: WorkerOptions) {
          created.push({ url, options });
        }
        postMessage() {}
        terminate() {}
      },
    );
    new SearchClient().dispose();
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toEqual({ type: 'module' });
    expect(existsSync(fileURLToPath(created[0]!.url))).toBe(true);
    expect(created[0]!.url.pathname).toMatch(/\/renderer\/search\/search-worker\.ts$/);
  });
});
