import { useCallback, useMemo, useRef, useState } from 'react';
import type { RowList } from '../../../../shared/table/model';

/// Rows chosen for a bulk action. Only rows the table shows count as
/// selected: a row the filter hides is never acted on unseen, and is
/// selected again when the filter shows it once more. Rows are known by
/// their ids: a million shown rows are never made into objects for it.
export function useSelection(shown: RowList) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // The row clicked last without Shift: a Shift+click selects from it.
  const anchor = useRef<string | null>(null);

  /// The ids of the rows shown and chosen, in the table's order.
  const selected = useMemo(() => {
    const ids: string[] = [];
    if (chosen.size) for (let k = 0; k < shown.length; k++) if (chosen.has(shown.id(k))) ids.push(shown.id(k));
    return ids;
  }, [shown, chosen]);

  /// Toggles a row; with `range`, sets every row from the last one clicked
  /// to this one as this one is set.
  const toggle = useCallback(
    (id: string, range: boolean) => {
      const on = !chosen.has(id);
      const to = indexOf(shown, id);
      const from = range && anchor.current !== null ? indexOf(shown, anchor.current) : -1;
      const next = new Set(chosen);
      const set = (each: string) => (on ? next.add(each) : next.delete(each));
      if (from >= 0 && to >= 0) for (let k = Math.min(from, to); k <= Math.max(from, to); k++) set(shown.id(k));
      else set(id);
      setChosen(next);
      if (!range) anchor.current = id;
    },
    [chosen, shown],
  );

  /// Selects every row shown, or, when all are, none of them.
  const toggleAll = useCallback(() => {
    const next = new Set(chosen);
    let all = shown.length > 0;
    for (let k = 0; all && k < shown.length; k++) all = chosen.has(shown.id(k));
    for (let k = 0; k < shown.length; k++) {
      if (all) next.delete(shown.id(k));
      else next.add(shown.id(k));
    }
    setChosen(next);
  }, [chosen, shown]);

  const clear = useCallback(() => setChosen(new Set()), []);

  return { chosen, selected, toggle, toggleAll, clear };
}

function indexOf(shown: RowList, id: string): number {
  for (let k = 0; k < shown.length; k++) if (shown.id(k) === id) return k;
  return -1;
}
