import { describe, expect, it } from 'vitest';
import { tiesText } from './transfer-actions';

describe('the REFI-QDA export notice', () => {
  it('names the links and set entries left out with the passages they point to', () => {
    expect(tiesText({ links: 3, setEntries: 1 }, 2)).toBe(', and 3 links and 1 set entry that point to them');
    expect(tiesText({ links: 1, setEntries: 0 }, 1)).toBe(', and 1 link that points to it');
    expect(tiesText({ links: 0, setEntries: 0 }, 1)).toBe('');
  });
});
