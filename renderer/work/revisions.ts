import { z } from 'zod';
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
  /// Reads the new version and re-anchors the document's annotations onto
  /// it; writes nothing.
  preview: method<Planned<RevisionSummary>>()(
    z.strictObject({ documentId: z.string().min(1).max(200), fileName: z.string().min(1).max(1000), source: z.string() }),
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
    async preview({ documentId, fileName, source }) {
      const current = (await sourceOf(await context.documents()).read([documentId])).get(documentId);
      if (!current) throw new RangeError(`There is no document ${documentId} in the library to revise.`);
      const plan = await planRevision(context.db, current, fileName, source);
      return { ...revisionSummary(plan, null), planId: plans.add(plan) };
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
  return { documentId: plan.revision.documentId, fileName: plan.revision.fileName, counts: plan.counts, seq };
}

/// The revision worker's server over `context`.
export function revisionsServer(context: ImportContext): Server {
  return createServer(revisionsApi, revisionsHandlers(context), 'revision worker');
}
