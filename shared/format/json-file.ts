import type { z } from 'zod';
import { ImportError } from './errors';
import { jsonPath } from './json-path';

/// Files larger than this are refused before parsing: 100,000 annotations
/// take about 40 MB, and a larger file is not an annotation file.
export const maxImportCharacters = 200 * 1024 * 1024;

/// Reads the text of one of Palimpsest's own files as a JSON object whose
/// `format` and `version` are those given; `what` names the kind of file
/// in messages ("annotation file"). Throws `ImportError` at `$`, `$.format`
/// or `$.version`; the rest of the object is for a schema to check.
export function readFormattedJson(json: string, format: string, version: number, what: string): Record<string, unknown> {
  if (json.length > maxImportCharacters) throw new ImportError('$', `the file is ${Math.round(json.length / 1048576)} MB, larger than the ${maxImportCharacters / 1048576} MB an import may be`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ImportError('$', `the file is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError('$', `expected a JSON object with "format": "${format}", but the file holds ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}`);
  }
  const header = value as Record<string, unknown>;
  if (header.format !== format) throw new ImportError('$.format', `expected "${format}": this is not a Palimpsest ${what}`);
  if (header.version !== version) throw new ImportError('$.version', `version ${JSON.stringify(header.version)} is not supported; this Palimpsest reads version ${version}`);
  return header;
}

/// The `ImportError` for the first problem a schema found.
export function firstIssue(error: z.ZodError): ImportError {
  const issue = error.issues[0]!;
  return new ImportError(jsonPath(issue.path), issue.message);
}
