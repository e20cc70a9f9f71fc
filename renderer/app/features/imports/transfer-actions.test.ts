import { describe, expect, it } from 'vitest';
import { servicesWith } from '../../test-support/services';
import { type PendingImport, confirmImport, tiesText } from './transfer-actions';

describe('the REFI-QDA export notice', () => {
  it('names the links and set entries left out with the passages they point to', () => {
    expect(tiesText({ links: 3, setEntries: 1 }, 2)).toBe(', and 3 links and 1 set entry that point to them');
    expect(tiesText({ links: 1, setEntries: 0 }, 1)).toBe(', and 1 link that points to it');
    expect(tiesText({ links: 0, setEntries: 0 }, 1)).toBe('');
  });
});

describe('an annotation import', () => {
  // The parts of the app an import's confirmation touches.
  const importing = (apply: () => Promise<unknown>) => {
    let touched = 0;
    const made = servicesWith({ imports: { annotations: { apply } }, backups: { touch: () => touched++ } });
    return { ...made, touched: () => touched };
  };
  const pending = { fileName: 'colleague.json', planId: 'plan' } as PendingImport;
  const done = { add: 0, update: 1, unchanged: 0, kept: 0, addTagTypes: [], kinds: [], unplacedCount: 0, actorNotes: [] };

  it('takes away the undo of an edit made before it, which would overwrite what it brought', async () => {
    const { services, history, notices, touched } = importing(async () => done);
    await confirmImport(services, pending, () => {});
    expect(notices[0]).toContain('1 updated');
    expect(history.canUndo).toBe(false);
    expect(touched()).toBe(1);
  });

  it('says how many it left as the library has them, apart from those already here', async () => {
    const { services, notices } = importing(async () => ({ ...done, update: 0, unchanged: 2, kept: 1 }));
    await confirmImport(services, pending, () => {});
    expect(notices[0]).toBe('Imported colleague.json: 3 annotations — 0 new, 0 updated, 2 already here, 1 differing (the library’s copy kept).');
  });

  it('keeps the undo when the import fails and nothing was written', async () => {
    const { services, history, notices } = importing(async () => {
      throw new Error('the disk is full');
    });
    await confirmImport(services, pending, () => {});
    expect(notices[0]).toContain('nothing was changed');
    expect(history.canUndo).toBe(true);
  });
});
