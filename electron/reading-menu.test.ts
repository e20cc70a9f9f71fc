import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/ipc/contract';
import { readingMenuItems } from './reading-menu';

describe('the reading comforts in the desktop menu', () => {
  it('send the text size and print commands on the keys the reader answers', () => {
    const sent: MenuCommand[] = [];
    const { view, print } = readingMenuItems((command) => () => sent.push(command));
    for (const item of [...view, print]) (item.click as () => void)();
    expect(sent).toEqual(['font-reset', 'font-larger', 'font-larger', 'font-smaller', 'print']);
    expect([...view, print].map((item) => item.accelerator)).toEqual(['CmdOrCtrl+0', 'CmdOrCtrl+=', 'CmdOrCtrl+Plus', 'CmdOrCtrl+-', 'CmdOrCtrl+P']);
  });
});
