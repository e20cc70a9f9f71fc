// Two kinds of failure, told apart by class: what the researcher (or a file
// they gave) got wrong is an InvalidInput, to be shown as it is; anything
// else thrown — RangeError for a programming error, TypeError, a storage
// failure — is a bug or an accident, and is reported as one.

/// What the user got wrong: a value they typed or chose, a file they gave,
/// a step the library's state no longer allows. `path` says where: a JSON
/// path into a file (`$.annotations[2].id`), `$` for the whole input, or the
/// file's name; `problem` is the sentence. The message is `path: problem`,
/// or the problem alone for `$`, unless a whole `message` is given (for a
/// sentence that names the file itself). Subclasses (ImportError,
/// ImportFileError) say which input.
export class InvalidInput extends Error {
  override name = 'InvalidInput';
  constructor(
    readonly path: string,
    readonly problem: string,
    message = path === '$' ? problem : `${path}: ${problem}`,
  ) {
    super(message);
  }
}

/// The sentence an error carries, for showing or logging: its message (an
/// Error's, or any thrown object's that has one, as a DOMException or an
/// error rebuilt from a message), else the thrown value as text.
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
