import type { Annotation, TagType } from '../../../../shared/annotation/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { LibraryDocument } from '../../../../shared/corpus/document';
import { formatMoment } from '../../../../shared/corpus/times';
import type { ImportedOriginal, RevisionHead } from '../../../data/reviews';
import { useServices } from '../../context';
import { ReaderComforts } from '../comforts/ReaderComforts';
import type { ReaderVersion } from './use-reader-data';
import { ScreenHeader } from '../../ui/ScreenHeader';

/// The reader's bar: the document's title and what it is, the ways back,
/// undo and redo, the version shown, and the document's tools.
export function ReaderHeader({
  document,
  annotations,
  tagTypes,
  revisions,
  importedOriginal,
  version,
  onVersion,
  backTo,
  onBack,
  onLibrary,
  onSearch,
  onNewRevision,
  onTagTypes,
  onRelationTypes,
}: {
  document: LibraryDocument;
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  revisions: readonly RevisionHead[] | undefined;
  /// An imported document's first version, once read (for its file name).
  importedOriginal?: Pick<ImportedOriginal, 'fileName' | 'added'>;
  version: ReaderVersion;
  onVersion: (version: ReaderVersion) => void;
  /// Where `onBack` leads, by name ("Library", "Search results").
  backTo: string;
  onBack: () => void;
  onLibrary: () => void;
  onSearch: () => void;
  onNewRevision: () => void;
  onTagTypes: () => void;
  onRelationTypes: () => void;
}) {
  const services = useServices();
  const meta = document.meta;
  const failed = (error: unknown) => services.notify({ kind: 'error', text: String(error) });
  return (
    <ScreenHeader
      // The way back names where it leads. Opened from elsewhere than the
      // library (search results, a link's other end), the library is a
      // second, separate way out, a button of its own; opened from the
      // library, the way back is the way to the library, and one is shown.
      back={
        backTo === 'Library'
          ? { to: 'Library', hint: 'Back to the list of documents (Alt+←)', onClick: onLibrary, isLibrary: true }
          : { to: backTo, hint: `Back to the ${backTo.toLowerCase()} (Alt+←)`, onClick: onBack }
      }
      nav={
        backTo === 'Library' ? undefined : (
          <button type="button" className="nav-library" data-testid="library" title="Leave for the list of documents" onClick={onLibrary}>
            Library
          </button>
        )
      }
      className="reader-bar"
      titleStyle="page"
      title={meta.title}
      titleTestId="doc-heading"
      sub={[
        meta.date ? formatDateSpan(meta.date) : null,
        meta.kind,
        meta.publisher,
        meta.originalLanguage ? `original language: ${meta.originalLanguage}` : null,
      ]
        .filter(Boolean)
        .join(' · ')}
      // The version shown belongs with what the document is, under its
      // line: in the row of buttons it pushed Print… onto a second row
      // up to 1,400 pixels.
      underSub={
        revisions &&
        revisions.length > 0 && (
          <select
            className="version-select"
            aria-label="Version of the text"
            data-testid="version-select"
            value={String(version)}
            onChange={(e) => onVersion(e.target.value === 'current' || e.target.value === 'original' ? e.target.value : Number(e.target.value))}
          >
            <option value="current">Current text (revision {revisions.length})</option>
            {[...revisions]
              .reverse()
              .slice(1)
              .map((r, i) => (
                <option key={r.seq} value={r.seq}>
                  Revision {revisions.length - 1 - i}: {r.fileName}
                </option>
              ))}
            {document.origin === 'imported' ? (
              // A researcher's own file: named as the revisions are, with
              // when it came in on hovering.
              <option value="original" title={importedOriginal ? `Imported ${formatMoment(importedOriginal.added)}` : undefined}>
                Original as imported{importedOriginal ? `: ${importedOriginal.fileName}` : ''}
              </option>
            ) : (
              <option value="original">Original as bundled</option>
            )}
          </select>
        )
      }
      actions={
        <>
          <button type="button" data-testid="open-search" title="Search the words of every document (Ctrl+Shift+F)" onClick={onSearch}>
            Search…
          </button>
          {/* Arrows, named for screen readers and on hovering: the words
              cost the bar the room that kept Print… on its row. */}
          <button type="button" className="bar-icon" aria-label="Undo" title="Undo (Ctrl+Z)" onClick={() => void services.annotations.undo().catch(failed)}>
            ↶
          </button>
          <button
            type="button"
            className="bar-icon"
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
            onClick={() => void services.annotations.redo().catch(failed)}
          >
            ↷
          </button>
          <button type="button" data-testid="new-revision" onClick={onNewRevision} title="Import a corrected or re-typed text of this document">
            New revision…
          </button>
          <button type="button" onClick={onTagTypes}>
            Tag types…
          </button>
          <button type="button" data-testid="relation-types" onClick={onRelationTypes}>
            Relation types…
          </button>
          <button
            type="button"
            data-testid="export-document"
            title="Export this document’s annotations"
            onClick={() => services.openExport({ kind: 'document', documentId: document.id })}
          >
            Export…
          </button>
          <ReaderComforts document={document} annotations={annotations} tagTypes={tagTypes} />
        </>
      }
    />
  );
}
