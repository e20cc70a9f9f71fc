/// JSON of `value` with every object's keys sorted, so that two equal
/// values compare equal as strings whatever order their keys were set in
/// (a row from the store and the same item read from a Y.Doc). Written out
/// by hand rather than through `JSON.stringify`'s replacer, which built a
/// sorted copy of every object: a join compares a whole library this way,
/// documents' texts with it, and the copies were most of its time.
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'undefined';
}

// As JSON.stringify writes `value` (`undefined` where it would leave the
// value out), keys sorted.
function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'object':
      break;
    default:
      // undefined, functions and symbols: left out, as JSON.stringify does.
      return undefined;
  }
  const object = value as { toJSON?: () => unknown };
  if (typeof object.toJSON === 'function') return write(object.toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const written = write((value as Record<string, unknown>)[key]);
    if (written === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${written}`;
    first = false;
  }
  return `${out}}`;
}
