import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAppUrl } from './app-url';

const app = 'file:///opt/Palimpsest/resources/app/out/renderer/index.html';

describe('isAppUrl', () => {
  it('accepts the app’s own page, with or without a fragment', () => {
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl(`${app}#/reader`, app)).toBe(true);
  });

  it('refuses other local files, web pages, and nothing at all', () => {
    expect(isAppUrl('file:///home/me/Downloads/evil.html', app)).toBe(false);
    expect(isAppUrl('https://example.org/', app)).toBe(false);
    expect(isAppUrl('about:blank', app)).toBe(false);
    expect(isAppUrl(undefined, app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });

  it('under the development server, accepts its origin only', () => {
    expect(isAppUrl('http://localhost:5173/some/route', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no remote origin and no inline script', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
  });
});
