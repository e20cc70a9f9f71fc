import { type SharedLibrary, emptySharedLibrary } from '../../shared/sync/model';
import { type Ids, idsOf } from './base';

/// One row of the base's ids as kept: `annotations:<document>` with the
/// ids of the annotations on that document, or `<kind>:<id>` (no ids) for
/// an item of another kind. Ids only: a row costs its ids, not its item.
export interface CarriedRow {
  key: string;
  ids: string[];
}

/// A write of the kept ids: rows put and keys removed, or (`whole`) every
/// row, in place of all there were.
export interface CarriedChange {
  whole: boolean;
  put: CarriedRow[];
  removed: string[];
}

/// Where the base's ids (what the last round trip left both the library
/// and the project's copy holding) are kept across a quit or a crash.
/// The next launch's join needs them to tell an item the project no
/// longer holds because a colleague deleted it (the base held it) from
/// one never shared (the base did not), and an item gone from the library
/// because it was deleted here from one the project added since.
export interface Carried {
  /// The ids as last kept; `null` when none were (a project joined by an
  /// earlier version, or the record lost): the join then removes nothing.
  read(): Promise<Ids | null>;
  /// Keeps `change`, after whatever the project's copy has written so
  /// far: ids kept ahead of the copy would name items the copy lacks, and
  /// the next launch would take them for a colleague's deletions.
  write(change: CarriedChange): Promise<void>;
}

/// The ids that `rows` (every kept row) hold, by kind.
export function idsOfRows(rows: Iterable<CarriedRow>): Ids {
  const ids = idsOf(emptySharedLibrary());
  for (const row of rows) {
    const at = row.key.indexOf(':');
    const kind = row.key.slice(0, at) as keyof SharedLibrary;
    if (!(kind in ids)) continue;
    if (kind === 'annotations') for (const id of row.ids) ids.annotations.add(id);
    else ids[kind].add(row.key.slice(at + 1));
  }
  return ids;
}

/// Kept ids in memory alone: tests, which relaunch a machine on the same
/// object, as the app does on the same database.
export function memoryCarried(): Carried & { rows: Map<string, CarriedRow> | null } {
  const kept: Carried & { rows: Map<string, CarriedRow> | null } = {
    rows: null,
    read: async () => (kept.rows ? idsOfRows(kept.rows.values()) : null),
    write: async (change) => {
      if (change.whole || !kept.rows) kept.rows = new Map();
      for (const key of change.removed) kept.rows.delete(key);
      for (const row of change.put) kept.rows.set(row.key, row);
    },
  };
  return kept;
}
