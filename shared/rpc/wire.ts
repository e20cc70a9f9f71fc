import { InvalidInput } from '../errors';
import { ImportError } from '../format/errors';
import { CancelledError } from '../importers/cancel';
import { ImportFileError, isImportFileErrorCode } from '../importers/errors';

/// The one error type that crosses a message boundary (a worker's
/// postMessage, Electron's IPC): structured clone keeps no class, so the
/// error's kind, name and message go, and the caller's side builds the same
/// error again (see errorOf).

/// Why a call failed.
export interface WireError {
  /// `input`: what the user gave is wrong (a bad file, a missing plan), and
  /// `message` is a sentence for them. `cancelled`: they stopped it.
  /// `bug`: anything else — a malformed request, a failed store, a
  /// programming error — whose message is for a developer as much.
  kind: 'input' | 'cancelled' | 'bug';
  /// The error's class name (ImportError, RangeError, RequestRefused…).
  name: string;
  message: string;
  /// Where the problem is: in the file for an ImportError (`$` for the whole
  /// file), in the request for a RequestRefused.
  path?: string;
  /// An ImportFileError's code and file name.
  code?: string;
  fileName?: string;
}

/// A call's answer: its value, or why it failed. Handlers never throw
/// across a boundary; the server turns what they throw into this.
export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

/// A request its method's schema refused, or one for a method the API does
/// not have: a programming error of the caller (or a hostile page), named
/// with the field at fault.
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  constructor(
    message: string,
    /// Where in the request the first problem is.
    readonly path: string[],
  ) {
    super(message);
  }
}

/// The wire form of `error`, thrown by the handler of `where` (a worker's
/// or a process's name, for a thrown value that is not an Error).
export function toWire(error: unknown, where: string): WireError {
  if (error instanceof ImportError) return { kind: 'input', name: error.name, message: error.message, path: error.path };
  if (error instanceof ImportFileError) return { kind: 'input', name: error.name, message: error.message, code: error.code, fileName: error.fileName };
  // After its subclasses, which carry more than a path.
  if (error instanceof InvalidInput) return { kind: 'input', name: error.name, message: error.message, path: error.path };
  if (error instanceof CancelledError) return { kind: 'cancelled', name: error.name, message: error.message };
  if (error instanceof RequestRefused) return { kind: 'bug', name: error.name, message: error.message, path: error.path.join('.') };
  if (error instanceof Error) return { kind: 'bug', name: error.name, message: error.message };
  return { kind: 'bug', name: 'Error', message: `The ${where} failed: ${String(error)}.` };
}

/// The error `wire` stands for, of its own class where this side knows it
/// (ImportError, ImportFileError, InvalidInput, CancelledError, RequestRefused,
/// RangeError, TypeError), else an Error with its name.
export function errorOf(wire: WireError): Error {
  const { name, message, path } = wire;
  let error: Error;
  if (name === 'ImportError' && wire.kind === 'input') {
    const at = path ?? '$';
    error = new ImportError(at, at !== '$' && message.startsWith(`${at}: `) ? message.slice(at.length + 2) : message);
  } else if (name === 'ImportFileError' && isImportFileErrorCode(wire.code)) error = new ImportFileError(wire.code, wire.fileName ?? '', message);
  else if (name === 'InvalidInput' && wire.kind === 'input') {
    const at = path ?? '$';
    error = new InvalidInput(at, at !== '$' && message.startsWith(`${at}: `) ? message.slice(at.length + 2) : message, message);
  } else if (wire.kind === 'cancelled') error = new CancelledError(message);
  else if (name === 'RequestRefused') error = new RequestRefused(message, path ? path.split('.') : []);
  else if (name === 'RangeError') error = new RangeError(message);
  else if (name === 'TypeError') error = new TypeError(message);
  else error = new Error(message);
  if (error.name !== name) error.name = name;
  return error;
}

/// Whether `error` is the user's to act on (a bad file, a cancel), not a bug.
export function isUserFacing(error: unknown): boolean {
  return toWire(error, 'call').kind !== 'bug';
}
