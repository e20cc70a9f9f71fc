import { useRef, useState } from 'react';

/// An invitation code shown whole (it wraps; the field grows to hold it),
/// with a Copy button, so nobody copies half of one from a scrolled box.
export function InvitationCode({ label, code, testId }: { label: string; code: string; testId: string }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('copied');
    } catch {
      // No clipboard permission (an insecure page): leave it selected, to copy by hand.
      field.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="sync-invitation">
      <label>
        {label}
        <textarea ref={field} className="sync-code" readOnly rows={5} value={code} data-testid={testId} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <div className="sync-copy">
        <button type="button" data-testid={`${testId}-copy`} onClick={() => void copy()}>
          Copy
        </button>
        <span role="status">{copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}</span>
      </div>
    </div>
  );
}
