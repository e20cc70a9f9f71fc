import { type MouseEvent, memo } from 'react';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentSummary } from '../../../data/document-list';
import { formatName } from '../imports/import-results';

/// Every row's height, px (documents.css `.doc-row` holds the same): a
/// title of two lines and the line saying what the document is, their
/// padding and a rule. The table finds its rows by it, so nothing in a
/// cell may make a row taller: long fields end in "…", whole on hover.
export const rowHeight = 80;

/// What a row asks of the library.
export interface RowActions {
  onOpen: (documentId: string) => void;
  onDetails: (documentId: string) => void;
  onDelete: (document: DocumentSummary) => void;
  onUseLanguage: (document: DocumentSummary, language: string) => void;
}

/// One document in the library: what it is, when, where from, its
/// collection, language and annotations. Its row is parsed only when it is
/// drawn (its summary's fields are read here). Memoised: a scroll redraws
/// only the rows that enter.
export const LibraryRow = memo(function LibraryRow({
  index,
  shift,
  document,
  count,
  actions,
}: {
  /// Its place in the library as sorted and filtered.
  index: number;
  /// Px the row is drawn above its place (0 or less), when the list's
  /// scroll is scaled (shared/table/window.ts).
  shift: number;
  document: DocumentSummary;
  count: number;
  actions: RowActions;
}) {
  const { meta } = document;
  // A click anywhere on a row opens its document, except on its own controls.
  const openRow = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    actions.onOpen(document.id);
  };
  const kind = [
    document.origin === 'imported' ? `${formatName(document.format)} imported from ${document.fileName}` : meta.kind,
    document.pages.length > 0 ? `, ${document.pages.length} page${document.pages.length === 1 ? '' : 's'}` : '',
    meta.authors.length > 0 ? ` · ${meta.authors.join('; ')}` : '',
    meta.translator ? ` · translated by ${meta.translator}` : '',
  ].join('');
  const source = [meta.publisher, meta.archive].filter(Boolean).join(' — ');
  const where = reference(document);
  const suggested = document.suggestedLanguage;
  return (
    <tr
      className="doc-row"
      data-testid="doc-row"
      data-document={document.id}
      data-index={index}
      aria-rowindex={index + 2}
      style={shift ? { transform: `translateY(${shift}px)` } : undefined}
      onClick={openRow}
    >
      <td className="title-cell">
        <div className="doc-title-line">
          <button
            type="button"
            className="text-button doc-title"
            data-testid="doc-title"
            title={`${meta.title}\n\nOpen this document to read and annotate it`}
            onClick={() => actions.onOpen(document.id)}
          >
            <span className="doc-clamp">{meta.title}</span>
          </button>
          {/* The row opens on a click anywhere; this says so. */}
          <span className="doc-open" aria-hidden="true">
            Open →
          </span>
        </div>
        <div className="doc-kind doc-line" title={kind}>
          {kind}
        </div>
      </td>
      <td className="date-cell" data-testid="doc-date">
        <div className="doc-cell">
          {meta.date ? (
            meta.date.guessed ? (
              <span className="guessed-date" title="Guessed from a sentence of the text, not from the document’s own date: confirm or correct it in Details…">
                {formatDateSpan(meta.date)}
              </span>
            ) : (
              formatDateSpan(meta.date)
            )
          ) : (
            <span className="unknown">undated</span>
          )}
        </div>
      </td>
      <td className="source-cell" data-testid="doc-source" title={[source, where, meta.doi ? `doi:${meta.doi}` : ''].filter(Boolean).join('\n') || undefined}>
        <div className="doc-clamp">{source || <span className="unknown">not stated</span>}</div>
        {(where || meta.doi) && (
          <div className="doc-line">
            {where && <span className="doc-reference">{where}</span>}
            {where && meta.doi && ' · '}
            {meta.doi && <span className="doi">doi:{meta.doi}</span>}
          </div>
        )}
      </td>
      <td className="collection-cell" data-testid="doc-collection" title={document.collection ?? undefined}>
        <div className="doc-clamp">{document.collection ?? <span className="unknown">—</span>}</div>
      </td>
      <td className="language-cell" data-testid="doc-language">
        <div className="doc-line">{meta.originalLanguage ?? <span className="unknown">not stated</span>}</div>
        {suggested && (
          <div className="language-suggestion doc-line">
            <span>reads as {suggested}</span>
            <button
              type="button"
              className="link-button"
              data-testid="doc-language-use"
              title={`Set the original language to ${suggested}`}
              onClick={() => actions.onUseLanguage(document, suggested)}
            >
              Use
            </button>
          </div>
        )}
      </td>
      <td className="count-cell" data-testid="doc-count">
        {count.toLocaleString('en')}
      </td>
      <td className="actions-cell">
        <button
          type="button"
          data-testid="doc-details"
          title="Describe this document: title, author, date, archive, citation, collection"
          onClick={() => actions.onDetails(document.id)}
        >
          Details…
        </button>
        {document.origin === 'imported' ? (
          <button type="button" className="danger-link" data-testid="doc-delete" onClick={() => actions.onDelete(document)}>
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
  );
});

/// Where in its archive a document is: fond, file, pages.
function reference(document: DocumentSummary): string {
  const { fond, folder, pageRange } = document.meta;
  return [fond, folder, pageRange].filter(Boolean).join(', ');
}
