import { JSONParser, TokenType } from '@streamparser/json';
import { type BackupIncrement, incrementFormat, incrementOf } from './backup-increment';
import { ImportError } from './errors';
import { checkFormat, maxJsonDepth } from './json-file';
import { type NativeFile, formatName, formatVersion, nativeFileOf } from './native';
import { messageOf } from '../errors';

/// A backup read: a whole library's native file, or an increment on a full
/// backup.
export type BackupPoint = { file: NativeFile } | { increment: BackupIncrement };

/// Reads a backup from its bytes as they come, chunk by chunk, so that no
/// string ever holds the whole file (a full backup of 5,000 documents and
/// 1,000,000 annotations is 1.4 GB, beyond the longest string V8 makes):
/// the JSON is parsed as it arrives (@streamparser/json) and the value
/// checked as `parseNativeFile` or `parseIncrement` checks it. Throws
/// `ImportError` naming what is wrong: not JSON, cut short, nested too
/// deep, or not a backup.
export async function readBackupStream(chunks: AsyncIterable<Uint8Array | string>): Promise<BackupPoint> {
  const value = await readJsonStream(chunks);
  const format = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).format : undefined;
  if (format === incrementFormat) return { increment: incrementOf(value) };
  return { file: nativeFileOf(checkFormat(value, formatName, formatVersion, 'backup')) };
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
