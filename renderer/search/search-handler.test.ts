import { describe, expect, it } from 'vitest';
import { type PortReply, servePort } from '../../shared/rpc/port';
import { PersistentIndex } from './index-store';
import { createSearchHandler } from './search-handler';

const memo = { id: 'memo', text: 'Memorandum of Luncheon Given by Richard Dvořàk, Ambassador of Czechoslovakia.' };
const article = { id: 'article', text: 'E. Mëhilli, From Stalin to Mao. Albania and the Socialist World.' };

/// The worker's side as the worker file wires it: each message in, its
/// reply out, once the server has answered.
function worker(index = new PersistentIndex(null)): (message: unknown) => Promise<PortReply> {
  const replies: PortReply[] = [];
  const receive = servePort(createSearchHandler(index), (reply) => replies.push(reply), { serial: true });
  return async (message) => {
    receive(message);
    while (replies.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    return replies.shift()!;
  };
}

function failure(reply: PortReply): { id: number; name: string; message: string } {
  if ('progress' in reply || reply.ok) throw new Error(`Expected a failure, got ${JSON.stringify(reply)}.`);
  return { id: reply.id, ...reply.error };
}

describe('createSearchHandler', () => {
  it('indexes, searches and removes, answering each request under its id', async () => {
    const handle = worker();
    expect(await handle({ id: 1, method: 'index', request: { documents: [memo, article] } })).toEqual({ id: 1, ok: true, value: null });
    const reply = await handle({ id: 2, method: 'search', request: { query: 'dvorak', options: { limit: 10 } } });
    expect(reply).toMatchObject({ id: 2, ok: true, value: { total: 1, documents: [{ documentId: 'memo', count: 1, hits: [{ match: 'Dvořàk' }] }] } });
    expect(await handle({ id: 3, method: 'remove', request: { id: 'memo' } })).toEqual({ id: 3, ok: true, value: null });
    expect(await handle({ id: 4, method: 'search', request: { query: 'dvorak', options: { limit: 10 } } })).toEqual({
      id: 4,
      ok: true,
      value: { total: 0, documents: [] },
    });
  });

  it('answers with plain data that survives the copy to the other thread', async () => {
    const handle = worker();
    await handle({ id: 1, method: 'index', request: { documents: [memo, article] } });
    const reply = await handle({ id: 2, method: 'search', request: { query: 'mehilli albania', options: { limit: 10 } } });
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("answers bad search options with the engine's RangeError, and keeps working", async () => {
    const handle = worker();
    await handle({ id: 1, method: 'index', request: { documents: [memo] } });
    expect(failure(await handle({ id: 2, method: 'search', request: { query: 'dvorak', options: { limit: -1 } } }))).toMatchObject({
      id: 2,
      name: 'RangeError',
      message: expect.stringMatching(/limit/),
    });
    expect(await handle({ id: 3, method: 'search', request: { query: 'dvorak', options: { limit: 1 } } })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('indexes none of a batch holding a malformed document, naming it', async () => {
    const index = new PersistentIndex(null);
    const handle = worker(index);
    const reply = await handle({ id: 1, method: 'index', request: { documents: [memo, { id: 'article', text: 42 }] } });
    expect(failure(reply)).toMatchObject({
      id: 1,
      name: 'RequestRefused',
      message: 'The search worker refused a malformed index request: documents.1.text: expected string, received number.',
    });
    expect(index.size).toBe(0);
  });

  it('reconciles by stamps: forgets documents not listed, names those to send', async () => {
    const handle = worker();
    await handle({
      id: 1,
      method: 'index',
      request: {
        documents: [
          { ...memo, revision: 'a' },
          { ...article, revision: 'a' },
        ],
      },
    });
    const reply = await handle({
      id: 2,
      method: 'reconcile',
      request: {
        stamps: [
          { id: 'article', revision: 'b' },
          { id: 'new', revision: 'a' },
        ],
      },
    });
    expect(reply).toEqual({ id: 2, ok: true, value: ['article', 'new'] });
    expect(await handle({ id: 3, method: 'search', request: { query: 'dvorak', options: { limit: 10 } } })).toMatchObject({ value: { total: 0 } });
    expect(failure(await handle({ id: 4, method: 'reconcile', request: { stamps: [{ id: 'memo' }] } }))).toMatchObject({
      id: 4,
      message: 'The search worker refused a malformed reconcile request: stamps.0.revision: expected string, received undefined.',
    });
  });

  it('answers a request it cannot read with a failure instead of throwing', async () => {
    const handle = worker();
    expect(failure(await handle(null))).toMatchObject({ id: -1, name: 'RequestRefused' });
    expect(failure(await handle({ method: 'remove', request: { id: 'x' } }))).toMatchObject({ id: -1 });
    expect(failure(await handle({ id: 5 }))).toMatchObject({ id: 5, name: 'RequestRefused' });
    expect(failure(await handle({ id: 6, method: 'reindex', request: {} }))).toMatchObject({ id: 6, message: expect.stringMatching(/not “reindex”/) });
    expect(failure(await handle({ id: 7, method: 'index', request: { documents: 'all' } }))).toMatchObject({
      id: 7,
      message: expect.stringMatching(/documents/),
    });
    expect(failure(await handle({ id: 8, method: 'search', request: { query: 'x' } }))).toMatchObject({ id: 8, message: expect.stringMatching(/options/) });
    expect(failure(await handle({ id: 9, method: 'search', request: { query: 3, options: { limit: 1 } } }))).toMatchObject({ id: 9 });
    expect(failure(await handle({ id: 10, method: 'remove', request: {} }))).toMatchObject({ id: 10, message: expect.stringMatching(/remove request: id/) });
    expect(failure(await handle({ id: 11, method: 'toString', request: {} }))).toMatchObject({ id: 11, message: expect.stringMatching(/not “toString”/) });
  });
});
