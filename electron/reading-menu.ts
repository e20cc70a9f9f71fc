import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

/// The menu items of the reading comforts: the text's size in View (in
/// place of the page zoom, which would enlarge the whole window and be
/// forgotten on restart) and Print… in File. Each sends its command to
/// the renderer, which answers it (renderer/app/comforts/).
export function readingMenuItems(send: (command: MenuCommand) => () => void): { view: MenuItemConstructorOptions[]; print: MenuItemConstructorOptions } {
  return {
    view: [
      { label: 'Actual Text Size', accelerator: 'CmdOrCtrl+0', click: send('font-reset') },
      // Both Ctrl+= and Ctrl++ enlarge, as in browsers; the second is hidden.
      { label: 'Larger Text', accelerator: 'CmdOrCtrl+=', click: send('font-larger') },
      { label: 'Larger Text', accelerator: 'CmdOrCtrl+Plus', click: send('font-larger'), visible: false, acceleratorWorksWhenHidden: true },
      { label: 'Smaller Text', accelerator: 'CmdOrCtrl+-', click: send('font-smaller') },
    ],
    print: { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: send('print') },
  };
}
