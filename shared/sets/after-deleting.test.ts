import { describe, expect, it } from 'vitest';
import { setsAfterDeleting } from './after-deleting';
import type { AnnotationSet } from './model';

const time = '2026-11-22T10:00:00.000Z';
const set = (id: string, annotationIds: string[]): AnnotationSet => ({ id, name: id, description: '', annotationIds, created: time, modified: time });

describe('setsAfterDeleting', () => {
  it('takes deleted annotations out of the sets holding them, keeping the order and an emptied set', () => {
    const now = new Date('2026-12-01T00:00:00.000Z');
    const changed = setsAfterDeleting(['b', 'd'], [set('one', ['a', 'b', 'c']), set('two', ['c']), set('three', ['d'])], now);
    expect(changed).toEqual([
      { ...set('one', ['a', 'c']), modified: '2026-12-01T00:00:00.000Z' },
      { ...set('three', []), modified: '2026-12-01T00:00:00.000Z' },
    ]);
  });
});
