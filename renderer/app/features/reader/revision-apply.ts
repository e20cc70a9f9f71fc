import type { Planned, RevisionSummary } from '../../../work/import-protocol';
import type { AppServices } from '../../context';

/// Stores a previewed revision (in the revisions worker) and says what it
/// did. Resolves to whether it left annotations to review; rejects, with
/// nothing changed, when it was not stored.
///
/// The undo history goes: its steps name places in a text that changed
/// under them. A backup is scheduled here, since the worker's writes pass
/// the page's change hooks by, and a revision that moves no annotation
/// changes nothing else the backups watch.
export async function applyRevisionAs(
  services: Pick<AppServices, 'imports' | 'annotations' | 'backups' | 'notify'>,
  plan: Planned<RevisionSummary>,
): Promise<boolean> {
  const { fileName, counts } = await services.imports.revisions.apply({ planId: plan.planId });
  services.annotations.history.clear();
  services.backups.touch();
  services.notify({
    kind: 'info',
    text: `Revision ${fileName} imported: ${counts.unchanged} unchanged, ${counts.moved} moved, ${counts.fuzzy} changed, ${counts.orphaned} to re-attach.`,
  });
  return counts.moved + counts.fuzzy + counts.orphaned > 0;
}
