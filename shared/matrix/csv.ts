import { formatDateSpan } from '../corpus/dates';
import { csvTable } from '../format/csv-table';
import type { ClaimCell, ClaimMatrix } from './claim-matrix';

/// The matrix as a CSV for a spreadsheet: a header of the documents' titles
/// with their dates, then a row per claim with its quote, the title of its
/// document and a cell per document ("source of the claim; supports (2);
/// contradicts"), written as `buildCsv` writes the annotations' CSV.
export function claimMatrixCsv(matrix: ClaimMatrix): string {
  const titles = new Map(matrix.columns.map((d) => [d.id, d.title]));
  const header = ['claim', 'claim’s document', ...matrix.columns.map((d) => (d.date ? `${d.title} (${formatDateSpan(d.date)})` : d.title))];
  const rows = matrix.rows.map((row) => [row.claim.quote.exact, titles.get(row.claim.documentId) ?? row.claim.documentId, ...row.cells.map(cellText)]);
  return csvTable([header, ...rows]);
}

/// A cell in words: whether the claim is the document's, then each relation
/// with the number of passages when there is more than one.
export function cellText(cell: ClaimCell): string {
  const parts = cell.relations.map((r) => (r.passages.length > 1 ? `${r.phrase} (${r.passages.length})` : r.phrase));
  return (cell.sourceOfClaim ? ['source of the claim', ...parts] : parts).join('; ');
}
