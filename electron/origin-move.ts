import { existsSync } from 'node:fs';
import { join } from 'node:path';

/// Versions before the app:// protocol loaded the page from file://, and
/// Chromium keeps each origin's IndexedDB apart: their library is still on
/// disk but the app:// page cannot see it. Its backups can be restored, so
/// the researcher is told once, on the first launch that finds it.

/// Where Chromium kept the file:// origin's IndexedDB in `userData`.
export function oldLibraryPath(userData: string): string {
  return join(userData, 'IndexedDB', 'file__0.indexeddb.leveldb');
}

/// The marker written once the notice was shown.
export function noticeMarkerPath(userData: string): string {
  return join(userData, 'library-moved-notice.json');
}

/// Whether to tell the researcher where their earlier library went.
export function needsMoveNotice(userData: string, exists: (path: string) => boolean = existsSync): boolean {
  return exists(oldLibraryPath(userData)) && !exists(noticeMarkerPath(userData));
}

/// The notice, for a message box.
export const moveNotice = {
  message: 'Your library from the earlier version is in your backups.',
  detail:
    'This version of Palimpsest keeps its library in a new place, so the library you had before does not show on its own. Nothing was deleted: open Backups… in the library and restore the newest backup to carry on where you left off.',
};
