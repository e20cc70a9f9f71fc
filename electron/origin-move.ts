import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../shared/ipc/contract';

/// Versions before the app:// protocol loaded the page from file://, and
/// Chromium keeps each origin's IndexedDB apart: their library is still on
/// disk but the app:// page cannot see it. Its backups can be restored, so
/// on the first launch that finds it the newest backup made before the
/// move is kept for good (rotation would otherwise delete it after ten
/// more, the first of them written at the first quit), and the researcher
/// is told where it is.

/// Where Chromium kept the file:// origin's IndexedDB in `userData`.
export function oldLibraryPath(userData: string): string {
  return join(userData, 'IndexedDB', 'file__0.indexeddb.leveldb');
}

/// The marker written once the notice was shown, naming the backup kept.
export function noticeMarkerPath(userData: string): string {
  return join(userData, 'library-moved-notice.json');
}

export const markerSchema = z.strictObject({ shown: z.string(), pinned: z.string().nullable().optional() });
export type MoveMarker = z.infer<typeof markerSchema>;

/// Whether to tell the researcher where their earlier library went.
export function needsMoveNotice(userData: string, exists: (path: string) => boolean = existsSync): boolean {
  return exists(oldLibraryPath(userData)) && !exists(noticeMarkerPath(userData));
}

/// The marker for a move found now: the newest backup there is (all were
/// made before the move, since the move is found at the first launch).
export function markerFor(backups: readonly BackupInfo[], now: Date): MoveMarker {
  return { shown: now.toISOString(), pinned: backups[0]?.id ?? null };
}

/// The backups rotation must keep: the one the marker pins.
export function keptBackups(marker: MoveMarker | null): ReadonlySet<string> {
  return new Set(marker?.pinned ? [marker.pinned] : []);
}

/// The notice, for a message box: where the earlier library is, in words
/// that are true whether or not a backup of it exists.
export function moveNotice(marker: MoveMarker): { message: string; detail: string } {
  if (!marker.pinned) {
    return {
      message: 'Your library from the earlier version is still on this computer, but this version cannot open it.',
      detail:
        'No backup of it was found in Palimpsest’s backups folder. Nothing was deleted: open the earlier version once and use Export… (all annotations) or let it write a backup, then restore or import that file here.',
    };
  }
  return {
    message: 'Your library from the earlier version is in your backups.',
    detail: `This version of Palimpsest keeps its library in a new place, so the library you had before does not show on its own. Nothing was deleted, and its last backup is kept for good: open Backups… in the library and restore the backup of ${marker.pinned.replace(/^palimpsest-backup-(\d{4}-\d\d-\d\d).*$/, '$1')}.`,
  };
}
