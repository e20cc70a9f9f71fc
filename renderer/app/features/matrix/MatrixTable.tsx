import { useMemo } from 'react';
import type { Annotation } from '../../../../shared/annotation/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentSummary } from '../../../data/documents';
import type { RelationType } from '../../../../shared/links/model';
import type { ClaimMatrix, ClaimRow } from '../../../../shared/matrix/claim-matrix';
import type { LinkRow } from '../../../store/annotations';
import { excerpt } from '../../ui/excerpt';
import { MatrixCell } from './MatrixCell';

// Column widths, in rem: the claims, and each source.
const claimWidth = 19;
const sourceWidth = 12.5;

/// The claims (rows) against the sources (columns, in date order), with
/// the headers kept in view as the table scrolls both ways.
export function MatrixTable({
  matrix,
  documents,
  annotationsById,
  linksById,
  relationTypes,
  onOpenDocument,
  onOpen,
  onCompare,
}: {
  matrix: ClaimMatrix;
  documents: ReadonlyMap<string, DocumentSummary>;
  annotationsById: ReadonlyMap<string, Annotation>;
  linksById: ReadonlyMap<string, LinkRow>;
  relationTypes: readonly RelationType[];
  onOpenDocument: (documentId: string) => void;
  onOpen: (annotation: Annotation) => void;
  onCompare: (claim: Annotation, passage: Annotation) => void;
}) {
  const relations = useMemo(() => new Map(relationTypes.map((r) => [r.id, r])), [relationTypes]);
  return (
    <table className="mx-table" style={{ width: `max(100%, ${claimWidth + matrix.columns.length * sourceWidth}rem)` }}>
      <colgroup>
        <col style={{ width: `${claimWidth}rem` }} />
        {matrix.columns.map((c) => (
          <col key={c.id} style={{ width: `${sourceWidth}rem` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="mx-corner">
            Claim
          </th>
          {matrix.columns.map((column) => (
            <th key={column.id} scope="col" className="mx-doc" data-testid="matrix-column" data-document={column.id}>
              <button
                type="button"
                className="text-button mx-doc-title"
                title={`${column.title}\nOpen this document.`}
                onClick={() => onOpenDocument(column.id)}
              >
                {column.title}
              </button>
              <div className="mx-doc-meta">
                {[column.date ? formatDateSpan(column.date) : 'undated', documents.get(column.id)?.meta.kind].filter(Boolean).join(' · ')}
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row) => (
          <tr key={row.claim.id} data-testid="matrix-row" data-claim={row.claim.id}>
            <ClaimHeader row={row} documents={documents} relations={relations} onOpen={onOpen} />
            {row.cells.map((cell) => (
              <MatrixCell
                key={cell.documentId}
                cell={cell}
                claim={row.claim}
                annotationsById={annotationsById}
                linksById={linksById}
                relationTypes={relations}
                onOpen={onOpen}
                onCompare={onCompare}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClaimHeader({
  row,
  documents,
  relations,
  onOpen,
}: {
  row: ClaimRow;
  documents: ReadonlyMap<string, DocumentSummary>;
  relations: ReadonlyMap<string, RelationType>;
  onOpen: (annotation: Annotation) => void;
}) {
  const { claim } = row;
  const document = documents.get(claim.documentId);
  // The weight of the evidence at a glance: passages per phrase, over the row.
  // In the order of the relation types, as the cells list them.
  const tally = new Map<string, { count: number; color: string; order: number }>();
  for (const cell of row.cells) {
    for (const r of cell.relations) {
      const relation = relations.get(r.relation);
      const entry = tally.get(r.phrase) ?? { count: 0, color: relation?.color ?? '#777777', order: relation?.order ?? Number.MAX_SAFE_INTEGER };
      entry.count += r.passages.length;
      tally.set(r.phrase, entry);
    }
  }
  const tallied = [...tally].sort((a, b) => a[1].order - b[1].order);
  return (
    <th scope="row" className="mx-claim">
      <button
        type="button"
        className="text-button mx-claim-quote"
        data-testid="matrix-claim"
        title="Open the claim in its document"
        onClick={() => onOpen(claim)}
      >
        {excerpt(claim.quote.exact, 260)}
      </button>
      <div className="mx-claim-source">
        {document?.meta.title ? excerpt(document.meta.title, 90) : claim.documentId}
        {document?.meta.date ? `, ${formatDateSpan(document.meta.date)}` : ''}
      </div>
      {claim.note && <div className="mx-claim-note">{excerpt(claim.note, 160)}</div>}
      <div className="mx-tally">
        {tally.size === 0 ? (
          <span className="mx-tally-none">nothing linked yet</span>
        ) : (
          tallied.map(([phrase, { count, color }]) => (
            <span key={phrase} className="mx-tally-item" style={{ '--relation': color } as React.CSSProperties}>
              {phrase} {count}
            </span>
          ))
        )}
      </div>
    </th>
  );
}
