/// A long job stopped because the person cancelled it: not a failure of the
/// file. Whatever the job had read is dropped; nothing of it is stored.
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'The import was cancelled; nothing of it was stored.') {
    super(message);
  }
}

/// Asks whether the job was cancelled, between steps; a job that is never
/// cancelled passes none. It may take its time: in a worker, the cancel
/// arrives as a message, which is read only when the job lets the worker
/// turn to its messages (pdf.js, run on the same thread, never does).
export type CancelCheck = () => boolean | Promise<boolean>;

/// Throws CancelledError if `cancelled` says so.
export async function checkCancelled(cancelled: CancelCheck | undefined): Promise<void> {
  if (cancelled && (await cancelled())) throw new CancelledError();
}
