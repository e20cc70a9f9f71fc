import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/// The key test servers sign invitations with.
export const testKey = 'a test key, long enough';

/// A folder of its own for one test's server data.
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'palimpsest-sync-'));
}

/// A port free on 127.0.0.1 now.
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/// A running `npm run server` (as `tsx server/main.ts`): its url, and the
/// process to stop or kill.
export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/// Starts the sync server as a process, on `port` (0: any free one), and
/// resolves once it listens.
export async function startServer(options: { data: string; port?: number; redis?: string; key?: string }): Promise<RunningServer> {
  const args = ['server/main.ts', '--port', String(options.port ?? 0), '--data', options.data, '--key', options.key ?? testKey, '--debounce', '100'];
  if (options.redis) args.push('--redis', options.redis);
  // One process (not tsx's wrapper and its child), so SIGKILL kills the server.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The sync server did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on ws:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`The sync server exited (${code}): ${output}`)));
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/// Starts Debian's redis-server on a free port, keeping nothing on disk.
export async function startRedis(): Promise<{ address: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return {
    address: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/// A machine's connection to a project: its Y.Doc and provider, and
/// whether the server refused it.
export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  refused: Promise<string>;
  /// Bytes this client sent over its websocket.
  sent(): number;
  close(): void;
}

/// Connects a fresh Y.Doc (or `doc`) to `project` on the server at `url`.
export function connect(url: string, project: string, token: string, doc = new Y.Doc()): Client {
  let bytes = 0;
  // Counts what goes out, to compare with a native export's size.
  class CountingWebSocket extends WebSocket {
    override send(data: never, ...rest: never[]): void {
      bytes += (data as { byteLength?: number }).byteLength ?? String(data).length;
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CountingWebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  let refuse: (reason: string) => void = () => {};
  const refused = new Promise<string>((resolve) => {
    refuse = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: project,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => refuse(reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    refused,
    sent: () => bytes,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/// Resolves when `check` holds, checking every 20 ms; rejects after `ms`.
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
