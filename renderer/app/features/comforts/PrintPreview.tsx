import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { fileNameOf } from '../../../../shared/file-name';
import type { Annotation, TagType } from '../../../../shared/annotation/model';
import { documentCitation, pagesOf } from '../../../../shared/corpus/cite';
import type { LibraryDocument } from '../../../../shared/corpus/document';
import type { Block, Mark } from '../../../../shared/document/model';
import { useServices } from '../../context';
import { type PrintPiece, printPieces } from './print-layout';
import { messageOf } from '../../../../shared/errors';

/// A document laid out to print or save as PDF, for a seminar hand-out:
/// its citation, the whole text with every highlight in its tag's colour
/// and a note number where each passage ends, then the numbered list of
/// the annotations (quote, tags, actor, note, page). Shown first as a
/// preview over the app; the print itself (`@media print`) shows only the
/// sheet. The reader draws only the sections near the view, so the sheet
/// is drawn here from the document's blocks, all of them.
export function PrintPreview({
  document,
  annotations,
  tagTypes,
  onClose,
}: {
  document: LibraryDocument;
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  onClose: () => void;
}) {
  const { host, notify } = useServices();
  const printButton = useRef<HTMLButtonElement>(null);
  const pieces = useMemo(() => printPieces(document.blocks, document.text, annotations), [document, annotations]);
  const tags = useMemo(() => new Map(tagTypes.map((t) => [t.id, t])), [tagTypes]);
  const colourOf = (n: number) => tags.get(annotations[n - 1]?.tags[0] ?? '')?.color ?? '#999999';

  useEffect(() => {
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const print = () => {
    // The browser offers the page's title as the PDF's name.
    // A file name: titles such as "Letters 1848/49" carry slashes.
    const name = fileNameOf(document.meta.title, ' — annotated', 'document');
    const before = window.document.title;
    window.document.title = name;
    host
      .print(`${name}.pdf`)
      .catch((error: unknown) => notify({ kind: 'error', text: `Could not print: ${messageOf(error)}` }))
      .finally(() => {
        window.document.title = before;
      });
  };

  return createPortal(
    <div className="print-preview" role="dialog" aria-modal="true" aria-label={`Print preview of ${document.meta.title}`} data-testid="print-preview">
      <div className="print-toolbar">
        <span className="print-toolbar-title">
          Print preview · {annotations.length === 1 ? '1 annotation' : `${annotations.length.toLocaleString('en')} annotations`}, numbered as notes after the
          text
        </span>
        <span className="spacer" />
        <button type="button" className="primary" ref={printButton} data-testid="print-now" onClick={print}>
          Print or save as PDF…
        </button>
        <button type="button" data-testid="print-close" onClick={onClose}>
          Close
        </button>
      </div>
      <article className="print-sheet" data-testid="print-sheet">
        <header className="print-head">
          <h1>{document.meta.title}</h1>
          <p className="print-citation">{documentCitation(document.meta)}</p>
        </header>
        <div className="print-text">
          {document.blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a document's blocks never reorder; their index is their identity.
            <PrintBlock key={i} block={block} pieces={pieces[i]!} colourOf={colourOf} />
          ))}
        </div>
        <section className="print-notes" data-testid="print-notes">
          <h2>Annotations</h2>
          {annotations.length === 0 ? (
            <p>This document has no annotations yet.</p>
          ) : (
            <ol>
              {annotations.map((annotation, i) => {
                const page = pagesOf(document.pages, annotation.position.start, annotation.position.end);
                const names = annotation.tags.map((id) => tags.get(id)?.name).filter(Boolean);
                return (
                  <li key={annotation.id} id={`print-note-${i + 1}`} data-testid="print-note">
                    <span className="print-note-tags">
                      <span className="print-swatch" style={{ background: colourOf(i + 1) }} />
                      {names.join(', ') || 'Untagged'}
                      {annotation.actor ? `: ${annotation.actor}` : ''}
                      {page ? ` · ${page.includes('–') ? 'pp.' : 'p.'} ${page}` : ''}
                    </span>
                    <q className="print-note-quote">{annotation.quote.exact}</q>
                    {annotation.note.trim() && <p className="print-note-text">{annotation.note}</p>}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </article>
    </div>,
    window.document.body,
  );
}

const markTags: Partial<Record<Mark, 'em' | 'strong' | 'sup' | 'sub' | 'u' | 'code'>> = {
  em: 'em',
  strong: 'strong',
  sup: 'sup',
  sub: 'sub',
  underline: 'u',
  code: 'code',
};

function PrintBlock({ block, pieces, colourOf }: { block: Block; pieces: readonly PrintPiece[]; colourOf: (n: number) => string }) {
  const content = pieces.map((piece, i) => {
    let node: ReactNode = piece.text;
    for (const mark of piece.marks) {
      const Tag = markTags[mark];
      if (Tag) node = <Tag>{node}</Tag>;
    }
    // Nested passages: each draws its colour over the one around it.
    for (const n of piece.covered) {
      node = (
        <mark className="print-hl" style={{ ['--hl' as string]: colourOf(n) }}>
          {node}
        </mark>
      );
    }
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of a block are cut afresh each time, in text order.
      <span key={i}>
        {node}
        {piece.ends.length > 0 && <sup className="print-ref">{piece.ends.join(',')}</sup>}
      </span>
    );
  });
  if (block.kind === 'heading') {
    const Heading = `h${Math.min(4, Math.max(2, block.level + 1))}` as 'h2' | 'h3' | 'h4';
    return <Heading>{content}</Heading>;
  }
  if (block.kind === 'rule') return <hr />;
  const className = [block.kind === 'footnote' ? 'print-footnote' : '', block.kind === 'list_item' ? 'print-li' : '', block.quoted ? 'print-quoted' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <p
      className={className || undefined}
      data-marker={block.kind === 'list_item' ? block.marker : undefined}
      style={block.depth > 0 ? { marginLeft: `${block.depth * 1.5}em` } : undefined}
    >
      {content}
    </p>
  );
}
