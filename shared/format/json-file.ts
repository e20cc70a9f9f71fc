import type { z } from 'zod';
import { ImportError } from './errors';
import { jsonPath } from './json-path';
import { messageOf } from '../errors';

/// Files larger than this are refused before parsing: 100,000 annotations
/// take about 40 MB, and a larger file is not an annotation file.
export const maxImportCharacters = 200 * 1024 * 1024;

/// Reads the text of one of Palimpsest's own files as a JSON object whose
/// `format` and `version` are those given; `what` names the kind of file
/// in messages ("annotation file"). Throws `ImportError` at `$`, `$.format`
/// or `$.version`; the rest of the object is for a schema to check.
export function readFormattedJson(json: string, format: string, version: number, what: string): Record<string, unknown> {
  return checkFormat(parseJson(json), format, version, what);
}

/// Nesting deeper than this is refused before parsing: Palimpsest's own
/// files nest about ten deep and W3C files a few more; a file of a million
/// `[` would otherwise exhaust the parser's stack or memory.
export const maxJsonDepth = 64;

/// Parses an import file's text as JSON after checking, in one pass and
/// without building anything, that it is not too large and does not nest
/// deeper than `maxJsonDepth`. Throws `ImportError` at `$` for what is wrong.
export function parseJson(json: string): unknown {
  if (json.length > maxImportCharacters)
    throw new ImportError('$', `the file is ${Math.round(json.length / 1048576)} MB, larger than the ${maxImportCharacters / 1048576} MB an import may be`);
  const depth = nestingBeyond(json, maxJsonDepth);
  if (depth !== null)
    throw new ImportError(
      '$',
      `the file nests lists or objects more than ${maxJsonDepth} deep (at character ${depth.toLocaleString('en')}); no annotation file does, so it is not read`,
    );
  try {
    // A byte-order mark is how Windows tools begin UTF-8; JSON.parse
    // refuses it, though the file is otherwise valid.
    return JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    throw new ImportError('$', `the file is not valid JSON (${messageOf(error)})`);
  }
}

// Where the text first opens more than `limit` lists or objects at once
// (strings skipped), or `null`. Bad JSON is left for JSON.parse to name.
function nestingBeyond(json: string, limit: number): number | null {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      // A string: on to its closing quote (one not escaped by an odd run
      // of backslashes), found natively rather than a character at a time.
      for (;;) {
        const end = json.indexOf('"', i + 1);
        if (end < 0) return null;
        let slashes = 0;
        while (json.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/// Checks that a parsed file is a JSON object whose `format` and `version`
/// are those given.
export function checkFormat(value: unknown, format: string, version: number, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError(
      '$',
      `expected a JSON object with "format": "${format}", but the file holds ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}`,
    );
  }
  const header = value as Record<string, unknown>;
  if (header.format !== format) throw new ImportError('$.format', `expected "${format}": this is not a Palimpsest ${what}`);
  if (header.version !== version)
    throw new ImportError('$.version', `version ${JSON.stringify(header.version)} is not supported; this Palimpsest reads version ${version}`);
  return header;
}

/// The `ImportError` for the first problem a schema found.
export function firstIssue(error: z.ZodError): ImportError {
  const issue = error.issues[0]!;
  return new ImportError(jsonPath(issue.path), inWords(issue));
}

// Zod's own messages ("Invalid input: expected string, received number")
// in the words of the rest of the app's refusals.
function inWords(issue: z.core.$ZodIssue): string {
  const article = (type: string) =>
    type === 'undefined' ? 'nothing' : type === 'null' ? 'null' : type === 'array' ? 'a list' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return `this field is missing (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}${received ? `, not ${article(received)}` : ''}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}: this version of the format has no such field`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'this value has none of the shapes the format allows here';
    default:
      return issue.message;
  }
}
