import { dateSortKey } from '../../shared/corpus/dates';
import type { ListingRow } from './db';

/// The pack's own format, written into every snapshot: a snapshot of
/// another format (an older build's heads, without the date) counts as
/// missing and is packed again from the rows, which are the truth. Raised
/// whenever `Head` changes; no Dexie version is needed for it.
export const packFormat = 2;

/// The listing snapshot as stored (Dexie version 10): every listing row in
/// two strings, so a launch reads the list as two string copies instead of
/// the structured clone of thousands of objects with long fields (title,
/// citation, summary). `heads` is what the list checks and sorts by for
/// every row; `rows` is each whole row, one JSON text a line (JSON escapes
/// line breaks, so a line is a row), in the same order, parsed only when
/// something asks for a field the head lacks.
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

/// One listed row: its head's fields at hand, the rest parsed on the first
/// `row()` and kept. (A class, not a closure a row: at launch there are
/// thousands.)
export class Listed {
  private parsed: ListingRow | undefined;

  constructor(
    readonly id: string,
    readonly stamp: string,
    readonly fingerprint: string,
    readonly origin: ListingRow['origin'],
    readonly title: string,
    /// The date's sort key; '' when the row has no date.
    readonly dated: string,
    /// The row's line as stored: equal lines are equal rows.
    readonly line: string,
    parsed?: ListingRow,
  ) {
    this.parsed = parsed;
  }

  /// The whole row, parsed from its line once.
  row(): ListingRow {
    return (this.parsed ??= JSON.parse(this.line) as ListingRow);
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
  return packLines(rows.map((row) => ({ head: headOf(row), line: JSON.stringify(row) })));
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

/// The rows of a snapshot as `Listed`, none parsed. A snapshot whose heads
/// and lines disagree in number is a programming error.
export function unpack(snapshot: PackedSnapshot): Listed[] {
  const heads = JSON.parse(snapshot.heads) as Head[];
  if (heads.length === 0) return [];
  const lines = snapshot.rows.split('\n');
  if (lines.length !== heads.length)
    throw new RangeError(`The listing snapshot has ${heads.length} heads but ${lines.length} rows; it should have one row per head.`);
  return heads.map((head, i) => listedOf(head, lines[i]!));
}

/// A row as listed, from its row (its line written now).
export function listedRow(row: ListingRow): Listed {
  const [id, stamp, fingerprint, origin, title, dated] = headOf(row);
  return new Listed(id, stamp, fingerprint, origin, title, dated, JSON.stringify(row), row);
}

/// The head of a row.
export function headOf(row: ListingRow): Head {
  return [row.id, row.stamp, row.fingerprint, row.origin, row.meta.title, row.meta.date ? dateSortKey(row.meta.date.start) : ''];
}

function listedOf(head: Head, line: string): Listed {
  return new Listed(head[0], head[1], head[2], head[3], head[4], head[5], line);
}

/// Whether a stored snapshot row is in this shape and format; one in the
/// shape of versions 8–9 (`rows` an array), or packed in another format,
/// is not, and is built again.
export function isPacked(snapshot: unknown): snapshot is PackedSnapshot {
  const s = snapshot as Partial<PackedSnapshot> | undefined;
  return !!s && s.format === packFormat && typeof s.heads === 'string' && typeof s.rows === 'string';
}
