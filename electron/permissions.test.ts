import { describe, expect, it } from 'vitest';
import { isPermitted } from './permissions';

describe('permissions', () => {
  const app = 'file:///opt/palimpsest/out/renderer/index.html';

  it('lets the app write a citation to the clipboard, and nothing else', () => {
    expect(isPermitted('clipboard-sanitized-write', app, app)).toBe(true);
    expect(isPermitted('clipboard-read', app, app)).toBe(false);
    expect(isPermitted('media', app, app)).toBe(false);
    expect(isPermitted('notifications', app, app)).toBe(false);
  });

  it('refuses a page that is not the app', () => {
    expect(isPermitted('clipboard-sanitized-write', 'https://example.org/', app)).toBe(false);
  });
});
