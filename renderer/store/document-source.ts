import type { DocumentInfo, LibraryDocument } from '../../shared/corpus/document';
import type { PalimpsestDb } from './db';
import { readListings, readLongFields, readStamps, storedDocument } from './listings';
import type { Listed } from './listing-pack';

/// The library's documents as whole-library work (export, backup, an
/// import's plan, a revision) reads them: by need. Their ids and
/// descriptions come from the listing rows, without any text; a document's
/// text is read only when `read` names it.
export interface DocumentSource {
  /// Every document's id, bundled first, then the researcher's in the
  /// order they were added (the order an import's plan tries them in).
  ids(): Promise<string[]>;
  /// The documents of `ids` that the library holds, each with its text
  /// and blocks at its latest revision and with its edits.
  read(ids: Iterable<string>): Promise<Map<string, LibraryDocument>>;
  /// What the formats need of the documents of `ids` (all, without them)
  /// that the library holds, read without their texts where the listing
  /// rows are current. Without `dates`, an edited date saved before
  /// guessed dates were told apart comes as saved, not marked from the
  /// text's reading (listings.ts withEdit): the native file, a backup and a
  /// set file carry no dates, and need no text for it.
  infos(ids?: Iterable<string>, options?: { dates?: boolean }): Promise<Map<string, DocumentInfo>>;
}

/// A source, or every document already read (tests, scripts, the bench).
export type Documents = DocumentSource | ReadonlyMap<string, LibraryDocument>;

/// `documents` as a source: a map is read from as it is.
export function sourceOf(documents: Documents): DocumentSource {
  if (!isMap(documents)) return documents;
  const pick = <T>(ids: Iterable<string> | undefined): Map<string, T> => {
    const picked = new Map<string, T>();
    for (const id of ids ?? documents.keys()) {
      const document = documents.get(id);
      if (document) picked.set(id, document as T);
    }
    return picked;
  };
  return { ids: async () => [...documents.keys()], read: async (ids) => pick(ids), infos: async (ids) => pick(ids) };
}

function isMap(documents: Documents): documents is ReadonlyMap<string, LibraryDocument> {
  return typeof (documents as DocumentSource).read !== 'function';
}

// Documents read last, kept for a caller that asks again (an import's
// preview, then its apply); each holds a whole text, so only a few.
const kept = 4;

/// The documents of a library's database (and the app's bundled ones),
/// read by need.
export class StoredDocuments implements DocumentSource {
  private readonly cache = new Map<string, LibraryDocument>();

  constructor(
    private readonly db: PalimpsestDb,
    private readonly bundled: ReadonlyMap<string, LibraryDocument>,
  ) {}

  async ids(): Promise<string[]> {
    const stored = await this.db.documents.orderBy('added').primaryKeys();
    return [...new Set([...this.bundled.keys(), ...stored.map(String)])];
  }

  async read(ids: Iterable<string>): Promise<Map<string, LibraryDocument>> {
    const read = new Map<string, LibraryDocument>();
    for (const id of new Set(ids)) {
      let document = this.cache.get(id);
      if (!document) {
        document = (await storedDocument(this.db, id, this.bundled))?.edited;
        if (!document) continue;
        this.cache.set(id, document);
        while (this.cache.size > kept) this.cache.delete(this.cache.keys().next().value!);
      }
      read.set(id, document);
    }
    return read;
  }

  async infos(ids?: Iterable<string>, options: { dates?: boolean } = {}): Promise<Map<string, DocumentInfo>> {
    // A listing row is current when its stamp is the document's now (the
    // page writes rows again as it lists, so one may lag behind a write).
    const [{ stamps }, listings, edits, all] = await Promise.all([
      readStamps(this.db, this.bundled),
      readListings(this.db),
      this.db.documentEdits.toArray(),
      ids ? null : this.ids(),
    ]);
    const listed = new Map(listings.listed.map((entry) => [entry.id, entry]));
    const editOf = new Map(edits.map((edit) => [edit.documentId, edit]));
    const infos = new Map<string, DocumentInfo>();
    const unread: string[] = [];
    // Rows used, whose long fields (citation, summary) are read below.
    const used: Listed[] = [];
    for (const id of new Set(ids ?? all!)) {
      const edit = editOf.get(id);
      // An edited date saved before guesses were marked is marked from the
      // text's own reading (listings.ts withEdit): only then is it needed.
      if (options.dates && edit?.meta?.date && edit.meta.date.guessed === undefined) {
        unread.push(id);
        continue;
      }
      const stamp = stamps.get(id);
      const entry = listed.get(id);
      const bundled = stamp === undefined ? this.bundled.get(id) : undefined;
      // Only the rows used are parsed from the packed snapshot.
      const listedNow = entry && stamp !== undefined && entry.stamp === stamp ? entry : undefined;
      const current = listedNow?.row() ?? bundled;
      if (!current) {
        // Not listed yet (or not at all): read, or left out if not held.
        unread.push(id);
        continue;
      }
      if (edit?.meta) infos.set(id, { id, meta: edit.meta, fingerprint: current.fingerprint, pages: current.pages });
      else if (bundled) infos.set(id, { id, meta: bundled.meta, fingerprint: current.fingerprint, pages: current.pages });
      else used.push(listedNow!);
    }
    const long = await readLongFields(this.db, used);
    for (const listed of used) {
      const row = listed.row();
      const fields = long.get(listed.id);
      if (fields) infos.set(listed.id, { id: listed.id, meta: { ...row.meta, ...fields }, fingerprint: row.fingerprint, pages: row.pages });
      else unread.push(listed.id);
    }
    if (unread.length > 0) for (const [id, document] of await this.read(unread)) infos.set(id, document);
    // In the order asked, as a map of every document is iterated.
    const ordered = new Map<string, DocumentInfo>();
    for (const id of new Set(ids ?? all!)) {
      const info = infos.get(id);
      if (info) ordered.set(id, info);
    }
    return ordered;
  }
}
