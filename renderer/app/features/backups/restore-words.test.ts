import { describe, expect, it } from 'vitest';
import { otherChangesText } from './restore-words';

describe('otherChangesText', () => {
  it('names what comes back, what goes back and what goes, kind by kind, and only the kinds that change', () => {
    expect(
      otherChangesText([
        { kind: 'tag type', restored: 0, reverted: 0, removed: 0 },
        { kind: 'document', restored: 5, reverted: 0, removed: 0 },
        { kind: 'revision', restored: 2, reverted: 0, removed: 0 },
        { kind: 'actor', restored: 3, reverted: 1, removed: 0 },
        { kind: 'set', restored: 1, reverted: 0, removed: 0 },
        { kind: 'link', restored: 0, reverted: 0, removed: 1 },
      ]),
    ).toBe(
      'It also brings back 5 documents of your own, 2 revisions, 3 actors and 1 set; puts back the earlier version of 1 actor; and removes 1 link made since.',
    );
    expect(otherChangesText([{ kind: 'relation type', restored: 0, reverted: 0, removed: 2 }])).toBe('It also removes 2 relation types made since.');
    expect(
      otherChangesText([
        { kind: 'set', restored: 1, reverted: 0, removed: 0 },
        { kind: 'link', restored: 0, reverted: 0, removed: 1 },
      ]),
    ).toBe('It also brings back 1 set and removes 1 link made since.');
  });

  it('says nothing when nothing else changes', () => {
    expect(otherChangesText([{ kind: 'tag type', restored: 0, reverted: 0, removed: 0 }])).toBe('');
  });
});
