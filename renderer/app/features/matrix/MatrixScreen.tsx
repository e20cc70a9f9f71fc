import { useState } from 'react';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { exportMatrixCsv } from './export-csv';
import { MatrixEmpty } from './MatrixEmpty';
import { MatrixTable } from './MatrixTable';
import { RelationLegend } from './RelationLegend';
import { withoutSilentSources } from './silent-sources';
import { useClaimMatrix } from './use-claim-matrix';
import './matrix.css';
import { ScreenHeader } from '../../ui/ScreenHeader';

/// Claims against sources: a row per passage tagged Claim, a column per
/// document in date order, each cell saying how that source's passages
/// stand to the claim (supports, contradicts, elaborates…), from the links
/// between them. Exported as CSV.
export function MatrixScreen({ onBack }: { onBack: () => void }) {
  const services = useServices();
  const documents = useDocuments();
  const [chosenTag, setChosenTag] = useState<string | null>(null);
  const [onlyBearing, setOnlyBearing] = useState(false);
  const data = useClaimMatrix(chosenTag);
  const claimTag = data?.claimTag ?? 'claim';

  const shown = data?.matrix && onlyBearing ? withoutSilentSources(data.matrix) : (data?.matrix ?? null);
  const tagName = data?.tagTypes.find((t) => t.id === claimTag)?.name ?? 'Claim';
  const links = new Set<string>();
  for (const row of shown?.rows ?? []) for (const cell of row.cells) for (const r of cell.relations) for (const p of r.passages) links.add(p.linkId);
  const go = services.go;

  return (
    <main className="screen matrix-screen" data-testid="matrix">
      <ScreenHeader
        back={{ to: 'Library', onClick: onBack }}
        title="Claim matrix"
        sub={
          shown && shown.rows.length > 0 && [plural(shown.rows.length, 'claim'), plural(shown.columns.length, 'source'), plural(links.size, 'link')].join(' · ')
        }
        subTestId="matrix-summary"
        actions={
          <button
            type="button"
            data-testid="matrix-export"
            disabled={!shown || shown.rows.length === 0}
            title="Save the matrix as shown as a CSV file, for a spreadsheet"
            onClick={() => shown && void exportMatrixCsv(services, shown)}
          >
            Export CSV…
          </button>
        }
      />
      {data && (
        <div className="toolbar mx-toolbar">
          <label>
            <span>Rows: passages tagged</span>
            <select data-testid="matrix-claim-tag" value={claimTag} onChange={(e) => setChosenTag(e.target.value)}>
              {data.tagTypes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="mx-check">
            <input type="checkbox" data-testid="matrix-only-bearing" checked={onlyBearing} onChange={(e) => setOnlyBearing(e.target.checked)} />
            Only sources that bear on a claim
          </label>
          <span className="spacer" />
          <RelationLegend relationTypes={data.relationTypes} />
        </div>
      )}
      <div className="mx-body">
        {!data ? (
          <p className="panel-empty mx-note">Reading the library…</p>
        ) : data.error ? (
          <p role="alert" className="mx-note">
            The matrix cannot be drawn: {data.error}
          </p>
        ) : !shown || shown.rows.length === 0 ? (
          <MatrixEmpty tagName={tagName} />
        ) : (
          <>
            <p className="hint mx-note">
              Each cell reads from the source toward the claim: “supports” means a passage of that source was linked to the claim as supporting it. A passage
              opens in its document; ⇆ reads it beside the claim.
            </p>
            <MatrixTable
              matrix={shown}
              documents={documents}
              annotationsById={data.annotationsById}
              linksById={data.linksById}
              relationTypes={data.relationTypes}
              onOpenDocument={(documentId) => go({ kind: 'reader', documentId })}
              onOpen={(a) => go({ kind: 'reader', documentId: a.documentId, annotationId: a.id })}
              onCompare={(claim, passage) =>
                go({
                  kind: 'compare',
                  left: { documentId: claim.documentId, annotationId: claim.id },
                  right: { documentId: passage.documentId, annotationId: passage.id },
                })
              }
            />
          </>
        )}
      </div>
    </main>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
