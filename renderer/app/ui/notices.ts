import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notice } from '../context';

/// A notice on screen, with the id its close button dismisses.
export type ShownNotice = Notice & { id: number };

/// How long a result stays on screen.
export const infoMilliseconds = 8000;
/// Errors on screen at once: a new one beyond this drops the oldest.
export const maxErrors = 3;

/// The notices on screen after `notice` arrives: a result replaces the
/// result before it (one at a time, in one corner, never a pile over the
/// text); an error stays until dismissed, replacing only an earlier copy of
/// itself, and at most `maxErrors` are kept.
export function withNotice(list: readonly ShownNotice[], notice: ShownNotice): ShownNotice[] {
  if (notice.kind === 'info') return [...list.filter((n) => n.kind !== 'info'), notice];
  const errors = list.filter((n) => n.kind === 'error' && n.text !== notice.text);
  return [...errors.slice(-(maxErrors - 1)), notice, ...list.filter((n) => n.kind === 'info')];
}

/// The app's notices: what is shown, `notify` to add one, `dismiss` to close
/// one. A result closes itself after `infoMilliseconds`.
export function useNotices(): { notices: ShownNotice[]; notify: (notice: Notice) => void; dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: Notice) => {
      const id = next.current++;
      setNotices((list) => withNotice(list, { ...notice, id }));
      if (notice.kind === 'info') {
        const timer = setTimeout(() => {
          timers.current.delete(timer);
          dismiss(id);
        }, infoMilliseconds);
        timers.current.add(timer);
      }
    },
    [dismiss],
  );
  // Timers left when the app goes (or StrictMode's trial unmount) are dropped.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);
  return { notices, notify, dismiss };
}
