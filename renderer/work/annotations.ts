import { z } from 'zod';
import type { IncomingBatch } from '../../shared/format/incoming';
import { sniffAnnotationFile } from '../../shared/format/sniff';
import { method } from '../../shared/rpc/api';
import { Plans } from '../../shared/rpc/plans';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import { type QdpxPreview, applyQdpx, previewQdpx } from '../store/qdpx-import';
import { applyImport, previewImport } from '../store/transfer';
import type { ImportContext } from './import-context';
import { type ImportSummary, type Planned, type QdpxSummary, planRequest, summarize, summarizeQdpx } from './import-protocol';

/// The annotation-import worker's API: an annotation file (Palimpsest or
/// W3C JSON, or a REFI-QDA project) read and planned against the library,
/// then written when the researcher says so, under the plan's id.
export const annotationsApi = {
  /// Does nothing but answer: asked while the file dialog is open, so the
  /// worker (its code, the schema, the anchoring tables) is started before
  /// the file comes, not after.
  ready: method<null>()(z.strictObject({})),
  /// Reads and plans a file, its kind told from its bytes; writes nothing.
  /// Rejects with an ImportError naming what is wrong with a bad file.
  preview: method<Planned<ImportSummary> | Planned<QdpxSummary>>()(z.strictObject({ fileName: z.string().min(1).max(1000), bytes: z.instanceof(ArrayBuffer) })),
  /// Writes the plan `planId`, all or nothing, reporting progress.
  apply: method<ImportSummary | QdpxSummary>()(planRequest),
  /// Forgets the plan `planId` (the researcher cancelled).
  discard: method<null>()(planRequest),
};
export type AnnotationsApi = typeof annotationsApi;

// A previewed file: the batch read from JSON, or the project read from a zip.
type AnnotationPlan = { kind: 'json'; fileName: string; batch: IncomingBatch } | { kind: 'qdpx'; preview: QdpxPreview };

/// The handlers over `context`. The worker holds each previewed file until
/// it is applied or discarded, so the file crosses from the page once; the
/// library is planned again at apply, as it is at that moment.
export function annotationsHandlers(context: ImportContext): Handlers<AnnotationsApi> {
  const plans = new Plans<AnnotationPlan>('file', 'import');
  return {
    ready() {
      return null;
    },
    async preview({ fileName, bytes }) {
      const file = sniffAnnotationFile(fileName, new Uint8Array(bytes));
      if (file.kind === 'qdpx') {
        const preview = await previewQdpx(context.db, await context.documents(), fileName, file.bytes);
        return { ...summarizeQdpx(preview, preview.plan, preview.counts), planId: plans.add({ kind: 'qdpx', preview }) };
      }
      const { batch, plan, carried } = await previewImport(context.db, await context.documents(), file.text);
      return { ...summarize(fileName, batch, plan, carried), planId: plans.add({ kind: 'json', fileName, batch }) };
    },
    async apply({ planId }, { progress }) {
      const planned = plans.take(planId);
      if (planned.kind === 'qdpx') {
        const { preview } = planned;
        const { plan, counts } = await applyQdpx(context.db, await context.documents(), preview, new Date(), progress);
        return summarizeQdpx(preview, plan, counts);
      }
      const plan = await applyImport(context.db, await context.documents(), planned.batch, progress);
      return summarize(planned.fileName, planned.batch, plan, plan.carried);
    },
    discard({ planId }) {
      plans.drop(planId);
      return null;
    },
  };
}

/// The annotation-import worker's server over `context`.
export function annotationsServer(context: ImportContext): Server {
  return createServer(annotationsApi, annotationsHandlers(context), 'annotation import worker');
}
