import { describe, expect, it } from 'vitest';
import { maxErrors, type ShownNotice, withNotice } from './notices';

const info = (id: number, text = `done ${id}`): ShownNotice => ({ id, kind: 'info', text });
const error = (id: number, text = `failed ${id}`): ShownNotice => ({ id, kind: 'error', text });
const keptAfter = (...notices: ShownNotice[]) => notices.reduce<ShownNotice[]>((list, n) => withNotice(list, n), []);

describe('notices', () => {
  it('shows one result at a time: the newest replaces the one before', () => {
    expect(keptAfter(info(1), info(2), info(3))).toEqual([info(3)]);
  });

  it('keeps errors beside the result, and a newer result does not replace them', () => {
    expect(keptAfter(error(1), info(2), info(3))).toEqual([error(1), info(3)]);
  });

  it('keeps distinct errors until dismissed, an error repeated only once, the newest last', () => {
    expect(keptAfter(error(1, 'a'), error(2, 'b'), error(3, 'a'))).toEqual([error(2, 'b'), error(3, 'a')]);
  });

  it('keeps at most a few errors, dropping the oldest', () => {
    const list = keptAfter(...Array.from({ length: maxErrors + 2 }, (_, i) => error(i)));
    expect(list.map((n) => n.id)).toEqual(Array.from({ length: maxErrors }, (_, i) => i + 2));
  });
});
