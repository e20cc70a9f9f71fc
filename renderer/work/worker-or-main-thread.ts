import { messageOf } from '../../shared/errors';

/// A worker from `create`, or, where the page may not start one, `fallback`:
/// the same handler on the main thread. Chromium refuses workers to pages it
/// gives no origin (a page opened from file:// without file access) and
/// throws at construction; the feature then still works, on the main thread,
/// which for a library of a few dozen documents costs milliseconds.
export function workerOrMainThread<Port>(what: string, create: () => Port, fallback: () => Port): Port {
  try {
    return create();
  } catch (error) {
    console.warn(`${what} run on the main thread: the worker could not be started (${messageOf(error)}).`);
    return fallback();
  }
}
