import { type LibraryDocument, loadDocument } from '../../shared/corpus/document';
import type { PalimpsestDb, ReviewRow, RevisionRow } from '../store/db';

/// A passage the latest revision moved, changed or orphaned, as listed.
export type { ReviewRow };

/// A revision of a document as the version menu lists it.
export type RevisionHead = Pick<RevisionRow, 'seq' | 'documentId' | 'fileName' | 'created'>;

/// A document's revisions and the review list the latest one left:
/// annotations moved, changed or orphaned, to look at.
export class ReviewsRepository {
  constructor(private readonly db: PalimpsestDb) {}

  /// The review list of a document.
  ofDocument(documentId: string): Promise<ReviewRow[]> {
    return this.db.reviews.where('documentId').equals(documentId).toArray();
  }

  /// Takes an entry off the review list: the researcher has looked at it.
  async dismiss(annotationId: string): Promise<void> {
    await this.db.reviews.delete(annotationId);
  }

  /// A document's revisions, oldest first, without their texts.
  async revisionsOf(documentId: string): Promise<RevisionHead[]> {
    const heads: RevisionHead[] = [];
    await this.db.revisions
      .where('documentId')
      .equals(documentId)
      .each(({ seq, fileName, created }) => {
        heads.push({ seq, documentId, fileName, created });
      });
    return heads.sort((a, b) => a.seq - b.seq);
  }

  /// A document as one of its revisions read it, for comparison; `undefined`
  /// when there is no such revision.
  async revisionText(documentId: string, seq: number): Promise<LibraryDocument | undefined> {
    const row = await this.db.revisions.get(seq);
    return row && row.documentId === documentId ? loadDocument(row.fileName, row.source, { id: documentId }) : undefined;
  }
}
