import { dateSortKey } from '../../shared/corpus/dates';
import type { DocumentMeta } from '../../shared/corpus/metadata';
import type { ListingRow } from './db';

/// The pack's own format, written into every snapshot: a snapshot of
/// another format (an older build's heads, without the date, or lines with
/// the long fields) counts as missing and is packed again from the rows,
/// which are the truth. Raised whenever `Head` or `ShortRow` changes.
export const packFormat = 3;

/// The fields of a description no list draws, sorts or filters by: a
/// citation and a summary are most of a row's bytes (2 KB of a 2.3 KB row
/// in the scale bench), so the snapshot leaves them out and they are read
/// from the document's listing row when asked for
/// (`DocumentsRepository.description`). A search listing's entries stay:
/// the timeline draws them for every listing, and other rows have none.
export type LongField = 'citation' | 'summary';

/// A description as the list holds it: without its long fields.
export type ListedMeta = Omit<DocumentMeta, LongField>;

/// A description's long fields.
export type LongFields = Pick<DocumentMeta, LongField>;

/// The long fields of every listing row, beside the snapshot (key 'long',
/// written with it in each transaction, read only by whole-library work:
/// an export's or a backup's citations). One JSON line a row, `[id, stamp,
/// citation, summary]`, in the order of the snapshot's heads; a line is
/// used only when its id and stamp are its row's, so a record lost or out
/// of step sends the reader to the rows, which are the truth.
export interface LongLines {
  key: 'long';
  /// `packFormat` when written.
  format: number;
  rows: string;
}

/// A listing row as the snapshot holds it: without its long fields.
export type ShortRow = Omit<ListingRow, 'meta'> & { meta: ListedMeta };

/// `row` without its description's long fields.
export function shortOf(row: ListingRow): ShortRow {
  const { citation: _citation, summary: _summary, ...meta } = row.meta;
  return { ...row, meta };
}

/// The listing snapshot as stored (Dexie version 10; its lines short since
/// version 12): every listing row in two strings, so a launch reads the
/// list as two string copies instead of the structured clone of thousands
/// of objects. `heads` is what the list checks and sorts by for every row;
/// `rows` is each row short of its long fields (`ShortRow`: what a row
/// draws), one JSON text a line (JSON escapes line breaks, so a line is a
/// row), in the same order, parsed only when something asks for a field
/// the head lacks.
export interface PackedSnapshot {
  key: 'all';
  /// `packFormat` when written.
  format: number;
  /// JSON of `Head[]`.
  heads: string;
  rows: string;
}

/// What the list reads of every row at launch: id, stamp, fingerprint,
/// origin, title, and the date's sort key (`dateSortKey` of its start, ''
/// when undated): what the stamp check, the search sync and the library's
/// sorts need, so a row is parsed only when it is drawn.
export type Head = [id: string, stamp: string, fingerprint: string, origin: ListingRow['origin'], title: string, dated: string];

/// One listed row: its head's fields at hand, the rest (short of the long
/// fields) parsed on the first `row()` and kept. (A class, not a closure a
/// row: at launch there are thousands.) `at` is its place in the snapshot
/// it was read from (its line in `LongLines`), -1 for a row read from the
/// rows.
export class Listed {
  private parsed: ShortRow | undefined;

  constructor(
    readonly id: string,
    readonly stamp: string,
    readonly fingerprint: string,
    readonly origin: ListingRow['origin'],
    readonly title: string,
    /// The date's sort key; '' when the row has no date.
    readonly dated: string,
    /// The row's line as stored: equal lines are equal rows (a text's
    /// long fields change only with its stamp, which the line holds).
    readonly line: string,
    parsed?: ShortRow,
    readonly at = -1,
  ) {
    this.parsed = parsed;
  }

  /// The row short of its long fields, parsed from its line once.
  row(): ShortRow {
    return (this.parsed ??= JSON.parse(this.line) as ShortRow);
  }

  /// Whether the row has been parsed (tests count what a launch parses).
  isParsed(): boolean {
    return this.parsed !== undefined;
  }

  /// The head this row was listed with.
  head(): Head {
    return [this.id, this.stamp, this.fingerprint, this.origin, this.title, this.dated];
  }
}

/// The snapshot of `rows`, in their order.
export function pack(rows: readonly ListingRow[]): PackedSnapshot {
  return packLines(rows.map((row) => ({ head: headOf(row), line: lineOf(row) })));
}

/// The long fields of `rows`, in their order, beside `pack(rows)`.
export function packLong(rows: readonly ListingRow[]): LongLines {
  return packLongLines(rows.map(longLineOf));
}

/// The snapshot of rows already packed (heads and lines), in their order:
/// a write that changes a few rows restrings only those.
export function packLines(entries: readonly { head: Head; line: string }[]): PackedSnapshot {
  return {
    key: 'all',
    format: packFormat,
    heads: JSON.stringify(entries.map((entry) => entry.head)),
    rows: entries.map((entry) => entry.line).join('\n'),
  };
}

/// The long fields' record of lines already made (`longLineOf`), in the
/// order of the snapshot's heads.
export function packLongLines(lines: readonly string[]): LongLines {
  return { key: 'long', format: packFormat, rows: lines.join('\n') };
}

/// `row`'s line in `LongLines`.
export function longLineOf(row: ListingRow): string {
  return JSON.stringify([row.id, row.stamp, row.meta.citation, row.meta.summary]);
}

/// The long fields' lines of a record, in the snapshot's order; none when
/// it is absent or of another format.
export function longLines(long: unknown): string[] {
  const l = long as Partial<LongLines> | undefined;
  return l && l.format === packFormat && typeof l.rows === 'string' && l.rows !== '' ? l.rows.split('\n') : [];
}

/// `listed`'s line among `lines`, unparsed, when it is of this row at this
/// stamp (it begins with both, as `longLineOf` writes it); else `undefined`.
export function ownLongLine(listed: Listed, lines: readonly string[]): string | undefined {
  const line = listed.at >= 0 ? lines[listed.at] : undefined;
  return line?.startsWith(JSON.stringify([listed.id, listed.stamp]).slice(0, -1)) ? line : undefined;
}

/// The long fields of `listed` from its line among `lines`, or `undefined`
/// when that line is not of this row at this stamp.
export function longOf(listed: Listed, lines: readonly string[]): LongFields | undefined {
  const line = listed.at >= 0 ? lines[listed.at] : undefined;
  if (line === undefined) return undefined;
  const [id, stamp, citation, summary] = JSON.parse(line) as [string, string, string | null, string | null];
  return id === listed.id && stamp === listed.stamp ? { citation, summary } : undefined;
}

/// The rows of a snapshot as `Listed`, none parsed. A snapshot whose heads
/// and lines disagree in number is a programming error.
export function unpack(snapshot: PackedSnapshot): Listed[] {
  const heads = JSON.parse(snapshot.heads) as Head[];
  if (heads.length === 0) return [];
  const lines = snapshot.rows.split('\n');
  if (lines.length !== heads.length)
    throw new RangeError(`The listing snapshot has ${heads.length} heads but ${lines.length} rows; it should have one row per head.`);
  return heads.map((head, i) => new Listed(head[0], head[1], head[2], head[3], head[4], head[5], lines[i]!, undefined, i));
}

/// A row as listed, from its row (its line written now).
export function listedRow(row: ListingRow): Listed {
  const [id, stamp, fingerprint, origin, title, dated] = headOf(row);
  const short = shortOf(row);
  return new Listed(id, stamp, fingerprint, origin, title, dated, JSON.stringify(short), short);
}

/// The snapshot's line for `row`: its JSON short of the long fields.
export function lineOf(row: ListingRow): string {
  return JSON.stringify(shortOf(row));
}

/// The head of a row.
export function headOf(row: ShortRow): Head {
  return [row.id, row.stamp, row.fingerprint, row.origin, row.meta.title, row.meta.date ? dateSortKey(row.meta.date.start) : ''];
}

/// Whether a stored snapshot row is in this shape and format; one in the
/// shape of versions 8–9 (`rows` an array), or packed in another format
/// (format 2: whole rows as lines), is not, and is built again.
export function isPacked(snapshot: unknown): snapshot is PackedSnapshot {
  const s = snapshot as Partial<PackedSnapshot> | undefined;
  return !!s && s.format === packFormat && typeof s.heads === 'string' && typeof s.rows === 'string';
}
