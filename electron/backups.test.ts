import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, listBackups, readBackup, writeBackup } from './backups';

describe('backup files', () => {
  it('keeps the newest ten, newest first, with their counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    for (let i = 0; i < 12; i++) await writeBackup(dir, `{"n": ${i}}`, i, new Date(Date.UTC(2026, 10, 22, 10, i)).toISOString());
    const list = await listBackups(dir);
    expect(list).toHaveLength(10);
    expect(list[0]).toMatchObject({ created: '2026-11-22T10:11:00.000Z', annotations: 11 });
    expect(list.at(-1)).toMatchObject({ created: '2026-11-22T10:02:00.000Z', annotations: 2 });
    expect(await readBackup(dir, list[0]!.id)).toBe('{"n": 11}');
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('never deletes a backup it is told to keep, however many come after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    const first = await writeBackup(dir, '{"n": 0}', 0, new Date(Date.UTC(2026, 10, 22, 10, 0)).toISOString());
    for (let i = 1; i < 15; i++) await writeBackup(dir, `{"n": ${i}}`, i, new Date(Date.UTC(2026, 10, 22, 10, i)).toISOString(), new Set([first.id]));
    const list = await listBackups(dir);
    expect(list).toHaveLength(11);
    expect(list.at(-1)!.id).toBe(first.id);
  });

  it('keeps the full backup a kept increment builds on, and lets it go with its last increment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString();
    const first = await writeBackup(dir, '{"full": 1}', 1, at(0));
    for (let i = 1; i <= 12; i++) await writeBackup(dir, `{"n": ${i}}`, 1, at(i), new Set(), first.id);
    let list = await listBackups(dir);
    expect(list).toHaveLength(11);
    expect(list.at(-1)!.id).toBe(first.id);
    expect(list.at(-1)!.base).toBeUndefined();
    expect(list[0]).toMatchObject({ created: at(12), base: first.id });
    expect(await readBackup(dir, list[0]!.id)).toBe('{"n": 12}');

    const second = await writeBackup(dir, '{"full": 2}', 1, at(20));
    for (let i = 21; i <= 30; i++) await writeBackup(dir, `{"n": ${i}}`, 1, at(i), new Set(), second.id);
    list = await listBackups(dir);
    expect(list.map((b) => b.id)).not.toContain(first.id);
    expect(list).toHaveLength(11);
    expect(list.at(-1)!.id).toBe(second.id);
  });

  it('refuses an increment on anything but a full backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    const full = await writeBackup(dir, '{}', 0, new Date(Date.UTC(2026, 10, 22, 10, 0)).toISOString());
    const increment = await writeBackup(dir, '{}', 0, new Date(Date.UTC(2026, 10, 22, 10, 1)).toISOString(), new Set(), full.id);
    await expect(writeBackup(dir, '{}', 0, new Date(Date.UTC(2026, 10, 22, 10, 2)).toISOString(), new Set(), increment.id)).rejects.toThrow(
      /not the name of a full backup/,
    );
    await expect(writeBackup(dir, '{}', 0, new Date(Date.UTC(2026, 10, 22, 10, 2)).toISOString(), new Set(), '../x.json')).rejects.toThrow(RangeError);
  });

  it('ignores other files and refuses to read anything but a backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    expect(await listBackups(dir)).toEqual([]);
    await expect(readBackup(dir, '../../etc/passwd')).rejects.toThrow('is not the name of a backup');
    expect(backupFileName('2026-11-22T10:00:00.000Z', 3)).toBe('palimpsest-backup-2026-11-22T10-00-00-000Z-3.json');
  });

  it('says plainly when a backup cannot be written, leaving no partial file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    const blocked = join(dir, 'file-not-folder');
    writeFileSync(blocked, 'x');
    await expect(writeBackup(blocked, '{}', 0, '2026-11-22T10:00:00.000Z')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['file-not-folder']);
  });

  it('writes nothing outside its folder, whatever count and time it is given', async () => {
    const root = mkdtempSync(join(tmpdir(), 'palimpsest-backups-'));
    const dir = join(root, 'backups');
    const attacks: [unknown, string][] = [
      ['1/../../../evil', '2026-11-22T10:00:00.000Z'],
      [1, '2026/../../../../evil'],
      [Number.NaN, '2026-11-22T10:00:00.000Z'],
    ];
    for (const [annotations, created] of attacks) {
      await expect(writeBackup(dir, '{}', annotations as number, created)).rejects.toThrow(RangeError);
    }
    expect(readdirSync(root)).toEqual(['backups']);
    expect(readdirSync(dir)).toEqual([]);
  });
});
