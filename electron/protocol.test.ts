import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } }));
const { protocol } = await import('electron');
const { appFile, contentType, registerAppScheme, serveApp } = await import('./protocol');

const root = mkdtempSync(join(tmpdir(), 'palimpsest-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Palimpsest</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, '..', 'secret.json'), '{"secret":true}');

describe('app:// files', () => {
  it('serves the page and its assets from the built renderer', () => {
    expect(appFile(root, 'app://palimpsest/index.html')).toBe(join(root, 'index.html'));
    expect(appFile(root, 'app://palimpsest/')).toBe(join(root, 'index.html'));
    expect(appFile(root, 'app://palimpsest/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('serves nothing outside it, for no other host and no other method', () => {
    // The URL parser folds ".." (and "%2e%2e") at the root: it stays inside.
    expect(appFile(root, 'app://palimpsest/../secret.json')).toBe(join(root, 'secret.json'));
    expect(appFile(root, 'app://palimpsest/%2e%2e/secret.json')).toBe(join(root, 'secret.json'));
    // An encoded slash is not folded by the parser, but decoded here: caught.
    for (const url of [
      'app://palimpsest/%2E%2E%2Fsecret.json',
      'app://palimpsest/..%5csecret.json',
      'app://palimpsest/%00',
      'app://palimpsest/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(appFile(root, url), url).toBeNull();
    }
    expect(appFile(root, 'app://palimpsest/index.html', 'POST')).toBeNull();
  });

  it('sends each file with its type, the CSP and no sniffing', async () => {
    serveApp(root);
    const handler = vi.mocked(protocol.handle).mock.calls.at(-1)![1] as (request: Request) => Promise<Response>;
    const page = await handler(new Request('app://palimpsest/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Palimpsest</title>');
    expect((await handler(new Request('app://palimpsest/../secret.json'))).status).toBe(404);
    expect((await handler(new Request('app://palimpsest/missing.js'))).status).toBe(404);
    expect(contentType('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.constructor')).toBe('application/octet-stream');
  });

  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(vi.mocked(protocol.registerSchemesAsPrivileged).mock.calls[0]![0]).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });
});
