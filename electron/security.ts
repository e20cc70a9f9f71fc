import { type App, type Session, type WebContents, shell } from 'electron';
import { contentSecurityPolicy, isAppUrl } from './app-url';
import { isPermitted } from './permissions';

/// The security baseline beyond the window's own web preferences: a strict
/// CSP on every response, no navigation away from the app, no new windows,
/// no permission granted but writing to the clipboard, no <webview>.
export function setupSecurity(app: App, session: Session, appUrl: () => string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => callback(isPermitted(permission, contents.getURL(), appUrl())));
  // A file:// page's origin does not say which file it is: the page's own
  // address does.
  session.setPermissionCheckHandler((contents, permission, requestingOrigin) => isPermitted(permission, contents?.getURL() ?? requestingOrigin, appUrl()));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    const stay = (event: Electron.Event, url: string) => {
      if (!isAppUrl(url, appUrl())) event.preventDefault();
    };
    contents.on('will-navigate', stay);
    contents.on('will-redirect', stay);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link to the web (a citation's URL) opens in the user's browser,
      // never inside the app.
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
