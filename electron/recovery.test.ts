import { describe, expect, it } from 'vitest';
import { gonePrompt, unresponsivePrompt } from './recovery';

describe('when the page crashes or hangs', () => {
  it('offers to reload, saying nothing saved was lost', () => {
    const crashed = gonePrompt('crashed')!;
    expect(crashed.message).toBe('Palimpsest’s window stopped (crashed).');
    expect(crashed.detail).toMatch(/Nothing already saved was lost/);
    expect(crashed.buttons[crashed.reload]).toBe('Reload');
    expect(gonePrompt('oom')!.message).toMatch(/ran out of memory/);
    const hung = unresponsivePrompt();
    expect(hung.buttons[hung.reload]).toBe('Reload');
    expect(hung.buttons[0]).toBe('Wait');
    expect(hung.detail).toMatch(/Nothing already saved was lost/);
  });

  it('says nothing when the page simply closed', () => {
    expect(gonePrompt('clean-exit')).toBeNull();
  });
});
