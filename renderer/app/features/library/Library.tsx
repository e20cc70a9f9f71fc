import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../data/documents';
import { useDocumentList, useDocumentsLoaded } from '../../../data/hooks';
import { FirstLook } from '../comforts/FirstLook';
import { ReadingControls } from '../comforts/ReadingControls';
import { useServices } from '../../context';
import { DeleteDocumentDialog } from './DeleteDocumentDialog';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';
import { useDocumentImport } from '../imports/use-document-import';
import { useFileDrop } from '../imports/use-file-drop';
import './documents.css';
import '../comforts/comforts.css';
import { messageOf } from '../../../../shared/errors';
import { type MenuChoice, MenuButton } from '../../ui/MenuButton';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { type LibrarySort, type Shelf, type SortKey, collectionsOf, libraryOrder } from './library-order';
import type { RowActions } from './LibraryRow';
import { LibraryTable } from './LibraryTable';

/// The library: every document with what it is, where it comes from, the
/// collection it is filed in and how much of it is annotated. Sorted by
/// date unless the researcher chooses. Documents are imported here (by the
/// dialog or by dropping files anywhere on it), described, and deleted.
/// Sorted and filtered from the list's columns; a screenful of rows is
/// drawn (LibraryTable), so a library of thousands opens as fast as a few.
export function Library({
  onOpen,
  onSearch,
  onTagTypes,
  onBackups,
  importRequest = 0,
  onImportAnswered = () => {},
  importFolder = false,
}: {
  onOpen: (documentId: string) => void;
  onSearch: () => void;
  onTagTypes: () => void;
  onBackups: () => void;
  /// Counts the menu's "Import documents…": each new value opens the dialog once.
  importRequest?: number;
  /// Called once the dialog is open, so a later return to the library does
  /// not open it again.
  onImportAnswered?: () => void;
  /// Whether the request is for a folder ("Import a folder…") or files.
  importFolder?: boolean;
}) {
  const services = useServices();
  const list = useDocumentList();
  const loaded = useDocumentsLoaded();
  const [sort, setSort] = useState<LibrarySort>({ key: 'date', dir: 1 });
  // The element that scrolls, as state: the table listens to it once it is
  // there (a ref is set only after the table's own effects have run).
  const [scroller, setScroller] = useState<HTMLElement | null>(null);

  const [chosenShelf, setShelf] = useState<Shelf>({ kind: 'all' });
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const imports = useDocumentImport({ onDetails: setDetailsOf });
  const drop = useFileDrop(imports.importFiles, imports.importDropped);
  // A ref, not state: React's development double mount runs the effect twice
  // for one request, and must open one dialog.
  const importsAnswered = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request count alone is the trigger.
  useEffect(() => {
    if (importRequest === 0 || importsAnswered.current === importRequest) return;
    importsAnswered.current = importRequest;
    (importFolder && imports.chooseFolder ? imports.chooseFolder : imports.choose)();
    onImportAnswered();
  }, [importRequest]);

  const counts = useLiveQuery(() => services.annotations.countsByDocument(), [services]);
  // What a row asks for; one object, so a memoised row is not drawn again for it.
  const actions = useMemo<RowActions>(
    () => ({
      onOpen,
      onDetails: setDetailsOf,
      onDelete: setDeleting,
      // The original language an undescribed document's text reads as, accepted.
      onUseLanguage: (document: DocumentSummary, language: string) => {
        // Over the whole description: the list's lacks the citation and
        // summary, which an edit saved from it would drop.
        services.documents
          .requiredDescription(document.id)
          .then((meta) => services.documents.edit(document.id, { meta: { ...meta, originalLanguage: language } }))
          .then(() => services.notify({ kind: 'info', text: `“${document.meta.title}”: original language set to ${language}.` }))
          .catch((error: unknown) => services.notify({ kind: 'error', text: `The language was not saved: ${messageOf(error)}` }));
      },
    }),
    [onOpen, services],
  );
  const onSort = useCallback((key: SortKey) => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 })), []);

  const collections = useMemo(() => collectionsOf(list), [list]);
  // A collection emptied or renamed away leaves the filter on all documents.
  const shelf: Shelf = chosenShelf.kind === 'collection' && !collections.names.some(([name]) => name === chosenShelf.name) ? { kind: 'all' } : chosenShelf;
  const shelfValue = shelf.kind === 'collection' ? `collection:${shelf.name}` : shelf.kind;
  // From the columns alone: sorting parses no row. The counts change with
  // every annotation made; they reorder the list only when it is sorted by them.
  const sortCounts = sort.key === 'count' ? counts : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the shelf's value names it; the object is new each render.
  const order = useMemo(() => libraryOrder(list, shelf, sort, sortCounts), [list, shelfValue, sort, sortCounts]);
  // As the buttons were: documents and a folder wait while documents are being imported.
  const busy = imports.busy ? 'An import is running; wait for it to finish' : undefined;
  const importChoices: MenuChoice[] = [
    {
      key: 'documents',
      label: 'Documents…',
      detail: 'text, Markdown, HTML, Word, PDF, many at once',
      testId: 'import-documents',
      disabled: imports.busy,
      title: busy,
      onChoose: imports.choose,
    },
    ...(imports.chooseFolder
      ? [
          {
            key: 'folder',
            label: 'A folder…',
            detail: 'every document in it and its subfolders',
            testId: 'import-folder',
            disabled: imports.busy,
            title: busy,
            onChoose: imports.chooseFolder,
          },
        ]
      : []),
    { key: 'annotations', label: 'Annotations…', detail: 'Palimpsest JSON, W3C, REFI-QDA (.qdpx)', testId: 'import', onChoose: () => services.startImport() },
  ];
  const imported = useMemo(() => {
    for (let i = 0; i < list.length; i++) if (list.origin(i) === 'imported') return true;
    return false;
  }, [list]);

  return (
    // Focusable by script only: a focused row that scrolls out of the
    // window hands the focus here, so the keys still scroll the library.
    <main className="library" data-testid="library" ref={setScroller} tabIndex={-1} {...drop.handlers}>
      {drop.dragging && (
        <div className="drop-target" data-testid="drop-target" aria-hidden="true">
          <div className="drop-target-inner">
            Drop files to import them as documents
            <span>.txt · .md · .html · .docx · .pdf — as many as you like</span>
          </div>
        </div>
      )}
      <ScreenHeader
        titleStyle="brand"
        title="Palimpsest"
        sub={`Library · ${list.length.toLocaleString('en')} documents`}
        actions={
          <>
            <button type="button" data-testid="open-search" title="Search the words of every document (Ctrl+Shift+F)" onClick={onSearch}>
              Search…
            </button>
            <button type="button" onClick={onTagTypes}>
              Tag types…
            </button>
            <button type="button" data-testid="backups" onClick={onBackups}>
              Backups…
            </button>
            {/* One button for the three imports, so that the bar holds one
                row on a 1,024-pixel laptop. */}
            <MenuButton
              label="Import"
              testId="import-menu"
              title={imports.chooseFolder ? 'Import documents, a folder of them, or annotations' : 'Import documents or annotations'}
              choices={importChoices}
            />
            <button type="button" data-testid="export-all" onClick={() => services.openExport({ kind: 'all' })}>
              Export…
            </button>
          </>
        }
      />
      <nav className="views" aria-label="Views across the corpus">
        <span className="views-label">Across the corpus:</span>
        <button type="button" data-testid="open-table" onClick={() => services.go({ kind: 'table' })}>
          All annotations
        </button>
        <button type="button" data-testid="open-actors" onClick={() => services.go({ kind: 'actors' })}>
          Actors
        </button>
        <button type="button" data-testid="open-sets" onClick={() => services.go({ kind: 'sets' })}>
          Sets
        </button>
        <button type="button" data-testid="open-timeline" onClick={() => services.go({ kind: 'timeline' })}>
          Timeline
        </button>
        <button type="button" data-testid="open-matrix" onClick={() => services.go({ kind: 'matrix' })}>
          Claim matrix
        </button>
        <span className="spacer" />
        <ReadingControls />
      </nav>
      <div className="library-shelf">
        <label>
          Collection{' '}
          <select
            data-testid="collection-filter"
            value={shelfValue}
            onChange={(event) => {
              const value = event.target.value;
              setShelf(value === 'all' || value === 'unfiled' ? { kind: value } : { kind: 'collection', name: value.slice('collection:'.length) });
            }}
          >
            <option value="all">All documents ({list.length.toLocaleString('en')})</option>
            {collections.names.map(([name, count]) => (
              <option key={name} value={`collection:${name}`}>
                {name} ({count.toLocaleString('en')})
              </option>
            ))}
            <option value="unfiled">In no collection ({collections.unfiled.toLocaleString('en')})</option>
          </select>
        </label>
        <span className="hint library-drop-hint">Drop .txt, .md, .html, .docx or .pdf files, or a folder of them, anywhere here to import them.</span>
      </div>
      {counts && <FirstLook annotated={[...counts.values()].some((n) => n > 0)} imported={imported} onImport={imports.choose} />}
      <LibraryTable scroller={scroller} list={list} order={order} counts={counts} sort={sort} onSort={onSort} shelf={shelfValue} actions={actions} />
      {loaded && order.length === 0 && <p className="library-empty">No document is in this collection.</p>}
      {imports.view}
      {detailsOf && <DocumentDetailsDialog documentId={detailsOf} onClose={() => setDetailsOf(null)} />}
      {deleting && <DeleteDocumentDialog document={deleting} onClose={() => setDeleting(null)} />}
    </main>
  );
}
