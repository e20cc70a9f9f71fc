import type { ClaimMatrix } from '../../../../shared/matrix/claim-matrix';

/// The matrix without the columns of sources that say nothing of any claim:
/// neither a claim's own document nor linked to one. With a large library
/// most sources are silent on the claims at hand, and a researcher may want
/// only those that bear on them (the CSV exports what is shown).
export function withoutSilentSources(matrix: ClaimMatrix): ClaimMatrix {
  const kept = matrix.columns.map((_, i) => matrix.rows.some((row) => row.cells[i]!.sourceOfClaim || row.cells[i]!.relations.length > 0));
  return {
    columns: matrix.columns.filter((_, i) => kept[i]),
    rows: matrix.rows.map((row) => ({ ...row, cells: row.cells.filter((_, i) => kept[i]) })),
  };
}
