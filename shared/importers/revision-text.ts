import { type DecodedText, decodeText } from './decode';
import { ImportFileError, shownName } from './errors';
import { textDecoder } from './text-decoder';

/// A revision's bytes read as text. A corrected transcription is most often
/// saved by the tool that saved the original, in the same encoding, so the
/// document's own encoding (`documentEncoding`, as its import read it) is
/// trusted before any guess; but not before UTF-8: bytes that are valid
/// UTF-8 are read as UTF-8 (a legacy text almost never is), so a revision
/// saved again by a modern editor does not come out as mojibake. Otherwise
/// as `decodeText` reads a new document: byte-order mark, detection, and
/// an `ImportFileError` naming the file when no reading convinces.
export function revisionText(bytes: Uint8Array, fileName: string, documentEncoding: string | null): DecodedText {
  const legacy = documentEncoding && documentEncoding !== 'utf-8' && !documentEncoding.startsWith('utf-16') ? documentEncoding : null;
  try {
    return decodeText(bytes, fileName, legacy && !isUtf8(bytes) ? { declared: legacy } : {});
  } catch (error) {
    // A revision has no encoding to choose, as a new document has: the
    // way out is the file saved as UTF-8.
    if (!(error instanceof ImportFileError) || error.code !== 'encoding') throw error;
    const perhaps = error.candidates.length ? ` (perhaps ${error.candidates.slice(0, 2).join(' or ')})` : '';
    throw new ImportFileError(
      'encoding',
      fileName,
      `${shownName(fileName)} is not in UTF-8, and its encoding cannot be told for sure${perhaps}. Save it as UTF-8 and choose it again.`,
      error.candidates,
    );
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    textDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
