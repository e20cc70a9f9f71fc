const unsaid = new Set(['created', 'modified', 'createdBy', 'modifiedBy']);

/// What a library item says: its fields in one order whichever order they
/// were read or stored in, its times and authors aside. Two items that say
/// the same are one reading, whichever was saved last.
export function said(item: object): string {
  return JSON.stringify(
    Object.entries(item)
      .filter(([key, value]) => !unsaid.has(key) && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
