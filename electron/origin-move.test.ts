import { describe, expect, it } from 'vitest';
import { keptBackups, markerFor, moveNotice, needsMoveNotice, noticeMarkerPath, oldLibraryPath } from './origin-move';

describe('the library kept by a file:// version', () => {
  const userData = '/home/me/.config/Palimpsest';

  it('is pointed out once, when it exists', () => {
    const files = new Set([oldLibraryPath(userData)]);
    expect(needsMoveNotice(userData, (p) => files.has(p))).toBe(true);
    files.add(noticeMarkerPath(userData));
    expect(needsMoveNotice(userData, (p) => files.has(p))).toBe(false);
  });

  it('is not mentioned to someone who never had one', () => {
    expect(needsMoveNotice(userData, () => false)).toBe(false);
  });

  it('keeps the newest backup made before the move for good, and names its day', () => {
    const backup = (id: string) => ({ id, created: '', annotations: 1, bytes: 1 });
    const marker = markerFor(
      [backup('palimpsest-backup-2026-11-30T10-00-00-000Z-12.json'), backup('palimpsest-backup-2026-11-29T10-00-00-000Z-9.json')],
      new Date('2026-12-03T00:00:00Z'),
    );
    expect([...keptBackups(marker)]).toEqual(['palimpsest-backup-2026-11-30T10-00-00-000Z-12.json']);
    expect(moveNotice(marker).detail).toContain('restore the backup of 2026-11-30');
  });

  it('does not promise a backup where there is none', () => {
    const marker = markerFor([], new Date('2026-12-03T00:00:00Z'));
    expect(keptBackups(marker).size).toBe(0);
    expect(moveNotice(marker).detail).toContain('No backup of it was found');
  });
});
