/// The names of the calls the renderer makes to the Electron main process,
/// without their schemas: the sandboxed preload exposes exactly these, and
/// must not bundle a validation library it does not need. `api.ts` checks at
/// compile time that this list and its map have the same keys.

export const methods = [
  'openFile',
  'openFiles',
  'openFolder',
  'readImportFile',
  'saveFile',
  'listBackups',
  'openBackupRead',
  'readBackupChunk',
  'closeBackupRead',
  'openFileRead',
  'readChosenFile',
  'print',
  'documentOpened',
  'openSaveStream',
  'appendSaveStream',
  'closeSaveStream',
  'openBackupStream',
  'appendBackupStream',
  'closeBackupStream',
] as const;
export type Method = (typeof methods)[number];

/// The IPC channel a method travels on.
export function channelOf(method: Method): `palimpsest:${Method}` {
  return `palimpsest:${method}`;
}
