import type { TagType } from '../annotation/model';
import type { RelationType } from '../links/model';
import { ImportError } from './errors';
import { type IncomingBatch, checkBatchIds, incomingFromNative, incomingFromW3c } from './incoming';
import { isHypothesis, readHypothesis } from './hypothesis-read';
import { firstIssue, parseJson } from './json-file';
import { formatName, nativeFileSchema } from './native';
import { countingZoneless } from './times';
import { isW3c, readW3c } from './w3c-read';

/// The one reader of annotation files, for the app's import and for the
/// command line alike: detects the format (Palimpsest's own, W3C Web
/// Annotation, or Hypothesis's export and API search result), parses it
/// within bounded size and nesting, validates and normalises every value
/// (times without a zone are read as UTC and counted), and returns the
/// batch the import plan works from. Throws `ImportError` naming the first
/// problem and its JSON path.
export function readAnnotationFile(
  json: string,
  library: { tagTypes: readonly TagType[]; relationTypes?: readonly RelationType[] },
  now = new Date(),
): IncomingBatch {
  notJsonAtAll(json);
  const value = parseJson(json);
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'format' in value) {
    const format = (value as { format: unknown }).format;
    if (format !== formatName)
      throw new ImportError(
        '$.format',
        `expected "${formatName}" or a W3C Web Annotation file, not ${JSON.stringify(format)}${format === 'palimpsest.set' ? ' (a set file: import it from the Sets screen)' : ''}`,
      );
    if ((value as { version?: unknown }).version !== 1)
      throw new ImportError(
        '$.version',
        `version ${JSON.stringify((value as { version?: unknown }).version)} is not supported; this Palimpsest reads version 1`,
      );
    const { value: result, zoneless } = countingZoneless(() => nativeFileSchema.safeParse(value));
    if (!result.success) throw firstIssue(result.error);
    return incomingFromNative(result.data, zoneless);
  }
  // Before W3C: a list of Hypothesis's API rows is a list, as W3C's is.
  if (isHypothesis(value)) return checkBatchIds(incomingFromW3c(readHypothesis(value), library.tagTypes, now, library.relationTypes ?? []));
  if (isW3c(value)) return checkBatchIds(incomingFromW3c(readW3c(value), library.tagTypes, now, library.relationTypes ?? []));
  throw new ImportError(
    '$',
    'this is neither a Palimpsest annotation file ("format": "palimpsest.annotations"), nor W3C Web Annotation JSON (an Annotation, a list of them, or an AnnotationCollection), nor a Hypothesis export or search result ("annotations" or "rows")',
  );
}

// A text, a PDF or a Word file picked by mistake: said plainly, with what
// is read instead, rather than the JSON parser's complaint about its first
// letter. Whitespace and a byte-order mark may come first, as in JSON.
function notJsonAtAll(json: string): void {
  const start = json.search(/[^\s\uFEFF]/);
  if (start === -1 || json[start] === '{' || json[start] === '[') return;
  const opening = json
    .slice(start, start + 24)
    .replace(/\s+/g, ' ')
    .replace(/\uFFFD/g, '?');
  throw new ImportError(
    '$',
    `this is not an annotation file: it begins "${opening}…", where an annotation file begins with { or [. Annotations are imported from Palimpsest JSON, W3C Web Annotation JSON-LD or a REFI-QDA project (.qdpx); a text, a PDF or a Word file is a document, imported as one`,
  );
}
