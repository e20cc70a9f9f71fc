import { type DragEvent, useRef, useState } from 'react';
import type { FolderEntry } from '../../../../shared/importers/folder-walk';
import { type FileSource, type Handle, entryOfHandle, entryOfWebkit } from '../../../host/folder-entries';

/// Files dropped on an element: its drag handlers, and whether files are
/// being dragged over it now (for a visible drop target). Drags of anything
/// but files (a selection of text) are left alone. A drop holding a folder
/// goes to `onFolder` as the drop's entries, files and folders, to walk;
/// any other drop of files to `onFiles`.
export function useFileDrop(
  onFiles: (files: File[]) => void,
  onFolder?: (name: string, entries: Promise<FolderEntry<FileSource>[]>) => void,
): {
  dragging: boolean;
  handlers: {
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
} {
  const [dragging, setDragging] = useState(false);
  // Entering a child fires enter on it before leave on its parent: count.
  const depth = useRef(0);
  const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  return {
    dragging,
    handlers: {
      onDragEnter(event) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current++;
        setDragging(true);
      },
      onDragOver(event) {
        if (!carriesFiles(event)) return;
        // Without this the browser would open the file in place of the app.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave(event) {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop(event) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        const entries = onFolder && droppedFolder(event.dataTransfer);
        if (entries) {
          onFolder(entries.name, entries.entries);
          return;
        }
        const files = [...event.dataTransfer.files];
        if (files.length > 0) onFiles(files);
      },
    },
  };
}

/// The entries of a drop that holds a folder, or `null` for a drop of
/// files alone. Each item's entry is asked for now, in the drop's own
/// task: the browser empties the drop once its handler returns. Where the
/// browser gives handles (`getAsFileSystemHandle`, Chromium) those are
/// used; elsewhere the older Entries API's (`webkitGetAsEntry`).
export function droppedFolder(transfer: DataTransfer): { name: string; entries: Promise<FolderEntry<FileSource>[]> } | null {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  const old = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  const folder = old.find((entry) => entry?.isDirectory);
  if (!folder) return null;
  type WithHandle = DataTransferItem & { getAsFileSystemHandle?: () => Promise<Handle | null> };
  const handles = items.map((item) => (item as WithHandle).getAsFileSystemHandle?.());
  const entries = Promise.all(
    old.map(async (entry, i) => {
      const handle = await handles[i]?.catch(() => null);
      if (handle) return entryOfHandle(handle);
      return entry ? entryOfWebkit(entry) : null;
    }),
  ).then((all) => all.filter((entry): entry is FolderEntry<FileSource> => entry !== null));
  // A folder dropped alone is named; several things dropped together are "the drop".
  return { name: items.length === 1 ? folder.name : 'the drop', entries };
}
