import { InvalidInput } from '../errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ImportError } from '../format/errors';
import { CancelledError } from '../importers/cancel';
import { method, methodsOf } from './api';
import { callsOf, invokersOf } from './invoke';
import { type Link, type PortReply, type PortRequest, PortClient, servePort } from './port';
import { type Handlers, createServer, quietCall } from './server';
import { RequestRefused, errorOf, toWire } from './wire';

// A small API of the kind the workers serve: a text checked cheaply, bytes
// checked as one object, a reply type carried for TypeScript.
const notesApi = {
  count: method<{ words: number }>()(z.strictObject({ text: z.string().max(1000) })),
  store: method<{ stored: number }>()(z.strictObject({ name: z.string().min(1), bytes: z.instanceof(Uint8Array) })),
  fail: method<null>()(z.strictObject({ how: z.enum(['file', 'bug', 'thrown', 'cancel']) })),
  slow: method<string>()(z.strictObject({ steps: z.number().int().positive() })),
};
type NotesApi = typeof notesApi;

const handlers: Handlers<NotesApi> = {
  count: ({ text }) => ({ words: text.split(/\s+/).filter(Boolean).length }),
  store: ({ bytes }) => ({ stored: bytes.byteLength }),
  fail({ how }) {
    if (how === 'file') throw new ImportError('$.annotations[3].target', 'expected a selector');
    if (how === 'cancel') throw new CancelledError();
    if (how === 'bug') throw new TypeError('Cannot read properties of undefined (reading "x").');
    throw 'a string';
  },
  async slow({ steps }, { progress, cancelled }) {
    for (let step = 1; step <= steps; step++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (cancelled()) throw new CancelledError('The count was cancelled.');
      progress(step, steps);
    }
    return 'done';
  },
};
const serve = createServer(notesApi, handlers, 'notes worker');

/// A client and server joined on this thread, copying every message as
/// postMessage does; `sent` keeps what the client sent.
function joined(): { client: PortClient<NotesApi>; sent: PortRequest[] } {
  const sent: PortRequest[] = [];
  let deliver: (reply: PortReply) => void = () => {};
  const receive = servePort(serve, (reply) => setTimeout(() => deliver(structuredClone(reply)), 0), { serial: true });
  const link: Link = {
    send(message) {
      sent.push(message);
      receive(structuredClone(message));
    },
    listen(message) {
      deliver = message;
    },
    close() {},
  };
  return { client: new PortClient(methodsOf(notesApi), link, 'notes worker'), sent };
}

describe('the server', () => {
  it('parses the request before the handler runs, and refuses a malformed one naming the field', async () => {
    expect(await serve('count', { text: 'a memo of three' }, quietCall)).toEqual({ ok: true, value: { words: 4 } });
    expect(await serve('count', { text: 42 }, quietCall)).toEqual({
      ok: false,
      error: {
        kind: 'bug',
        name: 'RequestRefused',
        message: 'The notes worker refused a malformed count request: text: expected string, received number.',
        path: 'text',
      },
    });
    expect(await serve('count', { text: 'x', extra: true }, quietCall)).toMatchObject({
      ok: false,
      error: { name: 'RequestRefused', message: expect.stringMatching(/extra/) },
    });
  });

  it('checks bytes as one object, not element by element', async () => {
    expect(await serve('store', { name: 'scan.pdf', bytes: new Uint8Array(5_000_000) }, quietCall)).toEqual({ ok: true, value: { stored: 5_000_000 } });
    expect(await serve('store', { name: 'scan.pdf', bytes: { 0: 1, length: 1 } }, quietCall)).toMatchObject({
      ok: false,
      error: { name: 'RequestRefused', path: 'bytes' },
    });
  });

  it('refuses a method the API does not have, Object.prototype’s included', async () => {
    for (const name of ['delete', 'toString', '__proto__', 42]) {
      expect(await serve(name, {}, quietCall)).toMatchObject({
        ok: false,
        error: { kind: 'bug', name: 'RequestRefused', message: `The notes worker knows the methods count, store, fail, slow, not “${String(name)}”.` },
      });
    }
  });

  it('tells the user’s errors from bugs on the wire', async () => {
    const error = async (how: string) => {
      const reply = await serve('fail', { how }, quietCall);
      return reply.ok ? null : reply.error;
    };
    expect(await error('file')).toEqual({
      kind: 'input',
      name: 'ImportError',
      message: '$.annotations[3].target: expected a selector',
      path: '$.annotations[3].target',
    });
    expect(await error('cancel')).toMatchObject({ kind: 'cancelled', name: 'CancelledError' });
    expect(await error('bug')).toEqual({ kind: 'bug', name: 'TypeError', message: 'Cannot read properties of undefined (reading "x").' });
    expect(await error('thrown')).toEqual({ kind: 'bug', name: 'Error', message: 'The notes worker failed: a string.' });
  });
});

describe('wire errors', () => {
  it('come back as the class they left as, with the same message', () => {
    const file = errorOf(toWire(new ImportError('$.format', 'expected "palimpsest-annotations"'), 'w'));
    expect(file).toBeInstanceOf(ImportError);
    expect(file).toMatchObject({ path: '$.format', problem: 'expected "palimpsest-annotations"', message: '$.format: expected "palimpsest-annotations"' });
    expect(errorOf(toWire(new CancelledError(), 'w'))).toBeInstanceOf(CancelledError);
    // A mistake the user made elsewhere than in a file (a tag type's name) stays theirs.
    const typed = toWire(new InvalidInput('$.name', 'a tag type needs a name'), 'w');
    expect(typed.kind).toBe('input');
    expect(errorOf(typed)).toBeInstanceOf(InvalidInput);
    expect(errorOf(typed)).toMatchObject({ path: '$.name', problem: 'a tag type needs a name', message: '$.name: a tag type needs a name' });
    expect(errorOf(toWire(new RangeError('A limit of -1.'), 'w'))).toBeInstanceOf(RangeError);
    const refused = errorOf(toWire(new RequestRefused('Refused.', ['files', '0', 'bytes']), 'w'));
    expect(refused).toBeInstanceOf(RequestRefused);
    expect((refused as RequestRefused).path).toEqual(['files', '0', 'bytes']);
    const other = errorOf({ kind: 'bug', name: 'DataCloneError', message: 'Could not clone.' });
    expect(other).toMatchObject({ name: 'DataCloneError', message: 'Could not clone.' });
    // Survives the copy a postMessage makes.
    expect(structuredClone(toWire(new ImportError('$', 'not JSON'), 'w'))).toEqual(toWire(new ImportError('$', 'not JSON'), 'w'));
  });
});

describe('the port client', () => {
  it('answers each call with its typed reply, under its own id', async () => {
    const { client, sent } = joined();
    const [words, stored] = await Promise.all([
      client.calls.count({ text: 'Richard Dvořàk, Ambassador' }),
      client.calls.store({ name: 'x', bytes: new Uint8Array(3) }),
    ]);
    // Typed replies: no cast, and a wrong field would not compile.
    const total: number = words.words + stored.stored;
    expect(total).toBe(6);
    expect(sent.map((m) => ('method' in m ? [m.id, m.method] : m))).toEqual([
      [1, 'count'],
      [2, 'store'],
    ]);
  });

  it('rejects with the error the handler threw, rebuilt, and goes on', async () => {
    const { client } = joined();
    await expect(client.calls.fail({ how: 'file' })).rejects.toBeInstanceOf(ImportError);
    await expect(client.calls.fail({ how: 'bug' })).rejects.toThrow(TypeError);
    // A request the types allow but the schema refuses (too long a text).
    await expect(client.calls.count({ text: 'x'.repeat(2000) })).rejects.toThrow(/malformed count request: text: /);
    expect(await client.calls.count({ text: 'still here' })).toEqual({ words: 2 });
  });

  it('reports progress, and a cancel reaches the handler past the queue', async () => {
    const { client } = joined();
    const steps: number[] = [];
    expect(await client.calls.slow({ steps: 3 }, { onProgress: (done) => steps.push(done) })).toBe('done');
    expect(steps).toEqual([1, 2, 3]);
    const controller = new AbortController();
    const cancelled = client.calls.slow({ steps: 1000 }, { onProgress: (done) => done === 2 && controller.abort(), signal: controller.signal });
    await expect(cancelled).rejects.toThrow(CancelledError);
    await expect(cancelled).rejects.toThrow('The count was cancelled.');
  });

  it('fails what waits, and what comes after, when the port dies or is closed', async () => {
    let failed: (reason: string) => void = () => {};
    const client = new PortClient<NotesApi>(methodsOf(notesApi), { send() {}, listen: (_m, f) => void (failed = f), close() {} }, 'notes worker');
    const waiting = client.calls.count({ text: 'x' });
    failed('out of memory');
    await expect(waiting).rejects.toThrow('The notes worker failed: out of memory.');
    await expect(client.calls.count({ text: 'y' })).rejects.toThrow('The notes worker failed: out of memory.');
  });

  it('answers a message it cannot read with id -1, which no call waits for', () => {
    const replies: PortReply[] = [];
    const receive = servePort(serve, (reply) => replies.push(reply));
    receive({ method: 'count', request: { text: 'x' } });
    receive('count');
    expect(replies).toEqual([
      expect.objectContaining({ id: -1, ok: false, error: expect.objectContaining({ name: 'RequestRefused' }) }),
      expect.objectContaining({ id: -1, ok: false }),
    ]);
  });
});

describe('invokers (Electron’s invoke)', () => {
  it('send each method on its own name and unwrap the reply, throwing the rebuilt error', async () => {
    const invokers = invokersOf<NotesApi>(methodsOf(notesApi), (name, request) => serve(name, request, quietCall));
    expect(await invokers.count({ text: 'one two' })).toEqual({ ok: true, value: { words: 2 } });
    const calls = callsOf<NotesApi>(methodsOf(notesApi), invokers);
    expect(await calls.count({ text: 'one two three' })).toEqual({ words: 3 });
    await expect(calls.fail({ how: 'file' })).rejects.toBeInstanceOf(ImportError);
  });
});

// Compile-time checks: a method added in one place is typed end to end.
function typeChecks(client: PortClient<NotesApi>): void {
  // @ts-expect-error: a method the API does not have.
  void client.calls.countWords;
  // @ts-expect-error: a request of the wrong shape.
  void client.calls.count({ words: 'x' });
  // @ts-expect-error: a handler map missing a method.
  const partial: Handlers<NotesApi> = { count: () => ({ words: 0 }) };
  void partial;
}
void typeChecks;
