const unsaid = new Set(['created', 'modified', 'createdBy', 'modifiedBy']);

// What a library item says: its fields in one order whichever order they
// were read or stored in, its times and authors aside. Two items that say
// the same are one reading, whichever was saved last.
function said(item: object): string {
  return JSON.stringify(
    Object.entries(item)
      .filter(([key, value]) => !unsaid.has(key) && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/// Whether a file's item replaces the library's item of its id: the file's
/// is newer by `modified`, and differs.
export function replaces(item: { modified: string }, mine: { modified: string }): boolean {
  return Date.parse(item.modified) > Date.parse(mine.modified) && JSON.stringify(item) !== JSON.stringify(mine);
}

/// How the preview counts an item the library has and keeps: already here
/// when it says what the file's says, its times and authors aside; else
/// kept, counted apart, so the preview does not call it already here.
export function keptAs(item: object, mine: object): 'unchanged' | 'kept' {
  return said(item) === said(mine) ? 'unchanged' : 'kept';
}
