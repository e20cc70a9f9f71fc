import { type ChunkColumns, idAt } from './columns';

/// One document's table columns as one record: its rows already in text
/// order (its chunks' runs merged once, when written), each row's numbers
/// packed into one buffer. The "All annotations" table opens by copying
/// these runs, a hundred records at a million rows, not merging three
/// thousand chunks' runs.
export interface DocumentColumns {
  documentId: string;
  /// The stamp of the document's layout when this was made.
  stamp: string;
  /// The document's chunks, as `chunkOf` numbers them.
  chunkKeys: string[];
  /// Every id in text order, concatenated (`idEnds` says where each ends).
  ids: string;
  /// Distinct tag lists (JSON) and names, as the chunks hold them.
  tagLists: string[];
  names: string[];
  /// Distinct authors as id and name pairs, in the order their first rows come.
  authorIds: string[];
  authorNames: string[];
  count: number;
  /// `count` rows of each, in this order: starts (float64), then id ends,
  /// tag lists, names (-1: none), authors (-1: none), chunk and slot in the
  /// chunk (32 bits each).
  packed: ArrayBuffer;
}

/// Typed views on a record's packed rows (no copy).
export interface DocumentViews {
  starts: Float64Array;
  idEnds: Uint32Array;
  tagsOf: Uint32Array;
  nameOf: Int32Array;
  authorOf: Int32Array;
  chunkOf: Uint32Array;
  slotOf: Uint32Array;
}

/// The views of `record`'s packed rows.
export function viewsOf(record: DocumentColumns): DocumentViews {
  const n = record.count;
  const b = record.packed;
  const at = (k: number) => 8 * n + 4 * n * k;
  return {
    starts: new Float64Array(b, 0, n),
    idEnds: new Uint32Array(b, at(0), n),
    tagsOf: new Uint32Array(b, at(1), n),
    nameOf: new Int32Array(b, at(2), n),
    authorOf: new Int32Array(b, at(3), n),
    chunkOf: new Uint32Array(b, at(4), n),
    slotOf: new Uint32Array(b, at(5), n),
  };
}

/// One document's record from its chunks' columns: the rows merged in
/// text order (by start, then longer first, then id), as the table lists them.
export function documentColumns(documentId: string, chunks: readonly ChunkColumns[], stamp: string): DocumentColumns {
  const group = [...chunks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const slots: [number, number][] = [];
  group.forEach((chunk, c) => chunk.textOrder.forEach((k) => slots.push([c, k])));
  slots.sort(([ca, ka], [cb, kb]) => {
    const [a, b] = [group[ca]!, group[cb]!];
    const d = a.starts[ka]! - b.starts[kb]! || b.ends[kb]! - a.ends[ka]!;
    if (d) return d;
    const [x, y] = [idAt(a, ka), idAt(b, kb)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const n = slots.length;
  const packed = new ArrayBuffer(8 * n + 4 * 6 * n);
  const record: DocumentColumns = {
    documentId,
    stamp,
    chunkKeys: group.map((c) => c.key),
    ids: '',
    tagLists: [],
    names: [],
    authorIds: [],
    authorNames: [],
    count: n,
    packed,
  };
  const v = viewsOf(record);
  const tags = new Map<string, number>();
  const names = new Map<string, number>();
  const authors = new Map<string, number>();
  let ids = '';
  slots.forEach(([c, k], i) => {
    const chunk = group[c]!;
    ids += idAt(chunk, k);
    v.idEnds[i] = ids.length;
    v.starts[i] = chunk.starts[k]!;
    v.tagsOf[i] = indexIn(tags, chunk.tagLists[chunk.tagsOf[k]!]!);
    const name = chunk.nameOf[k]!;
    v.nameOf[i] = name < 0 ? -1 : indexIn(names, chunk.names[name]!);
    const author = chunk.authorOf[k]!;
    if (author < 0) v.authorOf[i] = -1;
    else {
      const size = authors.size;
      v.authorOf[i] = indexIn(authors, `${chunk.authorIds[author]!}\u0000${chunk.authorNames[author]!}`);
      if (authors.size > size) {
        record.authorIds.push(chunk.authorIds[author]!);
        record.authorNames.push(chunk.authorNames[author]!);
      }
    }
    v.chunkOf[i] = c;
    v.slotOf[i] = k;
  });
  record.ids = ids;
  record.tagLists = [...tags.keys()];
  record.names = [...names.keys()];
  return record;
}

/// Row `i`'s annotation id.
export function documentIdAt(record: DocumentColumns, views: DocumentViews, i: number): string {
  return record.ids.slice(i === 0 ? 0 : views.idEnds[i - 1]!, views.idEnds[i]!);
}

function indexIn(index: Map<string, number>, key: string): number {
  let k = index.get(key);
  if (k === undefined) index.set(key, (k = index.size));
  return k;
}
