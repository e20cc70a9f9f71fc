import { describe, expect, it } from 'vitest';
import { Journal, type Listen, type MarkStorage, copyMarks, memoryStorage } from './journal';

// One browser's localStorage, seen by several tabs: a tab's write tells
// every other tab (a `storage` event), never the tab that wrote.
function browser() {
  const items = memoryStorage();
  const listeners = new Map<number, (key: string | null) => void>();
  let tabs = 0;
  return {
    tab(): { storage: MarkStorage; listen: Listen } {
      const me = ++tabs;
      const tell = (key: string) => {
        for (const [tab, listener] of listeners) if (tab !== me) listener(key);
      };
      const storage: MarkStorage = {
        getItem: (key) => items.getItem(key),
        setItem: (key, value) => {
          items.setItem(key, value);
          tell(key);
        },
        removeItem: (key) => {
          items.removeItem(key);
          tell(key);
        },
        key: (index) => items.key(index),
        get length() {
          return items.length;
        },
      };
      const listen: Listen = (changed) => {
        listeners.set(me, changed);
        return () => listeners.delete(me);
      };
      return { storage, listen };
    },
  };
}

const prefix = 'palimpsest.sync.journal.fo-371';
// A journal opened in a tab of `b`: the app's launch in that tab.
const open = (b: ReturnType<typeof browser>) => {
  const { storage, listen } = b.tab();
  return new Journal(storage, prefix, { listen });
};
// Journals save their marks a microtask after the write they mark.
const saved = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the journal of two tabs on one library', () => {
  it('keeps a mark made in one tab when the other writes its own', async () => {
    const b = browser();
    const first = open(b);
    const second = open(b);
    first.markDocument('memo-vlore');
    second.mark('tagTypes', 'rumour');
    await saved();
    const relaunch = open(b).marks;
    expect([...relaunch.documentsOfAnnotations]).toEqual(['memo-vlore']);
    expect([...relaunch.ids.tagTypes]).toEqual(['rumour']);
  });

  it('keeps the other tab’s mark of an item when one tab has carried it', async () => {
    const b = browser();
    const first = open(b);
    const second = open(b);
    first.markDocument('memo-vlore');
    second.markDocument('memo-vlore');
    await saved();
    first.unmark({ ...emptyMarks(), documentsOfAnnotations: new Set(['memo-vlore']) }, emptyMarks());
    await saved();
    expect([...open(b).marks.documentsOfAnnotations]).toEqual(['memo-vlore']);
  });

  it('takes over a closed tab’s marks at a launch, and a tab still open keeps its own', async () => {
    const b = browser();
    const open1 = open(b);
    const closed = open(b);
    open1.markDocument('memo-vlore');
    closed.mark('actors', 'hoxha');
    await saved();
    closed.close();
    // A launch in a third tab reads both, for its join, and carries them.
    const launch = open(b);
    expect([...launch.marks.documentsOfAnnotations]).toEqual(['memo-vlore']);
    expect([...launch.marks.ids.actors]).toEqual(['hoxha']);
    launch.unmark(copyOf(launch), emptyMarks());
    await saved();
    // The closed tab's mark is gone with the launch's; the open tab's,
    // whose write that join may not have read, stays until it carries it.
    const next = open(b).marks;
    expect([...next.ids.actors]).toEqual([]);
    expect([...next.documentsOfAnnotations]).toEqual(['memo-vlore']);
  });

  it('reads the one key of a version before tabs kept their own', () => {
    const b = browser();
    const { storage } = b.tab();
    storage.setItem(prefix, JSON.stringify({ documentsOfAnnotations: ['memo-vlore'], ids: {}, full: false }));
    expect([...open(b).marks.documentsOfAnnotations]).toEqual(['memo-vlore']);
    expect(storage.getItem(prefix)).toBeNull();
  });
});

function emptyMarks() {
  return copyMarks(undefined);
}

// A copy of a journal's marks now, as a round trip takes them.
function copyOf(journal: Journal) {
  return copyMarks(journal.marks);
}
