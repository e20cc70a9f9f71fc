import type { Joining } from './current';

/// How far a library has come joining its project: "Joining “FO 371”:
/// 312 of 1,000 documents", with a bar. Both libraries are merged a
/// document at a time; the app stays usable meanwhile.
export function JoiningLine({ joining }: { joining: Joining }) {
  const { name, done, total } = joining;
  return (
    <span className="sync-joining" data-testid="sync-joining">
      <progress max={Math.max(total, 1)} value={done} aria-label="Joining the shared project" />
      {total === 0 ? (
        // Counted before the first document: none yet, or none to join.
        <span>Joining “{name}”…</span>
      ) : (
        <span>
          Joining “{name}”: {done.toLocaleString('en')} of {total.toLocaleString('en')} {total === 1 ? 'document' : 'documents'}
        </span>
      )}
    </span>
  );
}
