import type { Notice } from './context';

/// Messages about what just happened: results quietly, errors as alerts that
/// stay until dismissed.
export function Notices({ notices, onDismiss }: { notices: (Notice & { id: number })[]; onDismiss: (id: number) => void }) {
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${notice.kind}`}>
          <span>{notice.text}</span>
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
