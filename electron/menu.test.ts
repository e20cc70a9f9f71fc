import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuMessage } from '../shared/ipc/contract';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));
const { menuTemplate } = await import('./menu');

type Item = MenuItemConstructorOptions;
const items = (template: Item[]): Item[] => template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
const build = (options: { dev?: boolean; isMac?: boolean; recent?: { id: string; title: string }[] } = {}) => {
  const sent: MenuMessage[] = [];
  const template = menuTemplate({ isMac: options.isMac ?? false, dev: options.dev ?? false, recent: options.recent ?? [], send: (m) => sent.push(m) });
  return { all: items(template), sent, template };
};
const click = (item: Item | undefined) => (item!.click as () => void)();

describe('the application menu', () => {
  it('carries the app’s shortcuts, each sending its command', () => {
    const { all, sent } = build();
    const expected: [string, string, MenuMessage['command']][] = [
      ['Import documents…', 'CmdOrCtrl+Shift+O', 'import-documents'],
      ['Import annotations…', 'CmdOrCtrl+O', 'import-annotations'],
      ['Export…', 'CmdOrCtrl+E', 'export-all-annotations'],
      ['Print…', 'CmdOrCtrl+P', 'print'],
      ['Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Redo', 'CmdOrCtrl+Shift+Z', 'redo'],
      ['Find in document…', 'CmdOrCtrl+F', 'find'],
      ['Search all documents…', 'CmdOrCtrl+Shift+F', 'search'],
      ['Larger text', 'CmdOrCtrl+=', 'font-larger'],
      ['Smaller text', 'CmdOrCtrl+-', 'font-smaller'],
      ['Normal text size', 'CmdOrCtrl+0', 'font-reset'],
      ['Keyboard shortcuts', 'CmdOrCtrl+/', 'shortcuts'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = all.find((i) => i.label === label && i.visible !== false);
      expect(item?.accelerator, label).toBe(accelerator);
      click(item);
      expect(sent.at(-1)).toEqual({ command });
    }
    expect(all.some((i) => i.role === 'copy')).toBe(true);
    expect(all.some((i) => i.role === 'togglefullscreen')).toBe(true);
  });

  it('changes font size, not Chromium’s zoom', () => {
    const { all } = build({ dev: true });
    expect(all.filter((i) => ['zoomIn', 'zoomOut', 'resetZoom'].includes(i.role ?? ''))).toEqual([]);
  });

  it('has DevTools and Reload in development only', () => {
    expect(build({ dev: false }).all.filter((i) => i.role === 'toggleDevTools' || i.role === 'reload' || i.role === 'forceReload')).toEqual([]);
    expect(build({ dev: true }).all.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('lists recent documents in the File menu; choosing one opens it', () => {
    const { all, sent } = build({
      recent: [
        { id: 'fo-1962', title: 'Sino-Soviet relations & Albania' },
        { id: 'cia-1961', title: 'CIA memo' },
      ],
    });
    const recent = all.find((i) => i.label === 'Open recent')!.submenu as Item[];
    expect(recent.map((i) => i.label)).toEqual(['Sino-Soviet relations && Albania', 'CIA memo']);
    click(recent[1]);
    expect(sent).toEqual([{ command: 'open-document', documentId: 'cia-1961' }]);
    const none = build().all.find((i) => i.label === 'Open recent')!.submenu as Item[];
    expect(none).toEqual([{ label: 'No documents opened yet', enabled: false }]);
  });

  it('has the macOS app menu on a Mac only', () => {
    expect(build({ isMac: true }).template[0]!.role).toBe('appMenu');
    expect(build().template[0]!.label).toBe('File');
  });
});
