import { useRef, useState } from 'react';
import { identity, setDisplayName } from '../../../sync/identity';
import { type Invitation, canEdit, invitationCode, tokenFor } from '../../../sync/invitation';
import { useServices } from '../../context';
import { Dialog, FormFoot } from '../../ui/Dialog';
import { InvitationCode } from './InvitationCode';
import { currentSession, setSession, useSyncState } from './current';

const reviewKey = 'palimpsest.sync.review-invitation';

/// Shares this library as a project on a sync server: the server's address
/// and key (from whoever runs it) make two invitation codes, one to edit
/// and one to read only. For a library already shared, the codes again.
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const state = useSyncState();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(identity().name ?? '');
  const [project, setProject] = useState('');
  const [server, setServer] = useState('ws://127.0.0.1:1234');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const share = async () => {
    setProblem(null);
    if (name.trim() === '') return setProblem('Give the name your colleagues will see on your annotations.');
    if (project.trim() === '') return setProblem('Give the project a name.');
    if (!/^wss?:\/\/\S+$/.test(server.trim())) return setProblem('The server address starts with ws:// or wss://, as whoever runs the server gave it.');
    if (key.length < 16) return setProblem('The server key is the one its operator set (at least 16 characters).');
    setBusy(true);
    try {
      setDisplayName(name);
      const id = `${
        project
          .trim()
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 40) || 'project'
      }-${crypto.randomUUID().slice(0, 8)}`;
      const invitation: Invitation = { server: server.trim(), project: id, token: await tokenFor(key, id, 'edit'), name: project.trim() };
      localStorage.setItem(reviewKey, invitationCode({ ...invitation, token: await tokenFor(key, id, 'read') }));
      const session = await services.sync.begin(invitation, (error) => services.notify({ kind: 'error', text: `Sharing stopped: ${error.message}` }));
      setSession(session);
      services.notify({ kind: 'info', text: `This library is now shared as “${invitation.name}”.` });
    } catch (error) {
      setProblem(`The library was not shared: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog ref={dialog} title="Share this library" className="sync-form" onClose={onClose} testId="share-dialog">
      {state ? (
        <>
          <p>
            Shared as <strong>{state.project.name}</strong> on {state.project.server}. Send a colleague an invitation; they choose <em>Join…</em> and paste it.
          </p>
          {canEdit(state.project) && <InvitationCode label="Invitation to edit" code={invitationCode(state.project)} testId="invite-edit" />}
          {localStorage.getItem(reviewKey) && (
            <InvitationCode
              label="Invitation to read only (reviewers: the server refuses their changes)"
              code={localStorage.getItem(reviewKey)!}
              testId="invite-read"
            />
          )}
          <p className="hint">Your changes are kept on this machine first and sent whenever the server is reachable; nothing waits for the network.</p>
          <div className="dialog-actions">
            <button
              type="button"
              data-testid="sync-leave"
              onClick={() => {
                void currentSession()
                  ?.leave()
                  .then(() => {
                    setSession(null);
                    localStorage.removeItem(reviewKey);
                    dialog.current?.close();
                  });
              }}
            >
              Stop sharing on this machine
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void share();
          }}
        >
          <p className="hint">
            The whole library — documents, annotations, links, actors, sets, tag and relation types — becomes a project on a sync server your team runs (
            <code>npm run server</code>). Everyone keeps working offline; changes merge when machines meet the server.
          </p>
          <label>
            Your name, as colleagues will see it
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="share-name" />
          </label>
          <label>
            Project name
            <input value={project} onChange={(e) => setProject(e.target.value)} data-testid="share-project" placeholder="FO 371: Albania, 1961–62" />
          </label>
          <label>
            Server address
            <input value={server} onChange={(e) => setServer(e.target.value)} data-testid="share-server" />
          </label>
          <label>
            Server key
            <input type="password" value={key} onChange={(e) => setKey(e.target.value)} data-testid="share-key" />
          </label>
          <FormFoot problem={problem} busy={busy} label="Share" testId="share-confirm" onCancel={() => dialog.current?.close()} />
        </form>
      )}
    </Dialog>
  );
}
