import { InvalidInput } from '../../shared/errors';
import { ImportError } from '../../shared/format/errors';

/// An error as it crosses a worker's message boundary: postMessage cannot
/// carry an Error's class, so its name and message go, and the page builds
/// the same kind of error again.
export interface WorkerFailure {
  name: string;
  message: string;
}

/// What a worker sends back for an error it caught; `worker` names it for
/// a thrown value that is not an Error.
export function failureOf(error: unknown, worker: string): WorkerFailure {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: `The ${worker} failed: ${String(error)}.` };
}

/// The error a failure stands for, of its own class where the page knows
/// it (RangeError, TypeError, ImportError, InvalidInput), else an Error with its name.
export function errorOf({ name, message }: WorkerFailure): Error {
  const error =
    name === 'RangeError'
      ? new RangeError(message)
      : name === 'TypeError'
        ? new TypeError(message)
        : name === 'ImportError'
          ? new ImportError('$', message)
          : name === 'InvalidInput'
            ? new InvalidInput('$', message)
            : new Error(message);
  if (error.name !== name) error.name = name;
  return error;
}
