import { z } from 'zod';
import { revisionText } from '../../shared/importers/revision-text';
import { method } from '../../shared/rpc/api';
import { Plans } from '../../shared/rpc/plans';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import { type RevisionPlan, applyRevision, planRevision } from '../store/revisions';
import { sourceOf } from '../store/document-source';
import type { ImportContext } from './import-context';
import { type Planned, type RevisionSummary, planRequest } from './import-protocol';

/// The revision worker's API: a new version of a document read and its
/// annotations re-anchored onto it (half a second for 10,000), then stored
/// when the researcher says so, under the plan's id.
export const revisionsApi = {
  /// Reads the new version's bytes (`revisionText`: UTF-8, else the
  /// encoding the document came in, else a detected one) and re-anchors the
  /// document's annotations onto it; writes nothing.
  preview: method<Planned<RevisionSummary>>()(
    z.strictObject({ documentId: z.string().min(1).max(200), fileName: z.string().min(1).max(1000), bytes: z.instanceof(ArrayBuffer) }),
  ),
  /// Stores the revision `planId` in one transaction; resolves with its number.
  apply: method<RevisionSummary>()(planRequest),
  /// Forgets the revision `planId` (the researcher cancelled).
  discard: method<null>()(planRequest),
};
export type RevisionsApi = typeof revisionsApi;

/// The handlers over `context`, holding each previewed revision until it
/// is applied or discarded.
export function revisionsHandlers(context: ImportContext): Handlers<RevisionsApi> {
  const plans = new Plans<RevisionPlan>('revision', 'store');
  return {
    async preview({ documentId, fileName, bytes }) {
      const current = (await sourceOf(await context.documents()).read([documentId])).get(documentId);
      if (!current) throw new RangeError(`There is no document ${documentId} in the library to revise.`);
      // A bundled document has no row, and came in as UTF-8.
      const stored = await context.db.documents.get(documentId);
      const read = revisionText(new Uint8Array(bytes), fileName, stored?.encoding?.name ?? null);
      const plan = await planRevision(context.db, current, fileName, read.text);
      return { ...revisionSummary(plan, null), encoding: read.encoding.name, warnings: read.warnings, planId: plans.add(plan) };
    },
    async apply({ planId }) {
      const plan = plans.take(planId);
      return revisionSummary(plan, await applyRevision(context.db, plan));
    },
    discard({ planId }) {
      plans.drop(planId);
      return null;
    },
  };
}

/// The counts of a revision plan, for the revision dialog and notice.
export function revisionSummary(plan: RevisionPlan, seq: number | null): RevisionSummary {
  return { documentId: plan.revision.documentId, fileName: plan.revision.fileName, counts: plan.counts, seq, encoding: null, warnings: [] };
}

/// The revision worker's server over `context`.
export function revisionsServer(context: ImportContext): Server {
  return createServer(revisionsApi, revisionsHandlers(context), 'revision worker');
}
