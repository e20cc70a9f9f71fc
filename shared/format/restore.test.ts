import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotation/model';
import { changesNoAnnotation, changesNothing, recordsDiff, restoreDiff } from './restore';

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

describe('recordsDiff', () => {
  const byId = (record: { id: string }) => record.id;
  it('pairs records by key, whatever the order of the list and of their fields', () => {
    const change = recordsDiff(
      'actor',
      [{ id: 'a', name: 'Actor', colour: '#f00' }, { id: 'b' }],
      [{ id: 'b' }, { colour: '#f00', name: 'Actor', id: 'a' }],
      byId,
    );
    expect(change).toEqual({ kind: 'actor', restored: 0, reverted: 0, removed: 0 });
    expect(changesNothing(change)).toBe(true);
  });

  it('counts the records that come back, go back to the backup’s version, and are removed', () => {
    const library = [{ id: 'a', name: 'Actors' }, { id: 'b' }, { id: 'new' }];
    const backup = [{ id: 'a', name: 'Actor' }, { id: 'b' }, { id: 'gone' }, { id: 'gone too' }];
    expect(recordsDiff('set', library, backup, byId)).toEqual({ kind: 'set', restored: 2, reverted: 1, removed: 1 });
    expect(changesNothing(recordsDiff('set', library, backup, byId))).toBe(false);
  });
});

describe('changesNoAnnotation', () => {
  it('is true only when every annotation stays as it is', () => {
    expect(changesNoAnnotation({ restored: 0, reverted: 0, removed: 0, same: 12 })).toBe(true);
    expect(changesNoAnnotation({ restored: 0, reverted: 0, removed: 1, same: 12 })).toBe(false);
  });
});
