import { describe, expect, it } from 'vitest';
import { Gestures, isExternalUrl } from './external';

describe('links that leave the app', () => {
  it('open web pages and mail addresses only', () => {
    expect(isExternalUrl('https://www.wilsoncenter.org/document/1962')).toBe(true);
    expect(isExternalUrl('http://example.org/')).toBe(true);
    expect(isExternalUrl('mailto:archive@example.org')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'ms-msdt:/id PCWDiagnostic',
      'smb://host/share',
      'javascript:alert(1)',
      'app://palimpsest/index.html',
      'https://user:pw@example.org/',
      'mailto:',
      'not a url',
      '',
    ]) {
      expect(isExternalUrl(url), url).toBe(false);
    }
  });

  it('open only just after a click or key press, one link per gesture', () => {
    const gestures = new Gestures(2000);
    expect(gestures.consume(1000)).toBe(false);
    gestures.note('mouseMove', 1000);
    expect(gestures.consume(1100)).toBe(false);
    gestures.note('mouseDown', 2000);
    expect(gestures.consume(2500)).toBe(true);
    expect(gestures.consume(2600)).toBe(false);
    gestures.note('keyDown', 3000);
    expect(gestures.consume(6000)).toBe(false);
  });
});
