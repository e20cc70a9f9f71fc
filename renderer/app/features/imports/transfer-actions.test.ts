import { describe, expect, it } from 'vitest';
import { servicesWith } from '../../test-support/services';
import { type PendingImport, chooseImport, confirmImport, exportAnnotationsFile, tiesText } from './transfer-actions';

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

describe('choosing a file to import', () => {
  it('starts the import worker while the file dialog is open, and a cancelled dialog reads nothing', async () => {
    const asked: string[] = [];
    const { services, notices } = servicesWith({
      imports: {
        annotations: {
          ready: async () => {
            asked.push('ready');
            return null;
          },
          preview: async () => {
            asked.push('preview');
          },
        },
      },
      host: {
        openFiles: async () => {
          asked.push('dialog answered');
          return null;
        },
      },
    });
    expect(await chooseImport(services)).toBeNull();
    expect(asked).toEqual(['ready', 'dialog answered']);
    expect(notices).toEqual([]);
  });

  it('goes on to the preview when the worker could not be readied, and names the failure there', async () => {
    const { services, notices } = servicesWith({
      imports: {
        annotations: {
          ready: async () => {
            throw new Error('the worker could not start');
          },
          preview: async () => {
            throw new Error('the worker could not start');
          },
        },
      },
      host: { openFiles: async () => [{ name: 'colleague.json', bytes: new ArrayBuffer(2) }] },
    });
    expect(await chooseImport(services)).toBeNull();
    expect(notices).toEqual(['Import of colleague.json failed — nothing was changed. Unexpected error: the worker could not start.']);
  });
});

describe('an export as it is written', () => {
  // A library whose export is three pieces of one annotation each, and a
  // host that writes them as Host.saveStream does: on a failure it keeps no
  // file and throws on.
  const exportOfThree = () => {
    const written: string[] = [];
    const host = { kept: null as boolean | null };
    let read = 0;
    const { services, notices } = servicesWith({
      library: {
        exportPieces: async () => ({
          count: 3,
          read: () => read,
          pieces: (async function* () {
            for (const piece of ['[a', ',b', ',c]']) {
              read++;
              yield piece;
            }
          })(),
        }),
      },
      host: {
        saveStream: async (_title: string, _name: string, _filters: unknown, pieces: () => Promise<AsyncIterable<string>>) => {
          try {
            for await (const piece of await pieces()) written.push(piece);
          } catch (error) {
            host.kept = false;
            throw error;
          }
          host.kept = true;
          return true;
        },
      },
    });
    return { services, notices, written, host };
  };

  it('tells how many annotations are written after each piece', async () => {
    const { services, notices, written, host } = exportOfThree();
    const told: number[] = [];
    await exportAnnotationsFile(services, { kind: 'all' }, 'native', { onProgress: (_name, read, count) => told.push(read, count) });
    expect(told).toEqual([0, 3, 1, 3, 2, 3, 3, 3]);
    expect(written.join('')).toBe('[a,b,c]');
    expect(host.kept).toBe(true);
    expect(notices).toEqual([expect.stringMatching(/^Exported 3 annotations to palimpsest-annotations-\d{4}-\d\d-\d\d\.json\.$/)]);
  });

  it('stops at the next piece when cancelled, keeps no file, and says so', async () => {
    const { services, notices, written, host } = exportOfThree();
    const abort = new AbortController();
    await exportAnnotationsFile(services, { kind: 'all' }, 'csv', {
      signal: abort.signal,
      onProgress: (_name, read) => {
        if (read === 1) abort.abort();
      },
    });
    expect(written).toEqual(['[a']);
    expect(host.kept).toBe(false);
    expect(notices).toEqual([expect.stringMatching(/^Export cancelled: palimpsest-annotations-\d{4}-\d\d-\d\d\.csv was not written\.$/)]);
  });
});
