import type { Annotation } from '../annotation/model';

/// What the "All annotations" table sorts and filters by, for the
/// annotations of one stored chunk, kept beside the chunk and written with
/// it. Numbers are typed arrays and the ids one string, so reading a
/// million annotations' columns out of IndexedDB copies a few thousand
/// buffers and strings (memory speed), not a million objects.
///
/// Rows are in the chunk's own order (its annotations sorted by id), so
/// row `k` here is `annotations[k]` of the chunk: the quote, note and
/// "changed by" of a row drawn are read from the chunk by that slot.
/// Quotes and notes are not kept here: a million of them are most of a
/// library's bytes, and only the text filter and the quote and note sorts
/// need them all, which read the chunks when first asked.
export interface ChunkColumns {
  /// The chunk's key, `${documentId}|${bucket}`.
  key: string;
  documentId: string;
  /// Every id, concatenated; row `k`'s is `ids.slice(idEnds[k - 1] ?? 0, idEnds[k])`.
  ids: string;
  idEnds: Uint32Array;
  /// Each row's passage, as its `position`: the table lists a document's
  /// rows in text order and shows the page a passage starts on.
  starts: Float64Array;
  ends: Float64Array;
  /// Distinct tag lists (JSON arrays of tag type ids, as the annotations
  /// hold them), and each row's index among them.
  tagLists: string[];
  tagsOf: Uint32Array;
  /// Distinct names as tagged, and each row's index among them (-1: none).
  names: string[];
  nameOf: Int32Array;
  /// Distinct authors (`createdBy`) as id and name pairs (one id may come
  /// with two names, renamed), and each row's index among them (-1: none).
  authorIds: string[];
  authorNames: string[];
  authorOf: Int32Array;
  /// The rows' slots in the text's order (by start, then longer first,
  /// then id): a document's rows are listed in that order, and its chunks'
  /// runs are merged rather than sorted when the table opens.
  textOrder: Uint32Array;
  /// The write that stored it (the layout's stamp of that write; empty in
  /// records built by the version 11 upgrade): a table that has read the
  /// document's records again knows which chunks a write touched.
  stamp: string;
}

/// The columns of a chunk's annotations, given in the chunk's order.
export function chunkColumns(key: string, documentId: string, annotations: readonly Annotation[], stamp = ''): ChunkColumns {
  const n = annotations.length;
  const idEnds = new Uint32Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const tagsOf = new Uint32Array(n);
  const nameOf = new Int32Array(n);
  const authorOf = new Int32Array(n);
  const tagIndex = new Map<string, number>();
  const nameIndex = new Map<string, number>();
  const authorIndex = new Map<string, number>();
  const authorIds: string[] = [];
  const authorNames: string[] = [];
  let ids = '';
  annotations.forEach((annotation, k) => {
    ids += annotation.id;
    idEnds[k] = ids.length;
    starts[k] = annotation.position.start;
    ends[k] = annotation.position.end;
    tagsOf[k] = indexIn(tagIndex, JSON.stringify(annotation.tags));
    nameOf[k] = annotation.actor === null ? -1 : indexIn(nameIndex, annotation.actor);
    const author = annotation.createdBy;
    if (!author) authorOf[k] = -1;
    else {
      const size = authorIndex.size;
      authorOf[k] = indexIn(authorIndex, `${author.id}\u0000${author.name}`);
      if (authorIndex.size > size) {
        authorIds.push(author.id);
        authorNames.push(author.name);
      }
    }
  });
  const textOrder = Uint32Array.from(annotations.keys()).sort((a, b) => inText(annotations[a]!, annotations[b]!));
  return {
    key,
    documentId,
    ids,
    idEnds,
    starts,
    ends,
    tagLists: [...tagIndex.keys()],
    tagsOf,
    names: [...nameIndex.keys()],
    nameOf,
    authorIds,
    authorNames,
    authorOf,
    textOrder,
    stamp,
  };
}

/// Row `k`'s annotation id.
export function idAt(columns: ChunkColumns, k: number): string {
  return columns.ids.slice(k === 0 ? 0 : columns.idEnds[k - 1]!, columns.idEnds[k]!);
}

/// Whether two records hold the same rows with the same columns, whatever
/// their stamps: a write that changed only quotes or notes leaves them equal.
export function sameColumns(a: ChunkColumns, b: ChunkColumns): boolean {
  return (
    a.key === b.key &&
    a.documentId === b.documentId &&
    a.ids === b.ids &&
    sameArray(a.idEnds, b.idEnds) &&
    sameArray(a.starts, b.starts) &&
    sameArray(a.ends, b.ends) &&
    sameArray(a.tagLists, b.tagLists) &&
    sameArray(a.tagsOf, b.tagsOf) &&
    sameArray(a.names, b.names) &&
    sameArray(a.nameOf, b.nameOf) &&
    sameArray(a.authorIds, b.authorIds) &&
    sameArray(a.authorNames, b.authorNames) &&
    sameArray(a.authorOf, b.authorOf) &&
    sameArray(a.textOrder, b.textOrder)
  );
}

// As `inTextOrder` orders annotations.
function inText(a: Annotation, b: Annotation): number {
  return a.position.start - b.position.start || b.position.end - a.position.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function sameArray<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexIn(index: Map<string, number>, key: string): number {
  let k = index.get(key);
  if (k === undefined) index.set(key, (k = index.size));
  return k;
}
