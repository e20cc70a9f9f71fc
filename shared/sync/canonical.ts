/// JSON of `value` with every object's keys sorted, so that two equal
/// values compare equal as strings whatever order their keys were set in
/// (a row from the store and the same item read from a Y.Doc).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
