import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { SearchClient } from './search-client';
import { startSearchPort } from './search-port';

describe('the search port', () => {
  it('searches on the main thread when the page may not start a worker', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const port = startSearchPort(() => {
      throw new DOMException("Script at 'file:///app/search-worker.js' cannot be accessed from origin 'null'.", 'SecurityError');
    });
    const client = new SearchClient(port);
    await client.index([{ id: 'memo', text: 'Memorandum of Luncheon Given by Richard Dvořàk' }]);
    const found = await client.search('dvorak', { limit: 10 });
    expect(found.documents[0]?.hits.map((h) => h.match)).toEqual(['Dvořàk']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('main thread'));
    client.dispose();
  });
});
