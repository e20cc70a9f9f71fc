import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import './menu-button.css';

/// One choice of a `MenuButton`'s menu: what it is called, and on a second,
/// smaller line what it takes.
export interface MenuChoice {
  /// Names the choice to React; unique in its menu.
  key: string;
  label: string;
  detail?: string;
  testId?: string;
  /// Shown and reachable by the keys, but choosing it does nothing (an
  /// import is running); `title` says why.
  disabled?: boolean;
  title?: string;
  onChoose: () => void;
}

/// A button that opens a menu of choices below it, as the WAI-ARIA menu
/// button pattern has it: Enter, Space or ↓ opens it on the first choice
/// (↑ on the last), ↑ ↓ Home End, a choice's first letter and the pointer
/// move, Enter chooses, Escape closes it back onto the button, and Tab, or a click
/// anywhere else, closes it. Hand-written: the app has no UI component
/// library, and one menu of three choices did not seem worth bringing one in.
export function MenuButton({ label, testId, title, choices }: { label: ReactNode; testId?: string; title?: string; choices: readonly MenuChoice[] }) {
  // Which choice takes the focus when the menu opens, or null when closed.
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const box = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  if (choices.length === 0) throw new RangeError('A menu button needs at least one choice to offer.');
  const items = () => itemsOf(menu.current);
  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (open === null) return;
    const all = itemsOf(menu.current);
    (open === 'first' ? all[0] : all[all.length - 1])?.focus();
    const onDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(null);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    // Enter and Space click the button, which opens the menu.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab' && event.shiftKey) close(true);
    else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // The next choice whose label begins with the letter typed.
      const letter = event.key.toLocaleLowerCase();
      const next = [...all.slice(at + 1), ...all.slice(0, at + 1)].find((item) => item.dataset.letter === letter);
      next?.focus();
    } else return;
    // A Tab forward goes on to the next control; the blur closes the menu.
    event.preventDefault();
    // The screen's own keys (Escape, ?, the digits) must not act as well.
    event.stopPropagation();
  };

  return (
    <span className="menu-button" ref={box}>
      <button
        type="button"
        ref={button}
        id={`${id}-button`}
        data-testid={testId}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open !== null ? `${id}-menu` : undefined}
        onClick={() => setOpen((o) => (o === null ? 'first' : null))}
        onKeyDown={onButtonKey}
      >
        {label}
        <span className="menu-button-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open !== null && (
        <div
          className="menu"
          role="menu"
          id={`${id}-menu`}
          ref={menu}
          aria-labelledby={`${id}-button`}
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            // Focus gone elsewhere (Tab, a click on another control); onto
            // the button itself, its own click decides.
            const to = event.relatedTarget as Node | null;
            if (to && !menu.current?.contains(to) && to !== button.current) close(false);
          }}
        >
          {choices.map((choice) => (
            <button
              type="button"
              key={choice.key}
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              data-testid={choice.testId}
              data-letter={choice.label.charAt(0).toLocaleLowerCase()}
              aria-disabled={choice.disabled || undefined}
              title={choice.title}
              aria-labelledby={`${id}-${choice.key}`}
              aria-describedby={choice.detail ? `${id}-${choice.key}-detail` : undefined}
              // The pointer takes the focus along, so that one choice is
              // lit, not the one hovered and another focused, and the
              // arrows go on from where the mouse is.
              onPointerMove={(event) => {
                if (document.activeElement !== event.currentTarget) event.currentTarget.focus();
              }}
              onClick={() => {
                if (choice.disabled) return;
                close(true);
                choice.onChoose();
              }}
            >
              <span className="menu-item-label" id={`${id}-${choice.key}`}>
                {choice.label}
              </span>
              {choice.detail && (
                <span className="menu-item-detail" id={`${id}-${choice.key}-detail`}>
                  {choice.detail}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

/// A menu's choices, in order.
function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
}
