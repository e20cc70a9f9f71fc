import { describe, expect, it } from 'vitest';
import { defaultFontSize, fontSizes, shownTheme, stepFontSize } from './reading-style';

describe('the text size', () => {
  it('steps through the sizes offered and stops at either end', () => {
    expect(stepFontSize(defaultFontSize, 1)).toBe(20);
    expect(stepFontSize(defaultFontSize, -1)).toBe(17);
    expect(stepFontSize(fontSizes.at(-1)!, 1)).toBe(fontSizes.at(-1));
    expect(stepFontSize(fontSizes[0], -1)).toBe(fontSizes[0]);
  });

  it('a size between two offered steps to the nearest one either way', () => {
    expect(stepFontSize(19, 1)).toBe(20);
    expect(stepFontSize(19, -1)).toBe(18);
  });
});

describe('the theme drawn', () => {
  it('follows the system unless one is chosen', () => {
    expect(shownTheme('system', true)).toBe('dark');
    expect(shownTheme('system', false)).toBe('light');
    expect(shownTheme('sepia', true)).toBe('sepia');
    expect(shownTheme('light', true)).toBe('light');
  });
});
