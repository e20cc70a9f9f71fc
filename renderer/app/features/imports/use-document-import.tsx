import { type ReactNode, startTransition, useRef, useState } from 'react';
import type { ChosenFolder, FolderWatch, PickedFile } from '../../../host/host';
import { type FileSource, laterFilesOf } from '../../../host/folder-entries';
import { type FolderEntry, walkFolder } from '../../../../shared/importers/folder-walk';
import { readPickedFiles } from '../../../host/picked-files';
import type { DocumentFileResult } from '../../../work/import-protocol';
import { useServices } from '../../context';
import { DocumentsProgress, type DocumentsProgressState, DocumentsProgressStore } from './DocumentsProgress';
import { ImportResultsDialog } from './ImportResultsDialog';
import { documentFilters, encodingChoices, importSummary, mergeResults } from './import-results';
import { messageOf } from '../../../../shared/errors';

/// Importing documents from the library: by the host's file dialog or by
/// files dropped on the page. The import worker reads them with a progress
/// bar; then the results, file by file, where a text whose encoding could
/// not be told is read again in the encoding chosen. Returns the two ways
/// in, and what to draw (the progress bar, the results).
export function useDocumentImport({ onDetails }: { onDetails: (documentId: string) => void }): {
  choose: () => void;
  /// Asks for a folder to import; absent where the host has no folder picker.
  chooseFolder: (() => void) | null;
  importFiles: (files: readonly File[]) => void;
  /// A dropped folder's entries: walked, then imported as a chosen folder is.
  importDropped: (name: string, entries: Promise<FolderEntry<FileSource>[]>) => void;
  busy: boolean;
  view: ReactNode;
} {
  const services = useServices();
  // Each file read moves the bar alone, not the library (`busy` changes
  // only as an import starts and ends).
  const progress = useRef(new DocumentsProgressStore()).current;
  const [busy, setBusy] = useState(false);
  const setProgress = (value: DocumentsProgressState | null) => {
    progress.set(value);
    setBusy(value !== null);
  };
  const [cancelling, setCancelling] = useState(false);
  const [results, setResults] = useState<DocumentFileResult[] | null>(null);
  // The folder the results came from, named in their dialog's title.
  const [folderName, setFolderName] = useState<string | null>(null);
  // Stops the walk of a folder, while it is looked through.
  const walking = useRef<AbortController | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);
  // The bytes of files that may be read again (an encoding to choose), and
  // the encodings to offer for each, by their place in the results.
  const retained = useRef(new Map<number, { name: string; bytes: ArrayBuffer; choices: string[] }>());
  const running = useRef(false);

  const fail = (error: unknown) => services.notify({ kind: 'error', text: `The documents were not imported: ${messageOf(error)}` });

  const run = async (picked: readonly PickedFile[]) => {
    if (picked.length === 0) return;
    const readable = picked.filter((file): file is Extract<PickedFile, { bytes: ArrayBuffer }> => 'bytes' in file);
    // The bytes are handed over to the worker: a file that may be read
    // again comes back with its bytes in its result.
    const sent = readable.map((file) => ({ name: file.name, bytes: file.bytes }));
    setFolderName(null);
    setProgress({ done: 0, total: sent.length });
    let read: DocumentFileResult[];
    try {
      read = sent.length > 0 ? await services.imports.documents.import(sent, (done, total) => setProgress({ done, total })) : [];
    } catch (error) {
      if ((error as Error).name !== 'CancelledError') throw error;
      services.notify({ kind: 'info', text: `Import cancelled: none of the ${picked.length} file${picked.length === 1 ? '' : 's'} was stored.` });
      return;
    }
    show(mergeResults(picked, read));
  };

  // A folder's files, each read as the import reaches it (a fonds of
  // 1,000 PDFs never reaches the page at once); what the walk did not look
  // at is said first.
  const runFolder = async (folder: ChosenFolder) => {
    setFolderName(folder.name);
    for (const note of folder.notes) services.notify({ kind: 'error', text: note });
    if (folder.files.length === 0) {
      services.notify({ kind: 'info', text: `${folder.name} holds no files to import.` });
      return;
    }
    const from = folder.name;
    setProgress({ done: 0, total: folder.files.length, from });
    let results: DocumentFileResult[];
    try {
      results = await services.imports.documents.importLater(folder.files, (done, total) => setProgress({ done, total, from }));
    } catch (error) {
      if ((error as Error).name !== 'CancelledError') throw error;
      const count = folder.files.length;
      services.notify({ kind: 'info', text: `Import cancelled: none of the ${count} file${count === 1 ? '' : 's'} in ${folder.name} was stored.` });
      return;
    }
    show(results);
  };

  const show = (merged: DocumentFileResult[]) => {
    retained.current.clear();
    const shown = merged.map((result, index) => {
      if (result.ok || !result.bytes) return result;
      const { bytes, ...rest } = result;
      if (result.code === 'encoding') retained.current.set(index, { name: result.fileName, bytes, choices: encodingChoices(bytes) });
      return rest;
    });
    // The results are drawn in a transition: React yields between them
    // and the library, which redraws as the import ends, rather than
    // drawing both in the task of the worker's reply.
    startTransition(() => setResults(shown));
    services.notify({ kind: 'info', text: importSummary(shown) });
    // The worker's writes pass the page's change hooks by: schedule the
    // backup they would have.
    if (shown.some((result) => result.ok)) services.backups.touch();
  };

  const guarded = (work: () => Promise<void>) => {
    if (running.current) {
      services.notify({ kind: 'info', text: 'Documents are being imported; wait for them before importing more.' });
      return;
    }
    running.current = true;
    setResults(null);
    work()
      .catch(fail)
      .finally(() => {
        running.current = false;
        setProgress(null);
        setCancelling(false);
      });
  };

  const cancel = () => {
    setCancelling(true);
    if (walking.current) walking.current.abort();
    else services.imports.documents.cancel();
  };

  // Walks a folder with its progress shown ("Looking through Fonds 102…
  // 40 files found") and a Cancel that stops the walk; `null` when cancelled.
  const lookThrough = async <T,>(walk: (watch: FolderWatch) => Promise<T>, name?: string): Promise<T | null> => {
    const controller = new AbortController();
    walking.current = controller;
    let from = name;
    if (from) setProgress({ done: 0, total: 0, from, looking: 0 });
    try {
      return await walk({
        signal: controller.signal,
        looking: (folder) => {
          from = folder;
          setProgress({ done: 0, total: 0, from, looking: 0 });
        },
        found: (files) => setProgress({ done: 0, total: 0, from, looking: files }),
      });
    } catch (error) {
      if ((error as Error).name !== 'CancelledError') throw error;
      services.notify({ kind: 'info', text: `Import cancelled: nothing was read from ${from ?? 'the folder'}.` });
      return null;
    } finally {
      walking.current = null;
      setCancelling(false);
    }
  };

  const choose = () =>
    guarded(async () => {
      const picked = await services.host.openFiles('Import documents', documentFilters);
      if (picked) await run(picked);
    });

  const importFiles = (files: readonly File[]) => guarded(async () => run(await readPickedFiles(files)));

  const openFolder = services.host.openFolder?.bind(services.host);
  const chooseFolder = openFolder
    ? () =>
        guarded(async () => {
          const folder = await lookThrough((watch) => openFolder('Import a folder', watch));
          if (folder) await runFolder(folder);
        })
    : null;

  const importDropped = (name: string, entries: Promise<FolderEntry<FileSource>[]>) =>
    guarded(async () => {
      const walk = await lookThrough(async (watch) => walkFolder(await entries, undefined, watch), name);
      if (walk) await runFolder({ name, files: laterFilesOf(walk), notes: walk.notes });
    });

  const retry = (index: number, encoding: string) => {
    const file = retained.current.get(index);
    if (!file || running.current) return;
    running.current = true;
    setRetrying(index);
    services.imports.documents
      // A copy goes: the import hands its bytes over, and these are kept
      // for another encoding should this one fail too.
      .import([{ name: file.name, bytes: file.bytes.slice(0), encoding }])
      .then(([result]) => {
        if (!result) return;
        if (result.ok || result.code !== 'encoding') retained.current.delete(index);
        const shown = result.ok ? result : { ...result, bytes: undefined };
        setResults((list) => list && list.map((before, i) => (i === index ? shown : before)));
        if (result.ok) {
          services.notify({ kind: 'info', text: `Imported ${file.name} read as ${encoding}.` });
          services.backups.touch();
        }
      })
      .catch(fail)
      .finally(() => {
        running.current = false;
        setRetrying(null);
      });
  };

  const view = (
    <>
      <DocumentsProgress store={progress} cancelling={cancelling} onCancel={cancel} />
      {results && (
        <ImportResultsDialog
          results={results}
          encodingsOf={(index) => retained.current.get(index)?.choices ?? null}
          retrying={retrying}
          onRetry={retry}
          onDetails={onDetails}
          onOpen={(documentId) => services.go({ kind: 'reader', documentId })}
          onClose={() => setResults(null)}
          folder={folderName}
        />
      )}
    </>
  );
  return { choose, chooseFolder, importFiles, importDropped, busy, view };
}
