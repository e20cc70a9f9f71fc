import type { ClaimMatrix } from '../../../../shared/matrix/claim-matrix';
import { claimMatrixCsv } from '../../../../shared/matrix/csv';
import type { AppServices } from '../../context';
import { messageOf } from '../../../../shared/errors';

/// Offers the matrix as shown to be saved as CSV, and says how it went.
export async function exportMatrixCsv(services: AppServices, matrix: ClaimMatrix): Promise<void> {
  try {
    const saved = await services.host.saveFile('Export the claim matrix', 'claim-matrix.csv', [{ name: 'CSV', extensions: ['csv'] }], claimMatrixCsv(matrix));
    const claims = matrix.rows.length === 1 ? '1 claim' : `${matrix.rows.length} claims`;
    const sources = matrix.columns.length === 1 ? '1 source' : `${matrix.columns.length} sources`;
    if (saved) services.notify({ kind: 'info', text: `Exported the claim matrix: ${claims} against ${sources}.` });
  } catch (error) {
    services.notify({ kind: 'error', text: `The claim matrix was not exported: ${messageOf(error)}` });
  }
}
