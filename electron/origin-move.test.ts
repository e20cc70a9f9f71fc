import { describe, expect, it } from 'vitest';
import { needsMoveNotice, noticeMarkerPath, oldLibraryPath } from './origin-move';

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
});
