import { describe, expect, it } from 'vitest';
import type { SetImportPreview } from '../../../store/sets';
import { servicesWith } from '../../test-support/services';
import { importSetAs } from './set-import';

describe('a set import', () => {
  const preview = { file: { set: { id: 'ch3', name: 'Chapter 3: the Albanian split' } } } as SetImportPreview;

  it('takes away the undo of an earlier deletion, which would put a passage it brought back as it was', async () => {
    const { services, history, notices } = servicesWith({ sets: { applyImport: async () => {} } });
    await importSetAs(services, preview);
    expect(history.canUndo).toBe(false);
    expect(notices).toEqual(['Imported the set “Chapter 3: the Albanian split”.']);
  });

  it('keeps the undo when nothing was stored', async () => {
    const { services, history, notices } = servicesWith({
      sets: {
        applyImport: async () => {
          throw new Error('the disk is full');
        },
      },
    });
    await expect(importSetAs(services, preview)).rejects.toThrow('the disk is full');
    expect(history.canUndo).toBe(true);
    expect(notices).toEqual([]);
  });
});
