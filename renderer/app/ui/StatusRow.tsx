import type { ReactNode } from 'react';
import './status-row.css';

/// The row along the foot of the window, as a desktop tool's status bar:
/// `start` (the sharing status and its actions) at its left, `end` (the
/// notices) at its right. It is part of the layout, under every screen,
/// so nothing in it covers a screen's last line or a row's buttons; a
/// long notice makes it taller and the screen above it shorter.
export function StatusRow({ start, end }: { start: ReactNode; end: ReactNode }) {
  return (
    <footer className="status-row" data-testid="status-row">
      <div className="status-row-start">{start}</div>
      <div className="status-row-end">{end}</div>
    </footer>
  );
}
