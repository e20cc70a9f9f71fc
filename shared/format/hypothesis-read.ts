import type { Author } from '../annotation/model';
import { ImportError } from './errors';
import { jsonPath } from './json-path';
import { readTime } from './times';
import { type ForeignAnnotation, type W3cRead, readTarget } from './w3c-read';

/// Reads the files a Hypothesis user has, which are not W3C JSON-LD but the
/// rows of Hypothesis's own API (https://h.readthedocs.io/en/latest/api-reference/):
/// the client's Export (sidebar → Share → Export, JSON:
/// `{export_date, export_userid, client_version, annotations: [rows]}`),
/// the result of `GET /api/search` (`{total, rows: [rows]}`), or the rows
/// alone. A row is read into the same shape a W3C annotation is, so one
/// import plan places both: `text` is the note, `tags` the tags, `user`
/// who made it, `target[].selector[]` the passage. A reply (`references`)
/// and a page note (a target with no selector) are set aside with the
/// reason, so the preview counts and lists them.

type Path = (string | number)[];

/// Whether a parsed JSON value is one of Hypothesis's files rather than a
/// W3C one: an export (by its `export_date` or `client_version`), a search
/// result (`rows`), or a list whose first item is an API row (a `uri` and a
/// `target` list, and no W3C `type`).
export function isHypothesis(value: unknown): boolean {
  if (Array.isArray(value)) return isApiRow(value[0]);
  if (!isObject(value) || value['@context'] !== undefined || value.type !== undefined || value.format !== undefined) return false;
  return value.export_date !== undefined || value.client_version !== undefined || value.rows !== undefined;
}

/// Reads the rows of a Hypothesis file (`isHypothesis`). Throws
/// `ImportError` with the JSON path of the first value no Hypothesis file
/// may hold (`$.annotations[3].target[0].selector[1].start`).
export function readHypothesis(value: unknown): W3cRead {
  const read: W3cRead = { top: null, annotations: [], links: [], setAside: [], zonelessTimes: 0 };
  const list = (key: string | null): unknown[] => {
    const rows = key === null ? value : (value as Record<string, unknown>)[key];
    if (!Array.isArray(rows)) throw new ImportError(jsonPath(key === null ? [] : [key]), `expected a list of annotations, not ${kindOf(rows)}`);
    return rows;
  };
  if (Array.isArray(value)) list(null).forEach((row, i) => readRow(row, [i], read));
  else if (isObject(value) && value.rows !== undefined) {
    list('rows').forEach((row, i) => readRow(row, ['rows', i], read));
    // `_separate_replies` puts the replies in a list of their own.
    if (value.replies !== undefined) list('replies').forEach((row, i) => readRow(row, ['replies', i], read));
  } else list('annotations').forEach((row, i) => readRow(row, ['annotations', i], read));
  return read;
}

function readRow(row: unknown, at: Path, read: W3cRead): void {
  const here = (...rest: Path) => jsonPath([...at, ...rest]);
  if (!isObject(row)) throw new ImportError(here(), `expected an annotation (a JSON object), not ${kindOf(row)}`);
  const id = row.id;
  if (typeof id !== 'string' || id === '') throw new ImportError(here('id'), 'an annotation needs an id (a non-empty string)');
  const text = row.text ?? '';
  if (typeof text !== 'string') throw new ImportError(here('text'), `the annotation's text must be a string, not ${kindOf(text)}`);
  const tagNames = stringList(row.tags, [...at, 'tags'], 'tags').filter((t) => t.trim() !== '');
  const references = stringList(row.references, [...at, 'references'], 'references');
  const time = (key: 'created' | 'updated') => readTime(row[key], here(key), () => read.zonelessTimes++);
  const created = time('created');
  const modified = time('updated') ?? created;
  const createdBy = authorOf(row, at);
  const targets = row.target;
  if (!Array.isArray(targets) || targets.length === 0)
    throw new ImportError(here('target'), `an annotation needs a target: a list with the page and passage (${kindOf(targets)} given)`);
  const uri = typeof row.uri === 'string' ? row.uri : '';
  const shown = text.length > 120 ? `${text.slice(0, 119)}…` : text;

  // A reply is discussion of another annotation, with no passage of its own.
  if (references.length > 0) {
    read.setAside.push({ id, path: here(), quote: shown, reason: 'a reply in a Hypothesis discussion, not a passage: replies are not imported' });
    return;
  }
  const selected = targets.filter((t) => isObject(t) && !(t.selector === undefined || (Array.isArray(t.selector) && t.selector.length === 0)));
  if (targets.every(isObject) && selected.length === 0) {
    const page = typeof targets[0]!.source === 'string' ? targets[0]!.source : uri;
    read.setAside.push({
      id,
      path: here(),
      quote: shown || page,
      reason: `a page note on ${page || 'a page'}, with no passage selected: page notes are not imported`,
    });
    return;
  }
  let n = 0;
  targets.forEach((target, j) => {
    const tpath = [...at, 'target', j];
    const passage = readTarget(target, tpath);
    if ('reason' in passage) {
      read.setAside.push({ id, path: jsonPath(tpath), quote: passage.what, reason: passage.reason });
      return;
    }
    // h keeps one target a row; were there more, each is its own
    // annotation, as in a W3C file, the first keeping the id.
    const k = ++n;
    const annotation: ForeignAnnotation = {
      id: k === 1 ? id : `${id}#target-${k}`,
      fileId: k === 1 ? id : `${id}#target-${k}`,
      path: k === 1 ? here() : jsonPath(tpath),
      source: passage.source || uri,
      documentId: null,
      quote: passage.quote,
      position: passage.position,
      // The client counts the page's `textContent` in JavaScript string
      // offsets (its TextPositionSelector type: "UTF-16 character
      // offsets"), not the model's code points.
      positionUnit: 'utf16',
      tagNames: [...new Set(tagNames)],
      actor: null,
      note: text,
      created,
      modified,
      createdBy,
    };
    read.annotations.push(annotation);
  });
}

// Who made a row: the account (`acct:name@hypothes.is`) as the id, named by
// its display name where the row gives one, else by the account's name.
function authorOf(row: Record<string, unknown>, at: Path): Author | null {
  const user = row.user;
  if (user === undefined || user === null) return null;
  if (typeof user !== 'string' || user === '' || user.length > 200)
    throw new ImportError(jsonPath([...at, 'user']), `the user must be an account such as "acct:name@hypothes.is", not ${kindOf(user)}`);
  const info = row.user_info;
  const display = isObject(info) && typeof info.display_name === 'string' ? info.display_name.trim() : '';
  const name = display && display.length <= 200 ? display : (/^acct:([^@]+)@/.exec(user)?.[1] ?? user);
  return { id: user, name };
}

function stringList(value: unknown, at: Path, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ImportError(jsonPath(at), `${what} must be a list of strings, not ${kindOf(value)}`);
  value.forEach((v, i) => {
    if (typeof v !== 'string') throw new ImportError(jsonPath([...at, i]), `${what} must be a list of strings, not ${kindOf(v)}`);
  });
  return value as string[];
}

function isApiRow(value: unknown): boolean {
  return isObject(value) && value.type === undefined && value['@type'] === undefined && typeof value.uri === 'string' && Array.isArray(value.target);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === undefined
    ? 'nothing'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'string'
          ? `the string ${JSON.stringify(value.slice(0, 40))}`
          : `a ${typeof value}`;
}
