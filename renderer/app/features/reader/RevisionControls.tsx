import type { Planned, RevisionSummary } from '../../../work/import-protocol';
import { messageOf } from '../../../../shared/errors';
import { useServices } from '../../context';
import { RevisionDialog } from './RevisionDialog';

/// A previewed revision of the open document: applied (in the import
/// worker) or dropped. `onApplied` says whether it left annotations to review.
export function RevisionControls({
  plan,
  onClose,
  onApplied,
}: {
  plan: Planned<RevisionSummary>;
  onClose: () => void;
  onApplied: (toReview: boolean) => void;
}) {
  const services = useServices();
  return (
    <RevisionDialog
      plan={plan}
      onCancel={() => {
        onClose();
        void services.imports.revisions.discard({ planId: plan.planId });
      }}
      onApply={() => {
        onClose();
        services.imports.revisions
          .apply({ planId: plan.planId })
          .then(({ fileName, counts }) => {
            // Undo cannot step back over a text that changed under its steps.
            services.annotations.history.clear();
            onApplied(counts.moved + counts.fuzzy + counts.orphaned > 0);
            services.notify({
              kind: 'info',
              text: `Revision ${fileName} imported: ${counts.unchanged} unchanged, ${counts.moved} moved, ${counts.fuzzy} changed, ${counts.orphaned} to re-attach.`,
            });
          })
          .catch((error: unknown) => services.notify({ kind: 'error', text: `The revision was not imported: ${messageOf(error)}` }));
      }}
    />
  );
}
