import type { AppServices } from '../context';

/// A stand-in for the parts of the app's services a screen's action
/// touches: an undo history holding an edit made before the action, the
/// notices shown, and whatever `parts` adds (a store's method, say).
export function servicesWith(parts: Record<string, unknown>): {
  services: AppServices;
  history: { canUndo: boolean; clear(): void };
  notices: string[];
} {
  const history = {
    canUndo: true,
    clear() {
      this.canUndo = false;
    },
  };
  const notices: string[] = [];
  const services = {
    annotations: { history },
    notify: (notice: { text: string }) => notices.push(notice.text),
    ...parts,
  } as unknown as AppServices;
  return { services, history, notices };
}
