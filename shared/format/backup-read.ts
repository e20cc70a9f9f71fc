import { JSONParser, TokenType } from '@streamparser/json';
import { type BackupIncrement, incrementFormat, incrementOf } from './backup-increment';
import { ImportError } from './errors';
import { checkFormat, maxJsonDepth, parseJson } from './json-file';
import { type NativeFile, formatName, formatVersion, nativeFileOf } from './native';
import { messageOf } from '../errors';
import { textDecoder } from '../importers/text-decoder';

/// A backup read: a whole library's native file, or an increment on a full
/// backup.
export type BackupPoint = { file: NativeFile } | { increment: BackupIncrement };

/// Reads a backup from its bytes as they come, chunk by chunk, so that no
/// string ever holds the whole file (a full backup of 5,000 documents and
/// 1,000,000 annotations is 1.4 GB, beyond the longest string V8 makes),
/// and checks it as `parseNativeFile` or `parseIncrement` does. A file laid
/// out as the app writes it (`JSON.stringify(value, null, 2)`) is read line
/// by line, each element of its lists parsed with JSON.parse, which is about
/// twice as fast (see readPrettyJson); any other layout is read again from
/// `open()` by a streaming parser (@streamparser/json). Throws
/// `ImportError` naming what is wrong: not JSON, cut short, nested too
/// deep, or not a backup.
export async function readBackupStream(open: () => AsyncIterable<Uint8Array | string>): Promise<BackupPoint> {
  let value = await readPrettyJson(open());
  if (value === otherLayout) value = await readJsonStream(open());
  const format = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).format : undefined;
  if (format === incrementFormat) return { increment: incrementOf(value) };
  return { file: nativeFileOf(checkFormat(value, formatName, formatVersion, 'backup')) };
}

/// What readPrettyJson returns for a file not laid out as the app writes it.
export const otherLayout: unique symbol = Symbol('other layout');

// A line longer than this is not the app's layout (a file written on one
// line): it is left to the streaming parser rather than held whole.
const maxLine = 64 * 1024 * 1024;

/// The JSON value of `chunks` when they are laid out as
/// `JSON.stringify(value, null, n)` writes an object (the app's backups and
/// exports with n = 2, its increments with n = 1): the object's members, and the members of an object inside it,
/// each on lines of their own; each element of their lists parsed alone
/// (parseJson: bounded depth), so no string holds more than one element.
/// `otherLayout` for any other layout, or for an element JSON.parse refuses
/// (the streaming parser then names the problem); throws `ImportError` at
/// `$` for a file cut short.
export async function readPrettyJson(chunks: AsyncIterable<Uint8Array | string>): Promise<unknown | typeof otherLayout> {
  const lines = new Lines(lineBatchesOf(chunks));
  const next = (): string | Promise<string> => {
    const line = lines.next();
    if (typeof line === 'string') return line;
    if (line === null) return endedEarly();
    return line.then((line) => line ?? endedEarly());
  };
  let first: string | null;
  try {
    first = await lines.next();
  } catch (error) {
    if (error !== otherLayout) throw error;
    first = null;
  }
  if (first === null || first.replace(/^\uFEFF/, '') !== '{') {
    await lines.return();
    return otherLayout;
  }
  try {
    // The indent of one level: 2 in a full backup or an export, 1 in an
    // increment (`JSON.stringify(increment, null, 1)`).
    const second = await next();
    const step = second.length - second.trimStart().length;
    if (second !== '}' && (step < 1 || step > 8)) return otherLayout;
    let pushed: string | null = second;
    const take = () => {
      if (pushed === null) return next();
      const line = pushed;
      pushed = null;
      return line;
    };
    const [value, comma] = await readMembers(take, 0, step);
    if (comma) return otherLayout;
    // Nothing but white space may follow.
    for (let line = await lines.next(); line !== null; line = await lines.next()) if (line.trim() !== '') return otherLayout;
    return value;
  } catch (error) {
    if (error === otherLayout) return otherLayout;
    throw error;
  } finally {
    await lines.return();
  }
}

function endedEarly(): never {
  throw new ImportError('$', 'the file ends before its JSON does: it was cut short, or is empty');
}

// The lines of a file a batch at a time (those each chunk completes),
// handed out one by one: a line at hand is returned as it is, not through
// a promise. At a million annotations the file is some 25 million lines,
// and an await of an async generator for each was much of the read.
class Lines {
  private batch: string[] = [];
  private at = 0;

  constructor(private readonly batches: AsyncGenerator<string[]>) {}

  /// The next line, or `null` after the last.
  next(): string | null | Promise<string | null> {
    if (this.at < this.batch.length) return this.batch[this.at++]!;
    return this.fill();
  }

  async return(): Promise<void> {
    await this.batches.return([]);
  }

  private async fill(): Promise<string | null> {
    for (;;) {
      const batch = await this.batches.next();
      if (batch.done) return null;
      if (batch.value.length === 0) continue;
      this.batch = batch.value;
      this.at = 1;
      return batch.value[0]!;
    }
  }
}

const memberLine = /^ *("(?:[^"\\]|\\.)*"): (.*)$/;

// The members of an object whose `{` was at `indent`, up to its `}`; and
// whether a comma follows that `}`.
async function readMembers(next: () => string | Promise<string>, indent: number, step: number): Promise<[Record<string, unknown>, boolean]> {
  const object: Record<string, unknown> = {};
  const inner = ' '.repeat(indent + step);
  for (let expectMore = true; ; ) {
    const line = await next();
    if (line === `${' '.repeat(indent)}}` || line === `${' '.repeat(indent)}},`) {
      if (expectMore && Object.keys(object).length > 0) throw otherLayout;
      return [object, line.endsWith(',')];
    }
    if (!expectMore || !line.startsWith(inner) || line.charCodeAt(inner.length) !== 34 /* " */) throw otherLayout;
    const match = memberLine.exec(line);
    if (!match) throw otherLayout;
    const key = parseJson(match[1]!) as string;
    let rest = match[2]!;
    let value: unknown;
    // A list or object opened here: its comma is on the line closing it.
    if (rest === '[') [value, expectMore] = await readElements(next, indent + step, step);
    // An object inside an object (a backup's `library`, an increment's
    // `changed` and its units) is read member by member too, to a bound.
    else if (rest === '{' && indent < maxJsonDepth * step) [value, expectMore] = await readMembers(next, indent + step, step);
    else {
      expectMore = rest.endsWith(',');
      if (expectMore) rest = rest.slice(0, -1);
      value = parsed(rest);
    }
    // As JSON.parse does: a later member of the same name wins.
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

// The elements of a list whose `[` was at `indent`, up to its `]`: each
// element's lines gathered and parsed alone; and whether a comma follows
// that `]`.
async function readElements(next: () => string | Promise<string>, indent: number, step: number): Promise<[unknown[], boolean]> {
  const list: unknown[] = [];
  const inner = ' '.repeat(indent + step);
  const close = ' '.repeat(indent);
  for (let expectMore = true; ; ) {
    const got = next();
    const line = typeof got === 'string' ? got : await got;
    if (line === `${close}]` || line === `${close}],`) {
      if (expectMore && list.length > 0) throw otherLayout;
      return [list, line.endsWith(',')];
    }
    if (!expectMore || !line.startsWith(inner) || line.charCodeAt(inner.length) === 32) throw otherLayout;
    const head = line.slice(inner.length);
    let text: string;
    if (head === '{' || head === '[') {
      // Its lines, up to the one that closes it at the same indent: the
      // lines between are all indented deeper.
      const parts = [head];
      const end = head === '{' ? '}' : ']';
      for (;;) {
        const got = next();
        const part = typeof got === 'string' ? got : await got;
        if (part.startsWith(inner) && part.charCodeAt(inner.length) !== 32) {
          const tail = part.slice(inner.length);
          if (tail !== end && tail !== `${end},`) throw otherLayout;
          parts.push(tail);
          break;
        }
        parts.push(part);
      }
      text = parts.join('\n');
    } else text = head;
    expectMore = text.endsWith(',');
    list.push(parsed(expectMore ? text.slice(0, -1) : text));
  }
}

// One value's text parsed (depth bounded); `otherLayout` when JSON.parse
// refuses it, for the streaming parser to name the problem in the file.
function parsed(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    throw otherLayout;
  }
}

// The lines of the chunks' UTF-8 text, without their line breaks, those
// each chunk completes at a time; throws `otherLayout` for a line longer
// than `maxLine`.
async function* lineBatchesOf(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string[]> {
  const decoder = textDecoder('utf-8', { fatal: true });
  let pending = '';
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportError('$', 'the file is not UTF-8 text');
    }
    const lines: string[] = [];
    let from = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
      const line = pending + text.slice(from, at);
      pending = '';
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      from = at + 1;
    }
    pending += text.slice(from);
    if (pending.length > maxLine) throw otherLayout;
    yield lines;
  }
  try {
    pending += decoder.decode();
  } catch {
    throw new ImportError('$', 'the file is not UTF-8 text');
  }
  if (pending !== '') yield [pending];
}

/// The one JSON value of `chunks`, parsed as they arrive; throws
/// `ImportError` at `$` when they are not one JSON value, end before it
/// does, or nest deeper than `maxJsonDepth`.
export async function readJsonStream(chunks: AsyncIterable<Uint8Array | string>): Promise<unknown> {
  const parser = new JSONParser({ paths: ['$'] });
  let result: { value: unknown } | null = null;
  let depth = 0;
  let failure: ImportError | null = null;
  parser.onValue = ({ value, stack }) => {
    if (stack.length === 0) result = { value };
  };
  // Counted on the tokens, before the parser builds anything deeper: a file
  // of a million `[` would otherwise grow its stack to the file's size.
  parser.onToken = ({ token }) => {
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (++depth > maxJsonDepth)
        throw new ImportError('$', `the file nests lists or objects more than ${maxJsonDepth} deep; no backup does, so it is not read`);
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth -= 1;
  };
  parser.onError = (error) => {
    failure ??= error instanceof ImportError ? error : new ImportError('$', `the file is not valid JSON (${messageOf(error)})`);
  };
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    try {
      parser.write(chunk);
    } catch (error) {
      failure ??= error instanceof ImportError ? error : new ImportError('$', `the file is not valid JSON (${messageOf(error)})`);
    }
    if (failure) throw failure;
  }
  if (result === null) throw new ImportError('$', 'the file ends before its JSON does: it was cut short, or is empty');
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      failure ??= new ImportError('$', `the file is not valid JSON (${messageOf(error)})`);
    }
  }
  if (failure) throw failure;
  return (result as { value: unknown }).value;
}
