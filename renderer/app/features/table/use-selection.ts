import { useCallback, useMemo, useRef, useState } from 'react';
import type { AnnotationRow } from '../../../../shared/table/rows';

/// Rows chosen for a bulk action. Only rows the table shows count as
/// selected: a row the filter hides is never acted on unseen, and is
/// selected again when the filter shows it once more.
export function useSelection(shown: readonly AnnotationRow[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // The row clicked last without Shift: a Shift+click selects from it.
  const anchor = useRef<string | null>(null);

  const selected = useMemo(() => shown.filter((row) => chosen.has(row.annotationId)), [shown, chosen]);

  /// Toggles a row; with `range`, sets every row from the last one clicked
  /// to this one as this one is set.
  const toggle = useCallback(
    (id: string, range: boolean) => {
      const on = !chosen.has(id);
      const to = shown.findIndex((row) => row.annotationId === id);
      const from = range && anchor.current !== null ? shown.findIndex((row) => row.annotationId === anchor.current) : -1;
      const ids = from >= 0 && to >= 0 ? shown.slice(Math.min(from, to), Math.max(from, to) + 1).map((row) => row.annotationId) : [id];
      const next = new Set(chosen);
      for (const each of ids) {
        if (on) next.add(each);
        else next.delete(each);
      }
      setChosen(next);
      if (!range) anchor.current = id;
    },
    [chosen, shown],
  );

  /// Selects every row shown, or, when all are, none of them.
  const toggleAll = useCallback(() => {
    const next = new Set(chosen);
    const all = shown.length > 0 && shown.every((row) => chosen.has(row.annotationId));
    for (const row of shown) {
      if (all) next.delete(row.annotationId);
      else next.add(row.annotationId);
    }
    setChosen(next);
  }, [chosen, shown]);

  const clear = useCallback(() => setChosen(new Set()), []);

  return { chosen, selected, toggle, toggleAll, clear };
}
