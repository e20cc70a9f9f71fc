import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import { isNumber, readPreference, writePreference } from './preferences';

/// The annotation panel's width: 380 px to begin with, remembered.
export const defaultPanelWidth = 380;
const minWidth = 260;
const keyStep = 24;

/// The widest the panel may be in a window `windowWidth` wide: the text
/// keeps at least 40% of it.
export function maxPanelWidth(windowWidth: number): number {
  return Math.max(minWidth, Math.round(windowWidth * 0.6));
}

/// `width` within what the panel may be.
export function clampPanelWidth(width: number, windowWidth: number): number {
  return Math.round(Math.min(maxPanelWidth(windowWidth), Math.max(minWidth, width)));
}

function draw(width: number): void {
  document.documentElement.style.setProperty('--panel-width', `${width}px`);
}

/// The handle between the text and the annotation panel: dragged with the
/// mouse, or focused and moved with the arrow keys (Home and End for the
/// narrowest and widest; Enter back to the usual width). A separator in
/// the ARIA sense, with its value the panel's width.
export function PanelResizer() {
  const [width, setWidth] = useState(() => clampPanelWidth(readPreference('panel-width', isNumber, defaultPanelWidth), window.innerWidth));
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  useEffect(() => draw(width), [width]);

  const change = (next: number) => {
    const clamped = clampPanelWidth(next, window.innerWidth);
    setWidth(clamped);
    writePreference('panel-width', clamped);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // The panel is on the right: moving the handle left widens it.
    setWidth(clampPanelWidth(drag.current.startWidth + drag.current.startX - event.clientX, window.innerWidth));
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    change(width);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft'
        ? width + keyStep
        : event.key === 'ArrowRight'
          ? width - keyStep
          : event.key === 'Home'
            ? minWidth
            : event.key === 'End'
              ? maxPanelWidth(window.innerWidth)
              : event.key === 'Enter'
                ? defaultPanelWidth
                : null;
    if (next === null) return;
    event.preventDefault();
    change(next);
  };

  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the annotation panel: drag, or use the left and right arrow keys"
      aria-valuenow={width}
      aria-valuemin={minWidth}
      aria-valuemax={maxPanelWidth(window.innerWidth)}
      tabIndex={0}
      title="Drag to widen or narrow the annotation panel (or focus and press ← →)"
      data-testid="panel-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
