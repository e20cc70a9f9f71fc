import type { ShownNotice } from './notices';
import './notices.css';

/// The one notice area, at the right of the status row, under the screen:
/// the latest result quietly (it closes itself), errors as alerts that stay
/// until dismissed. See notices.ts for which replaces which.
export function Notices({ notices, onDismiss }: { notices: readonly ShownNotice[]; onDismiss: (id: number) => void }) {
  return (
    <div className="notices" data-testid="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${notice.kind}`}
        >
          <span>{notice.text}</span>
          <button type="button" className="notice-close" aria-label="Dismiss" title="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
