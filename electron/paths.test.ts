import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inside } from './paths';

describe('inside', () => {
  const folder = resolve('/home/me/.config/Palimpsest/backups');

  it('resolves a plain name in the folder', () => {
    expect(inside(folder, 'palimpsest-backup-x.json')).toBe(join(folder, 'palimpsest-backup-x.json'));
  });

  it('refuses every way out of the folder', () => {
    for (const name of ['../x.json', '../../../../etc/passwd', '/etc/passwd', 'a/../../x', '.', '', 'x\u0000.json', `..${'/'}backups-evil/x`]) {
      expect(() => inside(folder, name), name).toThrow(RangeError);
    }
  });
});
