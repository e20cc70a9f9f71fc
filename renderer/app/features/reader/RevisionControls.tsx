import type { Planned, RevisionSummary } from '../../../work/import-protocol';
import { messageOf } from '../../../../shared/errors';
import { useServices } from '../../context';
import { RevisionDialog } from './RevisionDialog';
import { applyRevisionAs } from './revision-apply';

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
        applyRevisionAs(services, plan)
          .then(onApplied)
          .catch((error: unknown) => services.notify({ kind: 'error', text: `The revision was not imported: ${messageOf(error)}` }));
      }}
    />
  );
}
