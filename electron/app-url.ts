/// Which URLs are the app's own page. Pure, so the security decisions built
/// on it are tested without Electron.

/// The scheme the desktop app's page is served from (electron/protocol.ts):
/// a standard, secure scheme of its own, so the page has a real origin
/// (IndexedDB, workers, fetch) that no file on disk and no web page shares.
export const appScheme = 'app';
/// The one host of that scheme.
export const appHost = 'palimpsest';
/// The desktop app's page.
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/// Where the window loads the renderer from: the app's own page, or, in
/// development only, electron-vite's server on this machine. A packaged app
/// ignores `ELECTRON_RENDERER_URL`: whoever can set a variable in the
/// user's environment could otherwise swap the whole app for a page of
/// theirs, with the app's access to the disk.
export function rendererUrl(packaged: boolean, devServer: string | undefined): string {
  if (packaged || !devServer) return appPageUrl;
  let url: URL;
  try {
    url = new URL(devServer);
  } catch {
    return appPageUrl;
  }
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') ? devServer : appPageUrl;
}

/// Whether `url` is the app's renderer page (`appUrl`), ignoring query and
/// fragment. For a file:// app the path must be the same file; otherwise the
/// same scheme and host (with port). Not `URL.origin`: a custom scheme's
/// origin is "null" for every such URL, which would match them all.
export function isAppUrl(url: string | undefined | null, appUrl: string): boolean {
  if (!url) return false;
  let candidate: URL;
  let app: URL;
  try {
    candidate = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return candidate.protocol === 'file:' && decodeURIComponent(candidate.pathname) === decodeURIComponent(app.pathname);
  return candidate.protocol === app.protocol && candidate.host === app.host && app.host !== '';
}

/// The Content Security Policy of every response: only the app's own code,
/// no remote origin, no plugins, no framing, no form posts, no inline
/// script and no inline style sheet.
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Styles only from the app's own style sheets: no <style> element and
    // no style attribute in markup, so injected markup can neither restyle
    // the page nor probe it with selectors. React's style props and
    // ProseMirror's decorations (highlight colours) go through the CSSOM,
    // which the policy does not govern; e2e/web/desktop-csp.spec.ts drives
    // the app under this policy and fails on any style it refuses.
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // WebSockets to the team's sync server (docs/sync.md), wherever its
    // address says; nothing else leaves the app.
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
