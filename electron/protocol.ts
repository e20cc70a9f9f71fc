import { type Protocol, protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { appHost, appScheme, contentSecurityPolicy } from './app-url';
import { inside } from './paths';

/// Registers `app:` as a standard, secure scheme. Must run before the app
/// is ready: the page then has an origin of its own for IndexedDB, module
/// workers and fetch, as a web page would.
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/// Serves the built renderer (`root`) on app://palimpsest/, with the CSP
/// on every response. Only files inside `root` are served.
export function serveApp(root: string, on: Pick<Protocol, 'handle'> = protocol): void {
  on.handle(appScheme, async (request) => {
    const file = appFile(root, request.url, request.method);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
        headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/// The file under `root` an app:// request asks for, or `null` for any
/// other host, method or a path leading outside `root`.
export function appFile(root: string, url: string, method = 'GET'): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  try {
    return inside(root, `.${path}`);
  } catch {
    return null;
  }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/// The Content-Type a served file is sent with.
export function contentType(file: string): string {
  const ext = extname(file).toLowerCase();
  return Object.hasOwn(types, ext) ? types[ext]! : 'application/octet-stream';
}
