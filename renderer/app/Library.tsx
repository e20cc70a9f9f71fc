import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { compareDates, formatDateSpan } from '../../shared/corpus/dates';
import type { LibraryDocument } from '../../shared/corpus/document';
import { countsByDocument } from '../store/annotation-rows';
import { useServices } from './context';

type SortKey = 'date' | 'title' | 'count';

/// The library: every document with what it is, where it comes from and how
/// much of it is annotated. Sorted by date unless the researcher chooses.
export function Library({ onOpen, onSearch, onTagTypes, onBackups }: { onOpen: (documentId: string) => void; onSearch: () => void; onTagTypes: () => void; onBackups: () => void }) {
  const services = useServices();
  const { documents, db } = services;
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'date', dir: 1 });

  const counts = useLiveQuery(() => countsByDocument(db), [db]);

  const rows = useMemo(() => {
    const list = [...documents.values()];
    const by = (a: LibraryDocument, b: LibraryDocument): number => {
      if (sort.key === 'title') return a.meta.title.localeCompare(b.meta.title) * sort.dir;
      if (sort.key === 'count') return ((counts?.get(a.id) ?? 0) - (counts?.get(b.id) ?? 0)) * sort.dir;
      // Undated documents go last whichever way dates are sorted.
      if (!a.meta.date || !b.meta.date) return compareDates(a.meta.date, b.meta.date);
      return compareDates(a.meta.date, b.meta.date) * sort.dir;
    };
    return list.sort((a, b) => by(a, b) || a.meta.title.localeCompare(b.meta.title));
  }, [documents, sort, counts]);

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" data-testid={`sort-${key}`} onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}>
        {label}
        <span className="sort-mark">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <main className="library" data-testid="library">
      <header className="bar">
        <h1 className="brand">Palimpsest</h1>
        <span className="bar-sub">Library · {documents.size} documents</span>
        <span className="spacer" />
        <button type="button" data-testid="open-search" title="Search the words of every document (Ctrl+Shift+F)" onClick={onSearch}>
          Search…
        </button>
        <button type="button" onClick={onTagTypes}>
          Tag types…
        </button>
        <button type="button" data-testid="backups" onClick={onBackups}>
          Backups…
        </button>
        <button type="button" data-testid="import" onClick={() => services.startImport()}>
          Import annotations…
        </button>
        <button type="button" data-testid="export-all" onClick={() => services.openExport({ kind: 'all' })}>
          Export…
        </button>
      </header>
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
      </nav>
      <table className="library-table">
        <thead>
          <tr>
            {header('title', 'Title')}
            {header('date', 'Date')}
            <th>Source / archive</th>
            <th>Original language</th>
            {header('count', 'Annotations')}
          </tr>
        </thead>
        <tbody>
          {rows.map((document) => (
            <tr key={document.id} data-testid="doc-row" data-document={document.id}>
              <td className="title-cell">
                <button type="button" className="doc-title" data-testid="doc-title" onClick={() => onOpen(document.id)}>
                  {document.meta.title}
                </button>
                <div className="doc-kind">
                  {document.meta.kind}
                  {document.meta.authors.length > 0 && ` · ${document.meta.authors.join(', ')}`}
                  {document.meta.translator && ` · translated by ${document.meta.translator}`}
                </div>
              </td>
              <td className="date-cell" data-testid="doc-date">
                {document.meta.date ? formatDateSpan(document.meta.date) : <span className="unknown">undated</span>}
              </td>
              <td className="source-cell">
                {[document.meta.publisher, document.meta.archive].filter(Boolean).join(' — ') || <span className="unknown">not stated</span>}
                {document.meta.doi && <div className="doi">doi:{document.meta.doi}</div>}
              </td>
              <td>{document.meta.originalLanguage ?? <span className="unknown">not stated</span>}</td>
              <td className="count-cell" data-testid="doc-count">
                {counts?.get(document.id) ?? 0}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
