import { type App, type Session, type WebContents, shell } from 'electron';
import { contentSecurityPolicy, isAppUrl } from './app-url';
import { Gestures, isExternalUrl } from './external';
import { isPermitted } from './permissions';

/// The security baseline beyond the window's own web preferences: a strict
/// CSP on every response, no navigation away from the app, no new windows,
/// no permission granted but writing to the clipboard, no <webview>, no
/// DevTools in a packaged app; web and mail links open outside the app, and
/// only just after the user clicked or pressed a key.
export function setupSecurity(app: App, session: Session, appUrl: () => string): void {
  // The app:// handler sets the same header itself; this covers the
  // development server.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => callback(isPermitted(permission, contents.getURL(), appUrl())));
  // The page's own address says which page asks, whatever its origin.
  session.setPermissionCheckHandler((contents, permission, requestingOrigin) => isPermitted(permission, contents?.getURL() ?? requestingOrigin, appUrl()));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    const gestures = new Gestures();
    contents.on('input-event', (_input, input) => gestures.note(input.type, Date.now()));
    const openOutside = (url: string) => {
      if (isExternalUrl(url) && gestures.consume(Date.now())) void shell.openExternal(url);
    };
    const stay = (event: Electron.Event, url: string) => {
      if (isAppUrl(url, appUrl())) return;
      event.preventDefault();
      openOutside(url);
    };
    contents.on('will-navigate', stay);
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appUrl())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // A link to the web (a citation's URL) opens in the user's browser,
    // never inside the app.
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}
