import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, writeJson } from './json-store';
import { windowStateSchema } from './window-state';

describe('the shell’s settings files', () => {
  const fallback = null;

  it('read back what was written', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'palimpsest-settings-')), 'window-state.json');
    await writeJson(path, { x: 10, y: 20, width: 1200, height: 800, maximised: false });
    expect(await readJson(path, windowStateSchema, fallback)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximised: false });
    expect(readdirSync(join(path, '..'))).toEqual(['window-state.json']);
  });

  it('fall back to the default when missing, damaged, edited wrongly or huge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-settings-'));
    expect(await readJson(join(dir, 'none.json'), windowStateSchema, fallback)).toBeNull();
    for (const text of [
      '{"x": 10, "y"',
      '{"x":"10","y":0,"width":1,"height":1,"maximised":false}',
      '{"__proto__":{"x":1}}',
      `[${'['.repeat(100_000)}`,
      JSON.stringify({ x: 1, y: 1, width: 1, height: 1, maximised: false, pad: 'x'.repeat(100_000) }),
    ]) {
      const path = join(dir, 'state.json');
      writeFileSync(path, text);
      expect(await readJson(path, windowStateSchema, fallback), text.slice(0, 40)).toBeNull();
    }
  });
});
