import { useEffect, useRef, useState } from 'react';
import { type ThemeChoice, defaultFontSize, fontSizes, setReadingStyle, stepFontSize, themeChoices, useReadingStyle } from './reading-style';

const themeNames: Record<ThemeChoice, string> = { system: 'Theme: as the system', light: 'Light', sepia: 'Sepia', dark: 'Dark' };

/// "Aa": the reading controls behind one button, for a bar with little
/// room (the reader's), opening below it; Escape or a click elsewhere
/// closes them.
export function ReadingMenu() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <span className="reading-menu" ref={box}>
      <button
        type="button"
        className="reading-menu-button"
        data-testid="reading-menu"
        aria-expanded={open}
        title="Text size and theme"
        onClick={() => setOpen((o) => !o)}
      >
        Aa
      </button>
      {open && (
        <span className="reading-menu-popup" data-testid="reading-menu-popup">
          <ReadingControls />
        </span>
      )}
    </span>
  );
}

/// The text size (smaller, the size, larger) and the theme, as compact
/// controls for a screen's bar. The keys do the same: Ctrl+- / Ctrl+= /
/// Ctrl+0.
export function ReadingControls() {
  const style = useReadingStyle();
  return (
    <span className="reading-controls" role="group" aria-label="Reading: text size and theme">
      <button
        type="button"
        className="font-step"
        data-testid="font-smaller"
        title="Smaller text (Ctrl+-)"
        aria-label="Smaller text"
        disabled={style.fontSize <= fontSizes[0]}
        onClick={() => setReadingStyle({ fontSize: stepFontSize(style.fontSize, -1) })}
      >
        A−
      </button>
      <button
        type="button"
        className="font-size"
        data-testid="font-size"
        title="The text’s size; click for the usual size (Ctrl+0)"
        aria-label={`Text size ${style.fontSize} pixels; reset`}
        onClick={() => setReadingStyle({ fontSize: defaultFontSize })}
      >
        {Math.round((style.fontSize / defaultFontSize) * 100)}%
      </button>
      <button
        type="button"
        className="font-step"
        data-testid="font-larger"
        title="Larger text (Ctrl+=)"
        aria-label="Larger text"
        disabled={style.fontSize >= fontSizes[fontSizes.length - 1]!}
        onClick={() => setReadingStyle({ fontSize: stepFontSize(style.fontSize, 1) })}
      >
        A+
      </button>
      <select
        className="theme-select"
        data-testid="theme"
        aria-label="Theme"
        value={style.theme}
        onChange={(event) => setReadingStyle({ theme: event.target.value as ThemeChoice })}
      >
        {themeChoices.map((choice) => (
          <option key={choice} value={choice}>
            {themeNames[choice]}
          </option>
        ))}
      </select>
    </span>
  );
}
