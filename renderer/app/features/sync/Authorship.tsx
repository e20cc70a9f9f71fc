import type { Annotation } from '../../../../shared/annotation/model';
import { formatMoment } from '../../../../shared/corpus/times';
import { historyOf } from '../../../../shared/sync/mapping';
import type { Authorship as Fields, HistoryEntry } from '../../../../shared/sync/model';
import { currentSession, useSyncState } from './current';

const when = (at: string) => formatMoment(at);

/// Who made an annotation of a shared project and who last changed it,
/// that it was kept after someone deleted it while another edited it, and
/// its history (who changed what, when). Nothing for a library not shared.
export function Authorship({ annotation }: { annotation: Annotation }) {
  const state = useSyncState();
  const { createdBy, modifiedBy, keptAfterDelete } = annotation as Annotation & Partial<Fields>;
  // A read-only member's own annotation never reaches the project.
  if (!createdBy && state?.readOnly)
    return (
      <div className="annotation-authorship" data-testid="entry-authorship">
        <span className="local-only">Only on this machine: the project is read only for you</span>
      </div>
    );
  if (!createdBy) return null;
  const doc = state ? currentSession()?.doc : undefined;
  const history: HistoryEntry[] = doc ? historyOf(doc, 'annotations', annotation.id) : [];
  return (
    <div className="annotation-authorship" data-testid="entry-authorship">
      <span>
        by {createdBy.name}
        {modifiedBy && modifiedBy.id !== createdBy.id && <> · last changed by {modifiedBy.name}</>}
      </span>
      {keptAfterDelete && (
        <p className="kept-after-delete" data-testid="entry-kept">
          {keptAfterDelete.by.name} deleted this on {when(keptAfterDelete.at)} while it was being edited elsewhere; the edited annotation was kept.
        </p>
      )}
      {history.length > 0 && (
        <details>
          <summary>History</summary>
          <ol className="annotation-history" data-testid="entry-history">
            {history.map((entry, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: history lines are only ever appended
              <li key={i}>
                {when(entry.at)} · {entry.by.name}:{' '}
                {entry.kind === 'create' ? 'made it' : entry.kind === 'delete' ? 'deleted it' : `changed ${entry.fields.join(', ')}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
