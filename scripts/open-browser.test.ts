import { describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser.mjs';

describe('opening the app in the default browser', () => {
  const url = 'http://127.0.0.1:5173/';

  it('uses each system’s own opener', () => {
    expect(browserCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32', {})).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [url] });
  });

  it('opens none without a display, or when told not to, so the address is printed instead', () => {
    expect(browserCommand(url, 'linux', {})).toBeNull();
    expect(browserCommand(url, 'darwin', { BROWSER: 'none' })).toBeNull();
  });
});
