import { describe, expect, it } from 'vitest';
import { appPageUrl, contentSecurityPolicy, isAppUrl, rendererUrl } from './app-url';

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

describe('the app:// page', () => {
  it('is the app’s own; no other host or scheme is, though their origins are all "null"', () => {
    expect(appPageUrl).toBe('app://palimpsest/index.html');
    expect(isAppUrl('app://palimpsest/index.html#/reader', appPageUrl)).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'evil://palimpsest/index.html',
      'data:text/html,x',
      'file:///opt/index.html',
      'https://palimpsest/index.html',
    ]) {
      expect(isAppUrl(url, appPageUrl), url).toBe(false);
    }
  });

  it('is what a packaged app loads, whatever ELECTRON_RENDERER_URL says', () => {
    expect(rendererUrl(true, 'http://localhost:5173/')).toBe(appPageUrl);
    expect(rendererUrl(true, 'https://evil.example/')).toBe(appPageUrl);
    expect(rendererUrl(false, undefined)).toBe(appPageUrl);
  });

  it('gives way to the development server on this machine only, in development', () => {
    expect(rendererUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(rendererUrl(false, 'https://evil.example/')).toBe(appPageUrl);
    expect(rendererUrl(false, 'not a url')).toBe(appPageUrl);
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

  it('allows no inline style', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });
});
