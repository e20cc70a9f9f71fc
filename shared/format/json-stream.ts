/// JSON written a piece at a time, exactly as `JSON.stringify(value, null, 2)`
/// writes it whole, so a file of a million annotations never exists as one
/// string. The value is ordinary JSON data, except that any array in it may
/// be a `Streamed` one: its elements come later, in batches, from an async
/// source (rows read from the store chunk by chunk), and each batch is
/// serialised and let go before the next is read.

/// An array whose elements arrive in batches. An empty batch is allowed.
/// Its elements are plain JSON data, written by `JSON.stringify` (a
/// streamed array inside one is not looked for: that would cost a walk of
/// every element of a million).
export class Streamed {
  constructor(readonly batches: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>) {}
}

/// An array of `batches`, to put where the file has an array.
export function streamed(batches: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>): Streamed {
  return new Streamed(batches);
}

/// How many characters a yielded piece gathers before it is handed on: few
/// enough pieces that writing each costs little, small enough to hold.
export const pieceCharacters = 1 << 20;

/// The text of `value` as `JSON.stringify(value, null, 2)` would write it,
/// in pieces of about `size` characters (the last may be shorter; none is
/// empty). Plain values inside are written with `JSON.stringify`; objects
/// and arrays holding a `Streamed` array are written key by key.
export async function* jsonPieces(value: unknown, size = pieceCharacters): AsyncGenerator<string> {
  if (!(size > 0)) throw new RangeError(`A piece of JSON must hold at least one character; ${size} was asked for.`);
  let buffer: string[] = [];
  let held = 0;
  const out = (text: string) => {
    buffer.push(text);
    held += text.length;
  };
  const take = (): string => {
    const text = buffer.join('');
    buffer = [];
    held = 0;
    return text;
  };
  for await (const _ of write(value, '', out)) {
    if (held >= size) yield take();
  }
  if (held > 0) yield take();
}

// Writes `value` at nesting `indent` through `out`, yielding after each
// batch of a streamed array so the caller may hand the text on. Yields
// nothing of its own: the values are only a heartbeat.
async function* write(value: unknown, indent: string, out: (text: string) => void): AsyncGenerator<void> {
  if (value instanceof Streamed) {
    let first = true;
    for await (const batch of value.batches) {
      if (batch.length === 0) continue;
      // One JSON.stringify a batch, not one an element, and at the batch's
      // depth: the batch wrapped in as many arrays as `indent` has levels
      // is written with its elements indented as they stand in the file,
      // and less its brackets is those elements (re-indenting each line
      // afterwards took as long as writing them). An element
      // JSON.stringify cannot write is `null` in an array, there too.
      out(first ? `[\n${indent}` : `,\n${indent}`);
      out(elementsAt(batch, indent));
      first = false;
      yield;
    }
    out(first ? '[]' : `\n${indent}]`);
    return;
  }
  if (value !== null && typeof value === 'object' && holdsStreamed(value)) {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      out(value.length === 0 ? '[]' : '[');
      for (const [i, item] of value.entries()) {
        out(`${i === 0 ? '' : ','}\n${inner}`);
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out('null');
        else yield* write(item, inner, out);
      }
      if (value.length > 0) out(`\n${indent}]`);
      return;
    }
    // As JSON.stringify does: keys whose value it cannot write are left out.
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    out(entries.length === 0 ? '{}' : '{');
    for (const [i, [key, item]] of entries.entries()) {
      out(`${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `);
      yield* write(item, inner, out);
    }
    if (entries.length > 0) out(`\n${indent}}`);
    return;
  }
  out(plain(value, indent));
}

// The elements of `batch` as JSON.stringify(batch, null, 2) writes them
// less its brackets ("  a,\n  b"), each line further indented by `indent`
// (two spaces a level). Wrapped in an array per level, the batch is
// written at that depth: before its elements stand "[\n" and the indent of
// each wrapping array's item, then the batch's own "[\n" and `indent`;
// after them, each array's line break, indent and closing bracket.
function elementsAt(batch: readonly unknown[], indent: string): string {
  const depth = indent.length / 2;
  let wrapped: unknown = batch;
  let head = 2 + indent.length;
  let tail = 2 + indent.length;
  for (let level = 0; level < depth; level++) {
    wrapped = [wrapped];
    head += 2 + 2 * (level + 1);
    tail += 2 + 2 * level;
  }
  return JSON.stringify(wrapped, null, 2).slice(head, -tail);
}

// A value with no streamed part, at nesting `indent`. JSON's strings never
// hold a raw line break, so every "\n" in the text starts a line to indent.
function plain(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new RangeError(`A value of type ${typeof value} cannot be written as JSON.`);
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

function holdsStreamed(value: object): boolean {
  if (value instanceof Streamed) return true;
  // Only plain objects and arrays are walked: anything with a toJSON of its
  // own (a Date) is written by JSON.stringify as it is.
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (item !== null && typeof item === 'object' && holdsStreamed(item)) return true;
  }
  return false;
}
