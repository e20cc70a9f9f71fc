import { describe, expect, it } from 'vitest';
import type { Planned, RevisionSummary } from '../../../work/import-protocol';
import { servicesWith } from '../../test-support/services';
import { applyRevisionAs } from './revision-apply';

describe('applying a previewed revision', () => {
  const plan = { planId: 'p1' } as Planned<RevisionSummary>;
  const stored = (counts: { unchanged: number; moved: number; fuzzy: number; orphaned: number }) => ({
    imports: { revisions: { apply: async () => ({ fileName: 'memo-1962-corrected.txt', counts }) } },
  });

  it('schedules a backup even when it moves no annotation, so a corrected transcription is not left out of the next one', async () => {
    let touched = 0;
    const { services, history, notices } = servicesWith({
      ...stored({ unchanged: 3, moved: 0, fuzzy: 0, orphaned: 0 }),
      backups: { touch: () => touched++ },
    });
    expect(await applyRevisionAs(services, plan)).toBe(false);
    expect(touched).toBe(1);
    expect(history.canUndo).toBe(false);
    expect(notices).toEqual(['Revision memo-1962-corrected.txt imported: 3 unchanged, 0 moved, 0 changed, 0 to re-attach.']);
  });

  it('says there is something to review when an annotation moved or lost its place', async () => {
    const { services } = servicesWith({ ...stored({ unchanged: 1, moved: 0, fuzzy: 0, orphaned: 1 }), backups: { touch: () => {} } });
    expect(await applyRevisionAs(services, plan)).toBe(true);
  });

  it('changes nothing, and schedules nothing, when the revision was not stored', async () => {
    let touched = 0;
    const { services, history, notices } = servicesWith({
      imports: {
        revisions: {
          apply: async () => {
            throw new Error('the disk is full');
          },
        },
      },
      backups: { touch: () => touched++ },
    });
    await expect(applyRevisionAs(services, plan)).rejects.toThrow('the disk is full');
    expect([touched, history.canUndo, notices.length]).toEqual([0, true, 0]);
  });
});
