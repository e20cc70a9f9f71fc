import { useSyncExternalStore } from 'react';
import type { SyncSession, SyncState } from '../../../sync/session';

// The one open shared project, if any, for every part of the UI.
let session: SyncSession | null = null;
let state: SyncState | null = null;
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

/// Makes `next` the open project (or none), closing the one before.
export function setSession(next: SyncSession | null): void {
  unsubscribe?.();
  if (session && session !== next) session.close();
  session = next;
  state = next?.current ?? null;
  unsubscribe = next
    ? next.subscribe((s) => {
        state = s;
        for (const listener of listeners) listener();
      })
    : null;
  for (const listener of listeners) listener();
}

export function currentSession(): SyncSession | null {
  return session;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/// The open project's state, re-rendering on each change; `null` when the
/// library is not shared.
export function useSyncState(): SyncState | null {
  return useSyncExternalStore(subscribe, () => state);
}
