import type { LibraryDocument, PageStart } from '../../shared/corpus/document';
import { dateSortKey } from '../../shared/corpus/dates';
import type { DocumentEditRow } from '../store/db';
import type { ListedMeta, Listed } from '../store/listing-pack';

/// What the library list, and every view that names a document, knows of
/// it without its text: its description (with the researcher's edits) short
/// of its long fields (citation, summary, a listing's entries: read by need
/// with `DocumentsRepository.description`), its collection, where it came
/// from and how long it is.
export interface DocumentSummary {
  id: string;
  /// The title as listed (the researcher's, else the text's): what the
  /// list sorts by, at hand without reading the rest of the row.
  title: string;
  fileName: string;
  format: LibraryDocument['format'];
  meta: ListedMeta;
  fingerprint: string;
  origin: LibraryDocument['origin'];
  collection: string | null;
  /// The latest revision's seq; 0 for the text as imported or bundled.
  revision: number;
  characters: number;
  pages: PageStart[];
  /// The original language offered where none is stated: what the text
  /// reads as (`null` when the description names one, or none can be told).
  suggestedLanguage: string | null;
}

/// The library's documents as columns, one index a document: what the
/// library screen sorts, filters and counts by (id, title, date, origin,
/// collection) is read from the rows' heads and the edits, and a
/// `DocumentSummary` is made only for an index asked for (a row drawn), so
/// opening a library of thousands makes a screenful of them. `map()` is
/// every summary by id, made when first asked for, for the views that
/// need the whole library.
export class DocumentList {
  private readonly summaries: (DocumentSummary | undefined)[];
  private indexes: Map<string, number> | undefined;
  private byId: ReadonlyMap<string, DocumentSummary> | undefined;

  /// `rows[i]` as listed, with `edits[i]`, the researcher's edit of it.
  constructor(
    private readonly rows: readonly Listed[],
    private readonly edits: readonly (DocumentEditRow | undefined)[],
  ) {
    if (rows.length !== edits.length) throw new RangeError(`A document list needs one edit slot a row: ${rows.length} rows, ${edits.length} edits.`);
    this.summaries = new Array(rows.length);
  }

  /// How many documents are listed.
  get length(): number {
    return this.rows.length;
  }

  id(i: number): string {
    return this.rows[i]!.id;
  }

  /// The title as listed: the researcher's, else the text's.
  title(i: number): string {
    return this.edits[i]?.meta?.title ?? this.rows[i]!.title;
  }

  /// The date's sort key (`dateSortKey` of its start); '' when undated.
  dated(i: number): string {
    const meta = this.edits[i]?.meta;
    if (!meta) return this.rows[i]!.dated;
    return meta.date ? dateSortKey(meta.date.start) : '';
  }

  origin(i: number): LibraryDocument['origin'] {
    return this.rows[i]!.origin;
  }

  /// The collection the researcher filed it in, if any.
  collection(i: number): string | null {
    return this.edits[i]?.collection ?? null;
  }

  /// The stamp of the text document `i` was listed from.
  stamp(i: number): string {
    return this.rows[i]!.stamp;
  }

  /// The fingerprint of the text document `i` was listed from.
  fingerprint(i: number): string {
    return this.rows[i]!.fingerprint;
  }

  /// The whole summary of document `i`, made once.
  summary(i: number): DocumentSummary {
    if (i < 0 || i >= this.rows.length) throw new RangeError(`The document list has no index ${i}; it holds ${this.rows.length}.`);
    return (this.summaries[i] ??= summaryOf(this.rows[i]!, this.edits[i]));
  }

  /// Document `id`'s whole summary, or `undefined` when it is not listed;
  /// no other summary is made.
  get(id: string): DocumentSummary | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.summary(i);
  }

  /// Whether document `id` is listed.
  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  /// The index of document `id`, or -1.
  indexOf(id: string): number {
    if (!this.indexes) {
      this.indexes = new Map();
      for (let i = 0; i < this.rows.length; i++) this.indexes.set(this.rows[i]!.id, i);
    }
    return this.indexes.get(id) ?? -1;
  }

  /// Every summary by id, in the list's order, made when first asked for.
  map(): ReadonlyMap<string, DocumentSummary> {
    if (!this.byId) {
      const byId = new Map<string, DocumentSummary>();
      for (let i = 0; i < this.rows.length; i++) byId.set(this.rows[i]!.id, this.summary(i));
      this.byId = byId;
    }
    return this.byId;
  }

  /// Whether document `id` reads the same here as in `other` (its row's
  /// line, its edit), told without parsing its row; false when either
  /// lacks it. An opened document that does not is read again.
  same(id: string, other: DocumentList): boolean {
    const [i, j] = [this.indexOf(id), other.indexOf(id)];
    if (i < 0 || j < 0) return false;
    const [a, b] = [this.edits[i], other.edits[j]];
    return (
      this.rows[i]!.line === other.rows[j]!.line &&
      (a?.collection ?? null) === (b?.collection ?? null) &&
      JSON.stringify(a?.meta ?? null) === JSON.stringify(b?.meta ?? null)
    );
  }
}

// What each summary was read from: its row as listed and the
// researcher's edit.
const sources = new WeakMap<DocumentSummary, { listed: Listed; edit: DocumentEditRow | undefined }>();

const sourceOf = (summary: DocumentSummary) => sources.get(summary)!;
const metaOf = (summary: DocumentSummary): ListedMeta => {
  const { listed, edit } = sourceOf(summary);
  return edit?.meta ?? listed.row().meta;
};

// A summary's fields beyond its row's head, read from the row when first
// asked for: at launch the list reads only the heads (listing-pack.ts), and
// most rows' citations and summaries are never looked at. Own, enumerable
// getters, so a spread, a comparison or a structured clone of a summary
// sees every field as before; one set of them for every summary.
const fromRow: PropertyDescriptorMap = {
  meta: {
    get(this: DocumentSummary) {
      return metaOf(this);
    },
    enumerable: true,
  },
  suggestedLanguage: {
    get(this: DocumentSummary) {
      const meta = metaOf(this);
      return meta.originalLanguage || meta.translator || meta.kind === 'search listing' ? null : sourceOf(this).listed.row().readsAs;
    },
    enumerable: true,
  },
};
for (const key of ['fileName', 'format', 'characters', 'pages'] as const)
  fromRow[key] = {
    get(this: DocumentSummary) {
      return sourceOf(this).listed.row()[key];
    },
    enumerable: true,
  };

function summaryOf(listed: Listed, edit: DocumentEditRow | undefined): DocumentSummary {
  const stamp = listed.stamp;
  const summary = {
    id: listed.id,
    title: edit?.meta?.title ?? listed.title,
    fingerprint: listed.fingerprint,
    origin: listed.origin,
    collection: edit?.collection ?? null,
    revision: Number(stamp.slice(stamp.lastIndexOf('#') + 1)),
  } as DocumentSummary;
  sources.set(summary, { listed, edit });
  return Object.defineProperties(summary, fromRow);
}
