import { InvalidInput } from '../errors';

/// Why a file could not be imported. Each code is a different thing for the
/// researcher to do: choose another file, run OCR, remove a password, pick an
/// encoding.
export type ImportFileErrorCode = 'empty' | 'too-large' | 'binary' | 'encoding' | 'encrypted' | 'no-text' | 'corrupt' | 'unsupported';

const codes: readonly ImportFileErrorCode[] = ['empty', 'too-large', 'binary', 'encoding', 'encrypted', 'no-text', 'corrupt', 'unsupported'];

/// A file that cannot be turned into a document. `message` is one sentence
/// (or two) for a historian, naming the file and what to do about it.
/// Its path is the file's name.
export class ImportFileError extends InvalidInput {
  override name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    readonly fileName: string,
    message: string,
    /// For 'encoding': the encodings the text could be in, likeliest first,
    /// for a chooser to offer.
    readonly candidates: readonly string[] = [],
  ) {
    super(fileName, message, message);
  }
}

/// Whether `value` is one of the error codes: for rebuilding an
/// ImportFileError on the far side of a worker's message boundary.
export function isImportFileErrorCode(value: unknown): value is ImportFileErrorCode {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

/// The base name a message shows: "scan.pdf", not the full path.
export function shownName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}
