/// Which URLs are the app's own page. Pure, so the security decisions built
/// on it are tested without Electron.

/// Whether `url` is the app's renderer page (`appUrl`), ignoring query and
/// fragment. For a file:// app the path must be the same file; for the
/// development server, the same origin.
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
  return candidate.origin === app.origin;
}

/// The Content Security Policy of every response: only the app's own code,
/// no remote origin, no plugins, no framing, no form posts.
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Highlight colours are set as inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
