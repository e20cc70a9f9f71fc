import type { Annotation } from '../../../../shared/annotation/model';
import type { RelationType } from '../../../../shared/links/model';
import type { ClaimCell } from '../../../../shared/matrix/claim-matrix';
import type { LinkRow } from '../../../store/annotations';
import { excerpt } from '../../ui/excerpt';

/// What one source says of one claim: "source" in the claim's own column,
/// then each relation in its colour with the passages that stand in it,
/// each opening its passage.
export function MatrixCell({
  cell,
  claim,
  annotationsById,
  linksById,
  relationTypes,
  onOpen,
  onCompare,
}: {
  cell: ClaimCell;
  claim: Annotation;
  annotationsById: ReadonlyMap<string, Annotation>;
  linksById: ReadonlyMap<string, LinkRow>;
  relationTypes: ReadonlyMap<string, RelationType>;
  onOpen: (passage: Annotation) => void;
  /// Reads the passage beside the claim.
  onCompare: (claim: Annotation, passage: Annotation) => void;
}) {
  const classes = ['mx-cell', cell.sourceOfClaim ? 'mx-cell-source' : '', cell.relations.length === 0 && !cell.sourceOfClaim ? 'mx-cell-empty' : ''];
  return (
    <td className={classes.filter(Boolean).join(' ')} data-testid="matrix-cell" data-document={cell.documentId}>
      {cell.sourceOfClaim && (
        <span className="mx-source" title="The claim is a passage of this document.">
          source
        </span>
      )}
      {cell.relations.map((relation) => (
        <div
          key={`${relation.relation}:${relation.phrase}`}
          className="mx-relation"
          data-testid="matrix-relation"
          style={{ '--relation': relationTypes.get(relation.relation)?.color ?? '#777777' } as React.CSSProperties}
        >
          <div className="mx-phrase">
            <span data-testid="matrix-phrase">{relation.phrase}</span>
            {relation.passages.length > 1 && <span className="mx-count">×{relation.passages.length}</span>}
          </div>
          <ul className="mx-passages">
            {relation.passages.map(({ annotationId, linkId }) => {
              const passage = annotationsById.get(annotationId);
              if (!passage) return null;
              const note = linksById.get(linkId)?.note;
              return (
                <li key={linkId}>
                  <button
                    type="button"
                    className="text-button mx-passage"
                    data-testid="matrix-passage"
                    title={`Open this passage${note ? `\nNote on the link: ${note}` : ''}`}
                    onClick={() => onOpen(passage)}
                  >
                    {excerpt(passage.quote.exact, 110)}
                  </button>
                  <button
                    type="button"
                    className="mx-compare"
                    aria-label="Read beside the claim"
                    title="Read this passage and the claim side by side"
                    onClick={() => onCompare(claim, passage)}
                  >
                    ⇆
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </td>
  );
}
