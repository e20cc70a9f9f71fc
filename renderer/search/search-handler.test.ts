import { describe, expect, it } from 'vitest';
import type { SearchReply } from '../../shared/search/protocol';
import { PersistentIndex } from './index-store';
import { createSearchHandler } from './search-handler';

const memo = { id: 'memo', text: 'Memorandum of Luncheon Given by Richard Dvořàk, Ambassador of Czechoslovakia.' };
const article = { id: 'article', text: 'E. Mëhilli, From Stalin to Mao. Albania and the Socialist World.' };

function failure(reply: SearchReply): { id: number; name: string; message: string } {
  if (reply.ok) throw new Error(`Expected a failure, got ${JSON.stringify(reply)}.`);
  return { id: reply.id, ...reply.error };
}

describe('createSearchHandler', () => {
  it('indexes, searches and removes, answering each request under its id', async () => {
    const handle = createSearchHandler(new PersistentIndex(null));
    expect(await handle({ id: 1, command: { type: 'index', documents: [memo, article] } })).toEqual({ id: 1, ok: true, value: null });
    const reply = await handle({ id: 2, command: { type: 'search', query: 'dvorak', options: { limit: 10 } } });
    expect(reply).toMatchObject({ id: 2, ok: true, value: { total: 1, documents: [{ documentId: 'memo', count: 1, hits: [{ match: 'Dvořàk' }] }] } });
    expect(await handle({ id: 3, command: { type: 'remove', id: 'memo' } })).toEqual({ id: 3, ok: true, value: null });
    expect(await handle({ id: 4, command: { type: 'search', query: 'dvorak', options: { limit: 10 } } })).toEqual({
      id: 4,
      ok: true,
      value: { total: 0, documents: [] },
    });
  });

  it('answers with plain data that survives the copy to the other thread', async () => {
    const handle = createSearchHandler(new PersistentIndex(null));
    await handle({ id: 1, command: { type: 'index', documents: [memo, article] } });
    const reply = await handle({ id: 2, command: { type: 'search', query: 'mehilli albania', options: { limit: 10 } } });
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("answers bad search options with the engine's RangeError, and keeps working", async () => {
    const handle = createSearchHandler(new PersistentIndex(null));
    await handle({ id: 1, command: { type: 'index', documents: [memo] } });
    expect(failure(await handle({ id: 2, command: { type: 'search', query: 'dvorak', options: { limit: -1 } } }))).toMatchObject({
      id: 2,
      name: 'RangeError',
      message: expect.stringMatching(/limit/),
    });
    expect(await handle({ id: 3, command: { type: 'search', query: 'dvorak', options: { limit: 1 } } })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('indexes none of a batch holding a malformed document', async () => {
    const index = new PersistentIndex(null);
    const handle = createSearchHandler(index);
    const reply = await handle({ id: 1, command: { type: 'index', documents: [memo, { id: 'article', text: 42 }] } });
    expect(failure(reply)).toMatchObject({ id: 1, name: 'RangeError', message: expect.stringMatching(/Document 1 .*none of the batch was indexed/) });
    expect(index.size).toBe(0);
  });

  it('answers a request it cannot read with a failure instead of throwing', async () => {
    const handle = createSearchHandler(new PersistentIndex(null));
    expect(failure(await handle(null))).toMatchObject({ id: -1, name: 'RangeError' });
    expect(failure(await handle({ command: { type: 'remove', id: 'x' } }))).toMatchObject({ id: -1 });
    expect(failure(await handle({ id: 5 }))).toMatchObject({ id: 5, name: 'RangeError' });
    expect(failure(await handle({ id: 6, command: { type: 'reindex' } }))).toMatchObject({ id: 6, message: expect.stringMatching(/not "reindex"/) });
    expect(failure(await handle({ id: 7, command: { type: 'index', documents: 'all' } }))).toMatchObject({ id: 7 });
    expect(failure(await handle({ id: 8, command: { type: 'search', query: 'x' } }))).toMatchObject({ id: 8 });
    expect(failure(await handle({ id: 9, command: { type: 'search', query: 3, options: { limit: 1 } } }))).toMatchObject({ id: 9 });
    expect(failure(await handle({ id: 10, command: { type: 'remove' } }))).toMatchObject({ id: 10 });
  });
});
