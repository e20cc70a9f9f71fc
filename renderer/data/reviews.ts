import { type LibraryDocument, loadDocument } from '../../shared/corpus/document';
import type { PalimpsestDb, ReviewRow, RevisionRow } from '../store/db';
import { documentOf } from '../store/documents';

/// A researcher's document as it was imported, before any revision: its
/// text, and the name of the file it came from.
export interface ImportedOriginal {
  document: LibraryDocument;
  fileName: string;
  /// When it was imported (an ISO time).
  added: string;
}

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

  /// An imported document's text as imported, before its revisions;
  /// `undefined` for a bundled document (its original ships with the app).
  async importedOriginal(documentId: string): Promise<ImportedOriginal | undefined> {
    const row = await this.db.documents.get(documentId);
    return row && { document: documentOf(row), fileName: row.fileName, added: row.added };
  }
}
