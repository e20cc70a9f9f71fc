import { useLiveQuery } from 'dexie-react-hooks';
import { type MouseEvent, useEffect, useRef, useState } from 'react';
import { compareDates, formatDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentSummary } from '../../../data/documents';
import { useDocuments, useDocumentsLoaded } from '../../../data/hooks';
import { FirstLook } from '../comforts/FirstLook';
import { ReadingControls } from '../comforts/ReadingControls';
import { useServices } from '../../context';
import { DeleteDocumentDialog } from './DeleteDocumentDialog';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';
import { formatName } from '../imports/import-results';
import { useDocumentImport } from '../imports/use-document-import';
import { useFileDrop } from '../imports/use-file-drop';
import './documents.css';
import '../comforts/comforts.css';
import { messageOf } from '../../../../shared/errors';
import { ScreenHeader } from '../../ui/ScreenHeader';

type SortKey = 'date' | 'title' | 'count';

/// Which documents the library shows: all, one collection's, or those in none.
type Shelf = { kind: 'all' } | { kind: 'collection'; name: string } | { kind: 'unfiled' };

/// The library: every document with what it is, where it comes from, the
/// collection it is filed in and how much of it is annotated. Sorted by
/// date unless the researcher chooses. Documents are imported here (by the
/// dialog or by dropping files anywhere on it), described, and deleted.
export function Library({
  onOpen,
  onSearch,
  onTagTypes,
  onBackups,
  importRequest = 0,
  onImportAnswered = () => {},
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
}) {
  const services = useServices();
  const documents = useDocuments();
  const loaded = useDocumentsLoaded();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'date', dir: 1 });

  const [chosenShelf, setShelf] = useState<Shelf>({ kind: 'all' });
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const imports = useDocumentImport({ onDetails: setDetailsOf });
  const drop = useFileDrop(imports.importFiles);
  // A ref, not state: React's development double mount runs the effect twice
  // for one request, and must open one dialog.
  const importsAnswered = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request count alone is the trigger.
  useEffect(() => {
    if (importRequest === 0 || importsAnswered.current === importRequest) return;
    importsAnswered.current = importRequest;
    imports.choose();
    onImportAnswered();
  }, [importRequest]);

  const counts = useLiveQuery(() => services.annotations.countsByDocument(), [services]);
  // The original language each undescribed document's text reads as, offered to accept.
  const acceptLanguage = (document: DocumentSummary, language: string) => {
    services.documents
      .edit(document.id, { meta: { ...document.meta, originalLanguage: language } })
      .then(() => services.notify({ kind: 'info', text: `“${document.meta.title}”: original language set to ${language}.` }))
      .catch((error: unknown) => services.notify({ kind: 'error', text: `The language was not saved: ${messageOf(error)}` }));
  };
  // A click anywhere on a row opens its document, except on its own controls.
  const openRow = (event: MouseEvent, documentId: string) => {
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    onOpen(documentId);
  };

  // Worked out on every render: a library holds hundreds of documents at
  // most, and sorting them costs less than remembering them.
  const all = [...documents.values()];
  const collections = [...new Set(all.map((d) => d.collection).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b));
  // A collection emptied or renamed away leaves the filter on all documents.
  const shelf: Shelf = chosenShelf.kind === 'collection' && !collections.includes(chosenShelf.name) ? { kind: 'all' } : chosenShelf;
  const onShelf = (document: DocumentSummary) => shelf.kind === 'all' || (shelf.kind === 'unfiled' ? !document.collection : document.collection === shelf.name);
  const by = (a: DocumentSummary, b: DocumentSummary): number => {
    if (sort.key === 'title') return a.title.localeCompare(b.title) * sort.dir;
    if (sort.key === 'count') return ((counts?.get(a.id) ?? 0) - (counts?.get(b.id) ?? 0)) * sort.dir;
    // Undated documents go last whichever way dates are sorted.
    if (!a.meta.date || !b.meta.date) return compareDates(a.meta.date, b.meta.date);
    return compareDates(a.meta.date, b.meta.date) * sort.dir;
  };
  const rows = all.filter(onShelf).sort((a, b) => by(a, b) || a.title.localeCompare(b.title));
  const shelfValue = shelf.kind === 'collection' ? `collection:${shelf.name}` : shelf.kind;

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        data-testid={`sort-${key}`}
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}
      >
        {label}
        <span className="sort-mark">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <main className="library" data-testid="library" {...drop.handlers}>
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
        sub={`Library · ${documents.size} documents`}
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
            <button
              type="button"
              data-testid="import-documents"
              title="Text, Markdown, HTML, Word or PDF files, many at once; or drop them on the library"
              disabled={imports.busy}
              onClick={imports.choose}
            >
              Import documents…
            </button>
            <button type="button" data-testid="import" onClick={() => services.startImport()}>
              Import annotations…
            </button>
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
            <option value="all">All documents ({all.length})</option>
            {collections.map((name) => (
              <option key={name} value={`collection:${name}`}>
                {name} ({all.filter((d) => d.collection === name).length})
              </option>
            ))}
            <option value="unfiled">In no collection ({all.filter((d) => !d.collection).length})</option>
          </select>
        </label>
        <span className="hint library-drop-hint">Drop .txt, .md, .html, .docx or .pdf files anywhere here to import them.</span>
      </div>
      {counts && (
        <FirstLook annotated={[...counts.values()].some((n) => n > 0)} imported={all.some((d) => d.origin === 'imported')} onImport={imports.choose} />
      )}
      <table className="library-table">
        <thead>
          <tr>
            {header('title', 'Title')}
            {header('date', 'Date')}
            <th>Source / archive</th>
            <th>Collection</th>
            <th>Original language</th>
            {header('count', 'Annotations')}
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((document) => (
            <tr key={document.id} className="doc-row" data-testid="doc-row" data-document={document.id} onClick={(event) => openRow(event, document.id)}>
              <td className="title-cell">
                <button
                  type="button"
                  className="text-button doc-title"
                  data-testid="doc-title"
                  title="Open this document to read and annotate it"
                  onClick={() => onOpen(document.id)}
                >
                  {document.meta.title}
                </button>
                {/* The row opens on a click anywhere; this says so. */}
                <span className="doc-open" aria-hidden="true">
                  Open →
                </span>
                <div className="doc-kind">
                  {document.origin === 'imported' ? `${formatName(document.format)} imported from ${document.fileName}` : document.meta.kind}
                  {document.pages.length > 0 && `, ${document.pages.length} page${document.pages.length === 1 ? '' : 's'}`}
                  {document.meta.authors.length > 0 && ` · ${document.meta.authors.join('; ')}`}
                  {document.meta.translator && ` · translated by ${document.meta.translator}`}
                </div>
              </td>
              <td className="date-cell" data-testid="doc-date">
                {document.meta.date ? (
                  document.meta.date.guessed ? (
                    <span
                      className="guessed-date"
                      title="Guessed from a sentence of the text, not from the document’s own date: confirm or correct it in Details…"
                    >
                      {formatDateSpan(document.meta.date)}
                    </span>
                  ) : (
                    formatDateSpan(document.meta.date)
                  )
                ) : (
                  <span className="unknown">undated</span>
                )}
              </td>
              <td className="source-cell" data-testid="doc-source">
                {[document.meta.publisher, document.meta.archive].filter(Boolean).join(' — ') || <span className="unknown">not stated</span>}
                {reference(document) && <div className="doc-reference">{reference(document)}</div>}
                {document.meta.doi && <div className="doi">doi:{document.meta.doi}</div>}
              </td>
              <td className="collection-cell" data-testid="doc-collection">
                {document.collection ?? <span className="unknown">—</span>}
              </td>
              <td className="language-cell" data-testid="doc-language">
                {document.meta.originalLanguage ?? <span className="unknown">not stated</span>}
                {document.suggestedLanguage && (
                  <div className="language-suggestion">
                    <span>reads as {document.suggestedLanguage}</span>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="doc-language-use"
                      title={`Set the original language to ${document.suggestedLanguage}`}
                      onClick={() => acceptLanguage(document, document.suggestedLanguage!)}
                    >
                      Use
                    </button>
                  </div>
                )}
              </td>
              <td className="count-cell" data-testid="doc-count">
                {(counts?.get(document.id) ?? 0).toLocaleString('en')}
              </td>
              <td className="actions-cell">
                <button
                  type="button"
                  data-testid="doc-details"
                  title="Describe this document: title, author, date, archive, citation, collection"
                  onClick={() => setDetailsOf(document.id)}
                >
                  Details…
                </button>
                {document.origin === 'imported' ? (
                  <button type="button" className="danger-link" data-testid="doc-delete" onClick={() => setDeleting(document)}>
                    Delete…
                  </button>
                ) : (
                  // A disabled button shows no tooltip in every browser: its wrapper does.
                  <span className="delete-refused" title="This document came with Palimpsest: it can be described and filed, but not deleted.">
                    <button type="button" className="danger-link" disabled data-testid="doc-delete">
                      Delete…
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {loaded && rows.length === 0 && <p className="library-empty">No document is in this collection.</p>}
      {imports.view}
      {detailsOf && <DocumentDetailsDialog documentId={detailsOf} onClose={() => setDetailsOf(null)} />}
      {deleting && <DeleteDocumentDialog document={deleting} onClose={() => setDeleting(null)} />}
    </main>
  );
}

/// Where in its archive a document is: fond, file, pages.
function reference(document: DocumentSummary): string {
  const { fond, folder, pageRange } = document.meta;
  return [fond, folder, pageRange].filter(Boolean).join(', ');
}
