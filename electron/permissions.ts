import { isAppUrl } from './app-url';

// The one permission the app asks for: writing plain text to the clipboard
// ("Copy citation"). Reading the clipboard, the camera, notifications and
// every other permission stay refused.
const permitted = new Set(['clipboard-sanitized-write']);

/// Whether a page may have a permission: only the app's own pages, and
/// only the permissions the app needs.
export function isPermitted(permission: string, requestingUrl: string, appUrl: string): boolean {
  return permitted.has(permission) && isAppUrl(requestingUrl, appUrl);
}
