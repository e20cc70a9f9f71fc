import { describe, expect, it } from 'vitest';
import { otherLayout, readBackupStream, readJsonStream, readPrettyJson } from './backup-read';
import { ImportError } from './errors';

// The text in chunks of `size` bytes, as a backup host hands them on.
async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('readJsonStream', () => {
  it('reads a value split across chunks, even inside a character of several bytes', async () => {
    const value = { a: [1, 2, { b: 'Zürich — “ok” 𝔄' }], c: null };
    await expect(readJsonStream(chunksOf(JSON.stringify(value, null, 2), 3))).resolves.toEqual(value);
  });

  it('names a file cut short', async () => {
    const text = JSON.stringify({ a: [1, 2, 3] });
    await expect(readJsonStream(chunksOf(text.slice(0, -3), 4))).rejects.toThrow(/cut short/);
  });

  it('names a file that is not JSON', async () => {
    const error = await readJsonStream(chunksOf('{"a": [1, 2,, 3]}', 5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  it('refuses a file nested deeper than any backup, before building it', async () => {
    await expect(readJsonStream(chunksOf('['.repeat(100_000), 1024))).rejects.toThrow(/nests lists or objects more than 64 deep/);
  });
});

describe('readBackupStream', () => {
  it('names a JSON file that is not a backup', async () => {
    await expect(readBackupStream(() => chunksOf('{"format": "something else"}', 4))).rejects.toThrow(/not a Palimpsest backup/);
  });
});

describe('readPrettyJson', () => {
  const value = {
    format: 'x',
    n: 1,
    list: [{ a: 'Zürich — “ok” 𝔄', b: [1, { c: null }] }, 'two', 3, [4, []], {}],
    empty: [],
    inner: { deep: [{ x: 1 }, { y: 'a\nb' }], none: {}, more: { x: [1, { z: 2 }], y: 'end' } },
  };

  it('reads the app’s layout, cut in chunks anywhere, as JSON.parse reads it whole', async () => {
    for (const size of [1, 3, 7, 1000]) await expect(readPrettyJson(chunksOf(JSON.stringify(value, null, 2), size))).resolves.toEqual(value);
    // An increment's layout, one space a level.
    await expect(readPrettyJson(chunksOf(JSON.stringify(value, null, 1), 5))).resolves.toEqual(value);
  });

  it('leaves any other layout, or an element it cannot parse, to the streaming parser, which reads or names it', async () => {
    for (const text of [JSON.stringify(value), JSON.stringify(value, null, '\t'), JSON.stringify(value, null, 2).replace('"two"', 'two')])
      await expect(readPrettyJson(chunksOf(text, 5))).resolves.toBe(otherLayout);
    await expect(readBackupStream(() => chunksOf(JSON.stringify(value, null, 2).replace('"two"', 'two'), 5))).rejects.toThrow(/not valid JSON/);
  });

  it('names a file cut short, wherever it is cut', async () => {
    const text = JSON.stringify(value, null, 2);
    for (const end of [1, 10, text.indexOf('Zürich') + 2, text.length / 2, text.length - 1])
      await expect(
        readBackupStream(() => chunksOf(text.slice(0, end), 5)),
        `cut at ${end}`,
      ).rejects.toThrow(/cut short/);
  });
});
