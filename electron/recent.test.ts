import { describe, expect, it } from 'vitest';
import { recentKept, recentLabel, withOpened } from './recent';

describe('recent documents', () => {
  it('puts the document opened first, once, keeping the newest few', () => {
    let recent = Array.from({ length: recentKept }, (_, i) => ({ id: `d${i}`, title: `Document ${i}` }));
    recent = withOpened(recent, { id: 'd5', title: 'Document 5' });
    expect(recent.map((d) => d.id).slice(0, 3)).toEqual(['d5', 'd0', 'd1']);
    expect(recent).toHaveLength(recentKept);
    recent = withOpened(recent, { id: 'new', title: 'New' });
    expect(recent[0]!.id).toBe('new');
    expect(recent).toHaveLength(recentKept);
    expect(recent.some((d) => d.id === 'd9')).toBe(false);
  });

  it('shortens long titles in the menu', () => {
    expect(recentLabel({ id: 'x', title: 'x'.repeat(100) })).toHaveLength(60);
  });
});
