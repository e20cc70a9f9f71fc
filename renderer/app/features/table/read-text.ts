import type { TableModel } from '../../../../shared/table/model';

/// Pauses before each further try of a failed read, in ms: a disk busy
/// for a moment is waited for, a broken one is reported within seconds.
export const retryWaits: readonly number[] = [250, 1000];

/// Reads every row's quote and note of `model`, for the words filter and
/// the quote and note sorts: a failed read is tried again after each of
/// `waits` (by `pause`), and once they are spent the last error rejects,
/// for the table to say so rather than wait for ever.
export async function readAllText(model: TableModel, pause: (ms: number) => Promise<void>, waits: readonly number[] = retryWaits): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await model.readText();
    } catch (error) {
      const wait = waits[attempt];
      if (wait === undefined) throw error;
      await pause(wait);
    }
  }
}
