import { useSyncExternalStore } from 'react';
import { menuEvent } from '../../../../shared/ipc/contract';
import { isTyping } from '../../ui/keys';
import { isNumber, readPreference, writePreference } from './preferences';

/// The reader's look as the researcher chose it: the text's size and the
/// theme. Applied to the page's root element (a CSS variable and a
/// `data-theme` attribute), remembered across restarts, changed by the
/// controls, by Ctrl+= / Ctrl+- / Ctrl+0 and by the desktop menu's window
/// events. Module state, not React state: the keys and the menu work on
/// every screen, and the look is set before the first render.

export type ThemeChoice = 'system' | 'light' | 'dark' | 'sepia';
export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'sepia', 'dark'];

/// The text sizes offered, in CSS pixels; 18 is the default.
export const fontSizes = [14, 15, 16, 17, 18, 20, 22, 24, 27, 30] as const;
export const defaultFontSize = 18;

export interface ReadingStyle {
  fontSize: number;
  theme: ThemeChoice;
}

const isTheme = (value: unknown): value is ThemeChoice => typeof value === 'string' && (themeChoices as readonly string[]).includes(value);
const isFontSize = (value: unknown): value is number => isNumber(value) && (fontSizes as readonly number[]).includes(value);

let current: ReadingStyle = { fontSize: defaultFontSize, theme: 'system' };
const listeners = new Set<() => void>();

/// The theme drawn: the one chosen, or the system's light or dark.
export function shownTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' | 'sepia' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/// The next size offered larger (+1) or smaller (-1) than `size`; the
/// largest or smallest stays where it is.
export function stepFontSize(size: number, step: 1 | -1): number {
  const next = step === 1 ? fontSizes.find((s) => s > size) : [...fontSizes].reverse().find((s) => s < size);
  return next ?? size;
}

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function apply(): void {
  const root = document.documentElement;
  root.dataset.theme = shownTheme(current.theme, systemDark());
  root.style.setProperty('--reader-font-size', `${current.fontSize}px`);
}

/// Changes the reading style, draws and remembers it.
export function setReadingStyle(change: Partial<ReadingStyle>): void {
  current = { ...current, ...change };
  writePreference('font-size', current.fontSize);
  writePreference('theme', current.theme);
  apply();
  for (const listener of listeners) listener();
}

export function readingStyle(): ReadingStyle {
  return current;
}

/// The reading style, for a control that shows and changes it.
export function useReadingStyle(): ReadingStyle {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

const fontCommands: Record<string, (size: number) => number> = {
  'font-larger': (size) => stepFontSize(size, 1),
  'font-smaller': (size) => stepFontSize(size, -1),
  'font-reset': () => defaultFontSize,
};

/// Reads the remembered style, draws it, and listens for the keys, the
/// menu's events and the system's light or dark. Called once, before the
/// app renders; returns what undoes it (for tests).
export function installReadingStyle(): () => void {
  current = { fontSize: readPreference('font-size', isFontSize, defaultFontSize), theme: readPreference('theme', isTheme, 'system') };
  apply();
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
    // Ctrl+= and Ctrl++ (Shift+= on most keyboards) enlarge, Ctrl+- shrinks, Ctrl+0 resets.
    const command =
      event.key === '=' || event.key === '+'
        ? 'font-larger'
        : event.key === '-' || event.key === '_'
          ? 'font-smaller'
          : event.key === '0'
            ? 'font-reset'
            : null;
    if (!command) return;
    // The browser would zoom the whole page instead.
    event.preventDefault();
    setReadingStyle({ fontSize: fontCommands[command]!(current.fontSize) });
  };
  const onMenu = (event: Event) => {
    const command = (event as CustomEvent<string>).detail;
    const step = fontCommands[command];
    if (step) setReadingStyle({ fontSize: step(current.fontSize) });
  };
  const scheme = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const onScheme = () => apply();
  window.addEventListener('keydown', onKey);
  window.addEventListener(menuEvent, onMenu);
  scheme?.addEventListener('change', onScheme);
  return () => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener(menuEvent, onMenu);
    scheme?.removeEventListener('change', onScheme);
  };
}
