import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { method, methodsOf } from '../../shared/rpc/api';
import { createServer } from '../../shared/rpc/server';
import { PortClient } from '../../shared/rpc/port';
import { createSearchHandler } from '../search/search-handler';
import { searchApi } from '../../shared/search/protocol';
import { linkOf, mainThreadPort, startPort } from './ports';

describe('startPort', () => {
  it('starts a lazy worker at its first request, and runs its server on the page when the worker cannot start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const create = vi.fn((): never => {
      throw new DOMException("Script at 'file:///app/annotations-worker.js' cannot be accessed from origin 'null'.", 'SecurityError');
    });
    const port = startPort('Annotation imports', create, () => createSearchHandler(), { serial: true, lazy: true });
    const client = new PortClient(methodsOf(searchApi), linkOf(port), 'search worker');
    expect(create).not.toHaveBeenCalled();
    await client.calls.index({ documents: [{ id: 'memo', text: 'Richard Dvořàk' }] });
    expect((await client.calls.search({ query: 'dvorak', options: { limit: 1 } })).total).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Annotation imports run on the main thread'));
    warn.mockRestore();
  });
});

// A worker's API of one method, over bytes.
const sizeApi = { size: method<number>()(z.strictObject({ bytes: z.instanceof(ArrayBuffer) })) };

describe('a request’s bytes', () => {
  it('move to the worker when the call says so, and are copied otherwise', async () => {
    const port = mainThreadPort(createServer(sizeApi, { size: ({ bytes }) => bytes.byteLength }, 'test worker'));
    const client = new PortClient<typeof sizeApi>(methodsOf(sizeApi), linkOf(port), 'test worker');
    const copied = new ArrayBuffer(1024);
    expect(await client.calls.size({ bytes: copied })).toBe(1024);
    expect(copied.byteLength).toBe(1024);
    const moved = new ArrayBuffer(2048);
    expect(await client.calls.size({ bytes: moved }, { transfer: [moved] })).toBe(2048);
    // Detached on this side: nothing was copied.
    expect(moved.byteLength).toBe(0);
  });
});
