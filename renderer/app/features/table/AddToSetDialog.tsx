import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AnnotationSet } from '../../../../shared/sets/model';
import { messageOf } from '../../../../shared/errors';

const newSet = '';

/// Chooses the set to add the selected annotations to: one of the sets, or
/// a new one named here.
export function AddToSetDialog({
  count,
  sets,
  onAdd,
  onClose,
}: {
  count: number;
  sets: readonly AnnotationSet[];
  onAdd: (target: { setId: string } | { name: string }) => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState(sets[0]?.id ?? newSet);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const creating = choice === newSet;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    onAdd(creating ? { name } : { setId: choice })
      .then(onClose)
      .catch((error: unknown) => {
        setProblem(messageOf(error));
        setBusy(false);
      });
  };
  const what = `${count.toLocaleString('en')} annotation${count === 1 ? '' : 's'}`;

  return (
    <dialog ref={dialog} className="dialog t-dialog" aria-labelledby="add-to-set-title" onClose={onClose} data-testid="add-to-set-dialog">
      <form onSubmit={submit}>
        <h2 id="add-to-set-title">Add {what} to a set</h2>
        <p className="hint">A set gathers passages from any documents for one argument or chapter. Those already in the set stay where they are.</p>
        <label className="t-dialog-field">
          <span>Set</span>
          <select data-testid="add-to-set-choice" value={choice} onChange={(event) => setChoice(event.target.value)}>
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name} ({set.annotationIds.length.toLocaleString('en')})
              </option>
            ))}
            <option value={newSet}>A new set…</option>
          </select>
        </label>
        {creating && (
          <label className="t-dialog-field">
            <span>Name</span>
            <input
              data-testid="add-to-set-name"
              autoFocus
              required
              placeholder="Chapter 3: the break with Moscow"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
        )}
        {problem && (
          <p className="t-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="add-to-set-confirm" disabled={busy || (creating && !name.trim())}>
            {creating ? `Create and add ${what}` : `Add ${what}`}
          </button>
        </div>
      </form>
    </dialog>
  );
}
