import { useRef, useState } from 'react';
import { identity, setDisplayName } from '../../../sync/identity';
import { readInvitation } from '../../../sync/invitation';
import { useServices } from '../../context';
import { Dialog, FormFoot } from '../../ui/Dialog';
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
    <Dialog ref={dialog} title="Join a shared project" className="sync-form" onClose={onClose} testId="join-dialog">
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
        <FormFoot problem={problem} busy={busy} label="Join" testId="join-confirm" onCancel={() => dialog.current?.close()} />
      </form>
    </Dialog>
  );
}
