import { useEffect, useState } from 'react';
import { useServices } from '../../context';
import { JoinDialog } from './JoinDialog';
import { ShareDialog } from './ShareDialog';
import { setSession, useSyncState } from './current';
import './sync.css';

const words = {
  offline: 'offline — changes are kept here and sent when the server is reachable',
  connecting: 'connecting…',
  syncing: 'syncing',
  connected: 'connected',
  refused: 'refused by the server: the invitation is not valid there',
} as const;

/// The sharing status, at the left of the status row: Share… / Join… for a
/// library not shared; for a shared one its project, connection and the
/// number of local changes not yet on the server.
export function SyncBar() {
  const services = useServices();
  const state = useSyncState();
  const [dialog, setDialog] = useState<'share' | 'join' | null>(null);

  useEffect(() => {
    let live = true;
    void services.sync
      .resume((error) => services.notify({ kind: 'error', text: `Sharing stopped: ${error.message}` }))
      .then((session) => {
        if (live) setSession(session);
        else session?.close();
      });
    return () => {
      live = false;
      setSession(null);
    };
  }, [services]);

  return (
    <>
      <div className="sync-bar" role="status" data-testid="sync-status" data-status={state?.status ?? 'unshared'}>
        {state ? (
          <>
            <span className={`sync-dot sync-${state.status}`} aria-hidden="true" />
            <span>
              Shared: <strong>{state.project.name}</strong> · {words[state.status]}
              {state.pending > 0 && (
                <>
                  {' '}
                  · <span data-testid="sync-pending">{state.pending}</span> {state.pending === 1 ? 'item' : 'items'} changed here, not yet on the server
                </>
              )}
              {state.readOnly && (
                <span className="sync-read-only" data-testid="sync-read-only">
                  {' '}
                  · <strong>read only</strong>:{' '}
                  {state.localOnly > 0 ? (
                    <>
                      <span data-testid="sync-local-only">{state.localOnly}</span>{' '}
                      {state.localOnly === 1 ? 'item changed here stays' : 'items changed here stay'} on this machine only
                    </>
                  ) : (
                    'you see the project’s changes; yours stay on this machine'
                  )}
                </span>
              )}
            </span>
            <button type="button" data-testid="sync-share" onClick={() => setDialog('share')}>
              Share…
            </button>
          </>
        ) : (
          <>
            <span>Not shared</span>
            <button type="button" data-testid="sync-share" onClick={() => setDialog('share')}>
              Share…
            </button>
            <button type="button" data-testid="sync-join" onClick={() => setDialog('join')}>
              Join…
            </button>
          </>
        )}
      </div>
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinDialog onClose={() => setDialog(null)} />}
    </>
  );
}
