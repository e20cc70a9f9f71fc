/// A long job stopped because the person cancelled it: not a failure of the
/// file. Whatever the job had read is dropped; nothing of it is stored.
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'The import was cancelled; nothing of it was stored.') {
    super(message);
  }
}

/// Asks whether the job was cancelled, between steps; a job that is never
/// cancelled passes none.
export type CancelCheck = () => boolean;

/// Throws CancelledError if `cancelled` says so.
export function checkCancelled(cancelled: CancelCheck | undefined): void {
  if (cancelled?.()) throw new CancelledError();
}
