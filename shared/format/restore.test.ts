import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotation/model';
import { restoreDiff } from './restore';

const a = (id: string, note = ''): Annotation => ({
  id,
  documentId: 'd',
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 1 },
  tags: [],
  actor: null,
  note,
  created: '2026-11-22T10:00:00.000Z',
  modified: '2026-11-22T10:00:00.000Z',
});

describe('restoreDiff', () => {
  it('counts what a restore brings back, reverts, removes and leaves', () => {
    expect(restoreDiff([a('same'), a('edited', 'now'), a('new')], [a('same'), a('edited', 'then'), a('deleted')])).toEqual({
      restored: 1,
      reverted: 1,
      removed: 1,
      same: 1,
    });
  });
});
