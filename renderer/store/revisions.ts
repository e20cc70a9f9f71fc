import { type ReanchorStatus, type Reanchored, reanchorAnnotations } from '../../shared/annotation/reanchor';
import type { Annotation } from '../../shared/annotation/model';
import { type LibraryDocument, loadDocument } from '../../shared/corpus/document';
import * as rows from './annotation-rows';
import type { PalimpsestDb, ReviewRow, RevisionRow } from './db';
import { storageProblem } from './errors';
import { InvalidInput } from '../../shared/errors';

/// A new version of a document read and its annotations re-anchored, not yet
/// stored: what the revision preview shows.
export interface RevisionPlan {
  document: LibraryDocument;
  revision: Omit<RevisionRow, 'seq'>;
  results: Reanchored[];
  counts: Record<ReanchorStatus, number>;
}

/// Reads a revision of `current` and re-anchors its annotations onto it.
export async function planRevision(db: PalimpsestDb, current: LibraryDocument, fileName: string, source: string, now = new Date()): Promise<RevisionPlan> {
  const document = loadDocument(fileName, source, { id: current.id });
  if (document.fingerprint === current.fingerprint)
    throw new InvalidInput('$', `${fileName} has the same text as the version in the library: there is nothing to revise.`);
  const annotations = await rows.ofDocument(db, current.id);
  const results = reanchorAnnotations(annotations, { previous: current.text.text, text: document.text.text }, now.toISOString());
  const counts: Record<ReanchorStatus, number> = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) counts[r.status]++;
  return { document, results, counts, revision: { documentId: current.id, fileName, source, created: now.toISOString(), fingerprint: document.fingerprint } };
}

/// Stores a revision: the new text, the re-anchored annotations and a review
/// entry for each that moved, changed or was orphaned (taking off the list
/// an earlier orphan it finds in place), in one transaction.
export async function applyRevision(db: PalimpsestDb, plan: RevisionPlan): Promise<number> {
  try {
    return await db.transaction('rw', [db.revisions, ...rows.tables(db), db.reviews], async () => {
      const seq = (await db.revisions.add(plan.revision as RevisionRow)) as number;
      const changed = plan.results.filter((r) => r.after && r.after !== r.before).map((r) => r.after as Annotation);
      await rows.put(db, changed);
      const reviews: ReviewRow[] = plan.results
        .filter((r) => r.status !== 'unchanged')
        .map((r) => ({
          annotationId: r.before.id,
          documentId: plan.revision.documentId,
          revision: seq,
          status: r.status as ReviewRow['status'],
          oldQuote: r.before.quote.exact,
          newText: r.after?.quote.exact ?? null,
        }));
      await db.reviews.bulkPut(reviews);
      // An orphan of an earlier revision that this one finds again, as it
      // was (a revision putting its words back), is an orphan no longer.
      const found = plan.results.filter((r) => r.status === 'unchanged').map((r) => r.before.id);
      const stale = (await db.reviews.bulkGet(found)).filter((review) => review?.status === 'orphaned');
      await db.reviews.bulkDelete(stale.map((review) => review!.annotationId));
      return seq;
    });
  } catch (error) {
    throw new Error(storageProblem(error));
  }
}

/// Re-attaches an orphaned annotation to a passage of the current text.
export async function reattach(db: PalimpsestDb, annotation: Annotation, updated: Annotation): Promise<void> {
  await db.transaction('rw', [...rows.tables(db), db.reviews], async () => {
    await rows.put(db, [updated]);
    await db.reviews.delete(annotation.id);
  });
}
