import { ImportError } from './errors';
import { checkFormat, parseJson } from './json-file';
import { type NativeFile, formatName, formatVersion } from './native';

/// Incremental backups: a whole-library backup (a native file) read as
/// units — one document's annotations, one document's entry, one stored
/// document, one revision, one table of tag types, links… — so that a
/// backup after a small change holds only the units that changed since a
/// full backup (its base), and any kept point is that base with one
/// increment applied.
///
/// Why changes since the base and not since the previous point: a point
/// then needs two files, never a chain of them, so keeping a point means
/// keeping its base and nothing else (see keptBackups), and one lost or
/// damaged increment loses one point only. A new full backup starts a new
/// base when the changes grow (see BackupScheduler).

/// The format name of an increment file.
export const incrementFormat = 'palimpsest-backup-increment';
export const incrementVersion = 1;

/// A unit's key: `a:<document>` its annotations, `d:<document>` its entry
/// in the file's `documents`, `D:<document>` its stored text and blocks,
/// `E:<document>` its edited description, `R:<seq>` one revision,
/// `V:<document>` its entries on the review list, and `t:` / `l:` the tag
/// types and each of the library's small tables.
export type UnitKey = string;

/// A whole-library backup as units; values are parts of the native file.
export type Units = Map<UnitKey, unknown>;

/// Per unit, a stamp that changes when the unit does (a fingerprint, a
/// write stamp): what an increment compares to find what changed.
export type Manifest = Map<UnitKey, string>;

/// An increment file: the units changed or added since the full backup
/// `base`, and the keys of those removed since.
export interface BackupIncrement {
  format: typeof incrementFormat;
  version: typeof incrementVersion;
  exported: string;
  /// The id of the full backup it applies to.
  base: string;
  /// How many annotations the library held.
  count: number;
  changed: Record<UnitKey, unknown>;
  removed: UnitKey[];
}

const tableKeys = ['relationTypes', 'links', 'actors', 'sets'] as const;

/// The units of a whole-library native file (a backup).
export function unitsOf(file: NativeFile): Units {
  const units: Units = new Map();
  units.set('t:tagTypes', file.tagTypes);
  for (const entry of file.documents) units.set(`d:${entry.id}`, entry);
  for (const annotation of file.annotations) {
    const key = `a:${annotation.documentId}`;
    const list = units.get(key) as unknown[] | undefined;
    if (list) list.push(annotation);
    else units.set(key, [annotation]);
  }
  const library = file.library;
  if (library) {
    for (const table of tableKeys) units.set(`l:${table}`, library[table]);
    for (const row of library.documents ?? []) units.set(`D:${(row as { id: string }).id}`, row);
    for (const row of library.documentEdits ?? []) units.set(`E:${(row as { documentId: string }).documentId}`, row);
    for (const row of library.revisions ?? []) units.set(`R:${row.seq}`, row);
    for (const row of library.reviews ?? []) {
      const list = units.get(`V:${row.documentId}`) as unknown[] | undefined;
      if (list) list.push(row);
      else units.set(`V:${row.documentId}`, [row]);
    }
  }
  return units;
}

/// The whole-library native file the units make, exported at `exported`,
/// in the order a backup of the library writes (see exportAnnotations), so
/// that a base with an increment applied is the full backup of that point.
export function fileOf(units: Units, exported: string): NativeFile {
  const byPrefix = (prefix: string) =>
    [...units.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const library = units.has('l:links')
    ? {
        relationTypes: units.get('l:relationTypes'),
        links: units.get('l:links'),
        actors: units.get('l:actors'),
        sets: units.get('l:sets'),
        documents: byPrefix('D:').map(([, row]) => row),
        documentEdits: byPrefix('E:').map(([, row]) => row),
        revisions: byPrefix('R:')
          .map(([, row]) => row as { seq: number })
          .sort((a, b) => a.seq - b.seq),
        reviews: byPrefix('V:')
          .flatMap(([, list]) => list as { annotationId: string }[])
          .sort((a, b) => (a.annotationId < b.annotationId ? -1 : 1)),
      }
    : undefined;
  return {
    format: formatName,
    version: formatVersion,
    exported,
    scope: { kind: 'all' },
    tagTypes: units.get('t:tagTypes') ?? [],
    documents: byPrefix('d:').map(([, entry]) => entry),
    annotations: byPrefix('a:').flatMap(([, list]) => list as unknown[]),
    ...(library ? { library } : {}),
  } as NativeFile;
}

/// The increment from `base` (its manifest) to the library whose manifest
/// is `current`: the keys of the units to carry (changed or added) and of
/// those removed.
export function changesSince(base: Manifest, current: Manifest): { changed: UnitKey[]; removed: UnitKey[] } {
  const changed: UnitKey[] = [];
  for (const [key, stamp] of current) if (base.get(key) !== stamp) changed.push(key);
  const removed = [...base.keys()].filter((key) => !current.has(key));
  return { changed, removed };
}

/// Whether two manifests are the same (the library did not change).
export function sameManifest(a: Manifest, b: Manifest): boolean {
  if (a.size !== b.size) return false;
  for (const [key, stamp] of a) if (b.get(key) !== stamp) return false;
  return true;
}

/// The full backup of a point: `base` (a full backup) with `increment`
/// applied, exported when the increment was.
export function applyIncrement(base: NativeFile, increment: BackupIncrement): NativeFile {
  const units = unitsOf(base);
  for (const key of increment.removed) units.delete(key);
  for (const [key, value] of Object.entries(increment.changed)) units.set(key, value);
  return fileOf(units, increment.exported);
}

/// Whether a backup's text is an increment (its format named near its start).
export function isIncrement(json: string): boolean {
  return json.slice(0, 200).includes(`"${incrementFormat}"`);
}

/// Reads an increment file; throws ImportError naming the first problem
/// and its JSON path.
export function parseIncrement(json: string): BackupIncrement {
  return incrementOf(parseJson(json));
}

/// Checks an increment already parsed from its JSON (read from a stream);
/// throws as `parseIncrement` does.
export function incrementOf(parsed: unknown): BackupIncrement {
  const value = checkFormat(parsed, incrementFormat, incrementVersion, 'incremental backup');
  if (typeof value.exported !== 'string') throw new ImportError('$.exported', 'an incremental backup needs the time it was made');
  if (typeof value.base !== 'string' || value.base.length === 0)
    throw new ImportError('$.base', 'an incremental backup needs the id of the full backup it applies to');
  if (!Number.isSafeInteger(value.count) || (value.count as number) < 0)
    throw new ImportError('$.count', 'an incremental backup needs its count of annotations');
  if (typeof value.changed !== 'object' || value.changed === null || Array.isArray(value.changed))
    throw new ImportError('$.changed', 'an incremental backup needs the parts that changed, by key');
  if (!Array.isArray(value.removed)) throw new ImportError('$.removed', 'an incremental backup needs the list of parts removed');
  value.removed.forEach((key, i) => {
    if (typeof key !== 'string') throw new ImportError(`$.removed[${i}]`, 'a removed part is named by its key, a string');
  });
  for (const key of Object.keys(value.changed)) {
    if (!/^(?:[adDERV]:.+|t:tagTypes|l:(?:relationTypes|links|actors|sets))$/.test(key))
      throw new ImportError(`$.changed[${JSON.stringify(key)}]`, `“${key}” is not a part of a library`);
  }
  return value as unknown as BackupIncrement;
}

/// The text of an increment file — exactly `JSON.stringify(increment, null,
/// 1)` and a final line break — one piece per changed unit, so that an
/// increment is never held as one string (a changed unit may be a whole
/// document's annotations or text, and there may be many).
export function* incrementPieces(increment: BackupIncrement): Generator<string> {
  const { changed, ...head } = increment;
  const line = (key: string, value: unknown) => `\n ${JSON.stringify(key)}: ${JSON.stringify(value, null, 1).replaceAll('\n', '\n ')}`;
  // As JSON.stringify does: a unit it cannot write is left out.
  const units = Object.entries(changed).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  yield `{${line('format', head.format)},${line('version', head.version)},${line('exported', head.exported)},${line('base', head.base)},${line('count', head.count)},\n "changed": ${units.length === 0 ? '{}' : '{'}`;
  for (const [i, [key, value]] of units.entries()) {
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 1).replaceAll('\n', '\n  ')}`;
  }
  yield `${units.length === 0 ? '' : '\n }'},${line('removed', head.removed)}\n}\n`;
}
