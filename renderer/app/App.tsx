import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bundledDocuments } from '../corpus';
import type { Host } from '../host/host';
import { AnnotationStore } from '../store/annotations';
import type { Changed } from '../store/history';
import { db } from '../store/db';
import { TagTypeStore } from '../store/tag-types';
import { ActorStore } from '../store/actors';
import { SetStore } from '../store/sets';
import { RelationTypeStore } from '../store/relation-types';
import { RelationTypesDialog } from './features/types/RelationTypesDialog';
import { BackupScheduler } from '../store/backups';
import { DocumentsRepository } from '../data/documents';
import { LibraryRepository } from '../data/library';
import { ReviewsRepository } from '../data/reviews';
import { DocumentsContext, useDocumentList } from '../data/hooks';
import { BackupsDialog } from './features/backups/BackupsDialog';
import { SyncBar } from './features/sync/SyncBar';
import { currentSession } from './features/sync/current';
import type { Invitation } from '../sync/invitation';
import { SyncSession } from '../sync/session';
import { type AppServices, ServicesContext } from './context';
import { Library } from './features/library/Library';
import { Notices } from './ui/Notices';
import { StatusRow } from './ui/StatusRow';
import { Shortcuts } from './Shortcuts';
import { useNotices } from './ui/notices';
import { ReaderScreen } from './features/reader/ReaderScreen';
import { TagTypesDialog } from './features/types/TagTypesDialog';
import { ExportDialog } from './features/imports/ExportDialog';
import { ImportPreviewDialog } from './features/imports/ImportPreviewDialog';
import { type PendingImport, chooseImport, confirmImport, exportAnnotationsFile } from './features/imports/transfer-actions';
import type { NativeFile } from '../../shared/format/native';
import { menuEvent } from '../../shared/ipc/contract';
import { isTyping } from './ui/keys';
import { SearchClient } from '../search/search-client';
import { syncLibrary } from '../search/sync-library';
import { ExportProgress } from './features/imports/ExportProgress';
import { ImportProgress } from './features/imports/ImportProgress';
import { SearchScreen } from './features/search/SearchScreen';
import { writeBuiltBackup } from '../work/backups';
import { startBackups, startImports } from '../work/import-client';
import { type Screen, screenName } from './screens';
import { CompareScreen } from './features/compare/CompareScreen';
import { ActorScreen } from './features/actors/ActorScreen';
import { ActorsScreen } from './features/actors/ActorsScreen';
import { SetsScreen } from './features/sets/SetsScreen';
import { MatrixScreen } from './features/matrix/MatrixScreen';
import { TableScreen } from './features/table/TableScreen';
import { TimelineScreen } from './features/timeline/TimelineScreen';
import { LinkDialog } from './features/links/LinkDialog';
import { excerpt } from './ui/excerpt';
import { type Linking, type LinkingControls, LinkingContext } from './features/links/linking';
import { useRememberedScreen } from './features/comforts/place';
import { messageOf } from '../../shared/errors';

/// The app: the library, or one document open in the reader, with the
/// notices and dialogs shared by both.
// Screens remembered for "Back".
const maxHistory = 30;

export function App({ host }: { host: Host }) {
  const [{ screen, previous }, setNavigation] = useState<{ screen: Screen; previous: Screen[] }>({ screen: { kind: 'library' }, previous: [] });
  const { notices, notify, dismiss: dismissNotice } = useNotices();
  const [tagDialog, setTagDialog] = useState(false);
  const [backupsDialog, setBackupsDialog] = useState(false);
  const [relationDialog, setRelationDialog] = useState(false);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const [exportScope, setExportScope] = useState<NativeFile['scope'] | null>(null);
  // The last query, kept while the researcher reads a result.
  const [searchQuery, setSearchQuery] = useState('');
  const [linking, setLinking] = useState<Linking | null>(null);
  // Each "Import documents…" or "Import a folder…" from the menu, for the
  // library to answer once, and which of the two the last one was.
  const [importRequest, setImportRequest] = useState(0);
  const [importFolder, setImportFolder] = useState(false);
  // The last of them the library has answered: it is not asked again.
  const [importAnswered, setImportAnswered] = useState(0);
  // Going to a screen remembers the one left, so "Back" returns there: to
  // the search results, the timeline or the matrix a passage was opened from.
  const go = useCallback((next: Screen) => setNavigation((n) => ({ screen: next, previous: [...n.previous.slice(-maxHistory), n.screen] })), []);
  const back = useCallback(() => setNavigation((n) => ({ screen: n.previous.at(-1) ?? { kind: 'library' }, previous: n.previous.slice(0, -1) })), []);
  const home = useCallback(() => setNavigation({ screen: { kind: 'library' }, previous: [] }), []);
  const linkingControls = useMemo<LinkingControls>(
    () => ({
      linking,
      start: (from) => setLinking({ from, to: null, mode: 'dialog' }),
      pickInText: () => setLinking((l) => l && { ...l, mode: 'pick' }),
      choose: (to) => setLinking((l) => l && { ...l, to, mode: 'dialog' }),
      cancel: () => setLinking(null),
    }),
    [linking],
  );

  // One repository for the app's life: the list of documents (no texts),
  // each text read when a screen asks for it.
  const documents = useMemo(() => new DocumentsRepository(db(), bundledDocuments()), []);
  // One search worker for the app's life (the page's): never disposed, since
  // React's development double mount would otherwise leave a disposed one.
  const search = useMemo(() => new SearchClient(), []);
  // Whole-library work (an import's plan, a backup) reads the texts it
  // touches, by need (the workers read through sources of their own).
  const imports = useMemo(() => startImports(() => ({ db: db(), documents: async () => documents.source() })), [documents]);
  // Backups are built in a worker of their own, so that a long import in
  // the import workers never holds them up.
  const backupWorker = useMemo(() => startBackups(() => ({ db: db(), documents: async () => documents.source() })), [documents]);
  const [importing, setImporting] = useState<{ fileName: string; done: number; total: number } | null>(null);
  // The export being written, and how to stop it.
  const [exporting, setExporting] = useState<{ name: string; read: number; count: number; cancelling: boolean } | null>(null);
  const exportAbort = useRef<AbortController | null>(null);
  const services = useMemo<AppServices>(() => {
    const database = db();
    const annotations = new AnnotationStore(database);
    const forgetArrived = (ids: Changed) => annotations.history.forget(ids);
    const partial = {
      documents,
      reviews: new ReviewsRepository(database),
      // Exports and backup files are built in the backup worker, off the page.
      library: new LibraryRepository(database, documents, backupWorker),
      annotations,
      tagTypes: new TagTypeStore(database, annotations.history),
      actors: new ActorStore(database, annotations.history),
      sets: new SetStore(database),
      relationTypes: new RelationTypeStore(database, annotations.history),
      backups: new BackupScheduler(
        database,
        // Only the default writer reads this; the app writes as below.
        new Map(),
        host.backups,
        (text) => notify({ kind: 'error', text }),
        undefined,
        // The backup is built in the worker. In a browser the worker
        // stores it itself; the desktop app's backups are files main
        // writes, so the page asks the worker for one piece at a time and
        // hands each to main (as an export does), never reading the
        // library itself.
        host.kind === 'electron'
          ? (since, now) => writeBuiltBackup(backupWorker, since, host.backups, now)
          : (since, now) => backupWorker.write({ since, now: now.toISOString() }),
      ),
      search,
      sync: {
        // A colleague's change takes the undo steps that would write over it.
        begin: (invitation: Invitation, onError: (error: Error) => void) => SyncSession.begin(database, invitation, onError, forgetArrived),
        resume: (onError: (error: Error) => void) => SyncSession.resume(database, onError, forgetArrived),
      },
      imports,
      host,
      notify,
      go,
      openExport: (scope: NativeFile['scope']) => setExportScope(scope),
    };
    const full: AppServices = { ...partial, startImport: () => void chooseImport(full).then(setPendingImport) };
    return full;
  }, [host, notify, documents, search, imports, backupWorker, go]);

  // The list as columns: App needs only to hear of a change, and no
  // summary of every document is made for it (see DocumentList).
  const listed = useDocumentList(documents);
  const loaded = documents.isLoaded();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list (an import, a revision, a deletion) is the signal to index again.
  useEffect(() => {
    if (!loaded) return;
    // The worker keeps its index between runs and is sent only the texts
    // it lacks, so the reader never waits for indexing.
    syncLibrary(search, documents).catch((error: unknown) => notify({ kind: 'error', text: `Search is unavailable: ${messageOf(error)}` }));
  }, [listed, loaded, documents, search, notify]);

  // The screen and place of the last session, reopened once the documents are read.
  const hasDocument = useCallback((id: string) => documents.documents().has(id), [documents]);
  useRememberedScreen(screen, loaded, hasDocument, go);

  // Ctrl+Shift+F searches every document, from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        go({ kind: 'search' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  // Undo and redo of annotation changes, from the keys or the menu.
  const undoOrRedo = useCallback(
    (redo: boolean) => {
      const step = redo ? services.annotations.redo() : services.annotations.undo();
      step
        .then((done) =>
          notify(
            done
              ? { kind: 'info', text: `${redo ? 'Redid' : 'Undid'}: ${done.label.toLowerCase()}.` }
              : { kind: 'info', text: `Nothing to ${redo ? 'redo' : 'undo'}.` },
          ),
        )
        .catch((error: unknown) => notify({ kind: 'error', text: `Could not ${redo ? 'redo' : 'undo'}: ${messageOf(error)}` }));
    },
    [services, notify],
  );

  // The keys work wherever the researcher is, except while typing in a
  // field, where the field's own undo applies.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || key === 'y';
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      undoOrRedo(redo);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoOrRedo]);

  // Back up after changes, and before the app closes.
  useEffect(() => {
    const unwatch = services.backups.watch();
    const unhook = host.backups.onBeforeQuit(async () => {
      // An edit still on its way to a shared project goes first; the
      // desktop app closes after 5 s whatever is pending.
      await Promise.race([currentSession()?.settled(), new Promise((resolve) => setTimeout(resolve, 2000))]).catch(() => {});
      await services.backups.flush();
    });
    return () => {
      unwatch();
      unhook();
    };
  }, [services, host]);

  // The desktop app's menu items.
  useEffect(
    () =>
      host.onMenuCommand((command, documentId) => {
        if (command === 'import-annotations') services.startImport();
        else if (command === 'export-all-annotations') services.openExport({ kind: 'all' });
        else if (command === 'search') go({ kind: 'search' });
        else if (command === 'import-documents' || command === 'import-folder') {
          // Documents are imported in the library, which opens the dialog.
          home();
          setImportFolder(command === 'import-folder');
          setImportRequest((n) => n + 1);
        } else if (command === 'open-document') {
          if (documentId && services.documents.documents().has(documentId)) go({ kind: 'reader', documentId });
          else notify({ kind: 'error', text: 'That document is no longer in the library.' });
        }
        // While typing in a field the menu's Undo is the field's own: on
        // macOS the menu takes Cmd+Z before the page sees it.
        else if ((command === 'undo' || command === 'redo') && isTyping(document.activeElement)) document.execCommand(command);
        else if (command === 'undo' || command === 'redo') undoOrRedo(command === 'redo');
        // The rest belong to a screen: the one that owns it listens.
        else window.dispatchEvent(new CustomEvent(menuEvent, { detail: command }));
      }),
    [host, services, go, home, undoOrRedo, notify],
  );

  // The desktop app lists the documents opened last in its File menu.
  const readerDocument = screen.kind === 'reader' ? screen.documentId : null;
  useEffect(() => {
    const index = readerDocument ? listed.indexOf(readerDocument) : -1;
    const opened = index >= 0 ? listed.summary(index) : undefined;
    if (opened) host.documentOpened(opened.id, opened.meta.title || opened.id);
  }, [readerDocument, host, listed]);

  return (
    <ServicesContext.Provider value={services}>
      <DocumentsContext.Provider value={documents}>
        <LinkingContext.Provider value={linkingControls}>
          <div className="app">
            {linking?.mode === 'pick' && (
              <div className="linking-banner" role="status" data-testid="linking-banner">
                Linking from “{excerpt(linking.from.quote.exact, 60)}”: open any document and click the passage to link to, or select new words and tag them.
                <button type="button" onClick={() => setLinking(null)}>
                  Cancel
                </button>
              </div>
            )}
            {screen.kind === 'library' && (
              <Library
                importRequest={importRequest > importAnswered ? importRequest : 0}
                onImportAnswered={() => setImportAnswered(importRequest)}
                importFolder={importFolder}
                onOpen={(documentId) => go({ kind: 'reader', documentId })}
                onSearch={() => go({ kind: 'search' })}
                onTagTypes={() => setTagDialog(true)}
                onBackups={() => setBackupsDialog(true)}
              />
            )}
            {screen.kind === 'search' && (
              <SearchScreen
                initialQuery={searchQuery}
                onQuery={setSearchQuery}
                onBack={back}
                onOpen={(passage) => go({ kind: 'reader', documentId: passage.documentId, passage })}
              />
            )}
            {screen.kind === 'reader' && (
              <ReaderScreen
                // One reader per document: another document remounts the screen,
                // another passage of the same one only scrolls to it.
                key={screen.documentId}
                documentId={screen.documentId}
                passage={screen.passage}
                annotationId={screen.annotationId}
                backTo={screenName(previous.at(-1) ?? { kind: 'library' })}
                onBack={back}
                onLibrary={home}
                onSearch={() => go({ kind: 'search' })}
                onTagTypes={() => setTagDialog(true)}
                onRelationTypes={() => setRelationDialog(true)}
              />
            )}
            {screen.kind === 'table' && <TableScreen onBack={back} />}
            {screen.kind === 'timeline' && <TimelineScreen onBack={back} />}
            {screen.kind === 'matrix' && <MatrixScreen onBack={back} />}
            {screen.kind === 'actors' && <ActorsScreen onBack={back} />}
            {screen.kind === 'sets' && <SetsScreen onBack={back} />}
            {screen.kind === 'actor' && <ActorScreen key={screen.actorId} actorId={screen.actorId} onBack={back} />}
            {screen.kind === 'compare' && (
              <CompareScreen key={`${screen.left.annotationId}:${screen.right.annotationId}`} left={screen.left} right={screen.right} onBack={back} />
            )}
            {linking?.mode === 'dialog' && (
              <LinkDialog
                linking={linking}
                onChoose={(to) => setLinking({ ...linking, to })}
                onPickInText={() => setLinking({ ...linking, mode: 'pick' })}
                onCancel={() => setLinking(null)}
                onDone={() => setLinking(null)}
              />
            )}
            {tagDialog && <TagTypesDialog onClose={() => setTagDialog(false)} />}
            {relationDialog && <RelationTypesDialog onClose={() => setRelationDialog(false)} />}
            {backupsDialog && <BackupsDialog onClose={() => setBackupsDialog(false)} />}
            {pendingImport && (
              <ImportPreviewDialog
                pending={pendingImport}
                onCancel={() => {
                  setPendingImport(null);
                  void services.imports.annotations.discard({ planId: pendingImport.planId });
                }}
                onImport={() => {
                  const pending = pendingImport;
                  setPendingImport(null);
                  setImporting({ fileName: pending.fileName, done: 0, total: pending.add + pending.update });
                  void confirmImport(services, pending, (done, total) => setImporting({ fileName: pending.fileName, done, total })).finally(() =>
                    setImporting(null),
                  );
                }}
              />
            )}
            {importing && <ImportProgress {...importing} />}
            {exportScope && (
              <ExportDialog
                scope={exportScope}
                title={exportScope.kind === 'document' ? (documents.documents().get(exportScope.documentId)?.meta.title ?? '') : ''}
                onExport={(format) => {
                  const abort = new AbortController();
                  exportAbort.current = abort;
                  // Only the latest export's progress is shown; an earlier
                  // one still running finishes with its notice.
                  const mine = () => exportAbort.current === abort;
                  void exportAnnotationsFile(services, exportScope, format, {
                    signal: abort.signal,
                    onProgress: (name, read, count) => {
                      if (mine()) setExporting((now) => ({ name, read, count, cancelling: now?.cancelling ?? false }));
                    },
                  }).finally(() => {
                    if (!mine()) return;
                    exportAbort.current = null;
                    setExporting(null);
                  });
                }}
                onClose={() => setExportScope(null)}
              />
            )}
            {exporting && (
              <ExportProgress
                {...exporting}
                onCancel={() => {
                  exportAbort.current?.abort();
                  setExporting((now) => now && { ...now, cancelling: true });
                }}
              />
            )}
            <StatusRow start={<SyncBar />} end={<Notices notices={notices} onDismiss={dismissNotice} />} />
            <Shortcuts />
          </div>
        </LinkingContext.Provider>
      </DocumentsContext.Provider>
    </ServicesContext.Provider>
  );
}
