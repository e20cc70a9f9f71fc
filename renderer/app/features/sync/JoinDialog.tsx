import { useEffect, useRef, useState } from 'react';
import { identity, setDisplayName } from '../../../sync/identity';
import { readInvitation } from '../../../sync/invitation';
import { useServices } from '../../context';
import { setSession } from './current';

/// Joins a project a colleague shared: their invitation code, and the name
/// this machine's annotations will carry. The library here joins the
/// project: what it holds is added, nothing is removed.
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(identity().name ?? '');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => dialog.current?.showModal(), []);

  const join = async () => {
    setProblem(null);
    if (name.trim() === '') return setProblem('Give the name your colleagues will see on your annotations.');
    let invitation: ReturnType<typeof readInvitation>;
    try {
      invitation = readInvitation(code);
    } catch (error) {
      return setProblem((error as Error).message);
    }
    setBusy(true);
    try {
      setDisplayName(name);
      const session = await services.sync.begin(invitation, (error) => services.notify({ kind: 'error', text: `Sharing stopped: ${error.message}` }));
      setSession(session);
      services.notify({ kind: 'info', text: `Joined “${invitation.name}”${invitation.token.startsWith('read.') ? ', to read only' : ''}.` });
      dialog.current?.close();
    } catch (error) {
      setProblem(`Not joined: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog sync-form" aria-labelledby="join-title" onClose={onClose} data-testid="join-dialog">
      <h2 id="join-title">Join a shared project</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <label>
          Your name, as colleagues will see it
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="join-name" />
        </label>
        <label>
          Invitation code
          <textarea className="sync-code" rows={3} value={code} onChange={(e) => setCode(e.target.value)} data-testid="join-code" />
        </label>
        {problem && (
          <p role="alert" className="confirm">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy} data-testid="join-confirm">
            Join
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
