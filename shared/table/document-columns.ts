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
  /// `count` rows of each, in this order: starts, id ends, tag lists, names
  /// (-1: none), authors (-1: none), chunk and slot in the chunk. Narrow
  /// (`narrow`): starts and id ends in 32 bits, the rest in 16 — 18 bytes a
  /// row; otherwise starts in float64 and the rest in 32 bits — 32 bytes.
  packed: ArrayBuffer;
  /// Whether the rows are packed narrow (absent in records made before
  /// 6 December, all wide).
  narrow?: boolean;
}

/// Typed views on a record's packed rows (no copy).
export interface DocumentViews {
  starts: Float64Array | Uint32Array;
  idEnds: Uint32Array;
  tagsOf: Uint16Array | Uint32Array;
  nameOf: Int16Array | Int32Array;
  authorOf: Int16Array | Int32Array;
  chunkOf: Uint16Array | Uint32Array;
  slotOf: Uint16Array | Uint32Array;
}

/// The views of `record`'s packed rows.
export function viewsOf(record: DocumentColumns): DocumentViews {
  const n = record.count;
  const b = record.packed;
  if (record.narrow) {
    const at = (k: number) => 8 * n + 2 * n * k;
    return {
      starts: new Uint32Array(b, 0, n),
      idEnds: new Uint32Array(b, 4 * n, n),
      tagsOf: new Uint16Array(b, at(0), n),
      nameOf: new Int16Array(b, at(1), n),
      authorOf: new Int16Array(b, at(2), n),
      chunkOf: new Uint16Array(b, at(3), n),
      slotOf: new Uint16Array(b, at(4), n),
    };
  }
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

// The packed rows' bytes, narrow or wide.
const bytesPerRow = (narrow: boolean) => (narrow ? 18 : 32);

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
  // Each row's numbers, before the width they fit is known.
  const rows = {
    starts: new Float64Array(n),
    idEnds: new Uint32Array(n),
    tagsOf: new Uint32Array(n),
    nameOf: new Int32Array(n),
    authorOf: new Int32Array(n),
    chunkOf: new Uint32Array(n),
    slotOf: new Uint32Array(n),
  };
  const tags = new Map<string, number>();
  const names = new Map<string, number>();
  const authors = new Map<string, number>();
  const authorIds: string[] = [];
  const authorNames: string[] = [];
  let ids = '';
  let whole = true;
  let slotMax = 0;
  slots.forEach(([c, k], i) => {
    const chunk = group[c]!;
    ids += idAt(chunk, k);
    rows.idEnds[i] = ids.length;
    const start = chunk.starts[k]!;
    rows.starts[i] = start;
    if (!(Number.isInteger(start) && start >= 0 && start <= 0xffff_ffff)) whole = false;
    rows.tagsOf[i] = indexIn(tags, chunk.tagLists[chunk.tagsOf[k]!]!);
    const name = chunk.nameOf[k]!;
    rows.nameOf[i] = name < 0 ? -1 : indexIn(names, chunk.names[name]!);
    const author = chunk.authorOf[k]!;
    if (author < 0) rows.authorOf[i] = -1;
    else {
      const size = authors.size;
      rows.authorOf[i] = indexIn(authors, `${chunk.authorIds[author]!}\u0000${chunk.authorNames[author]!}`);
      if (authors.size > size) {
        authorIds.push(chunk.authorIds[author]!);
        authorNames.push(chunk.authorNames[author]!);
      }
    }
    rows.chunkOf[i] = c;
    rows.slotOf[i] = k;
    if (k > slotMax) slotMax = k;
  });
  // Narrow when every number fits: a document's distinct tag lists,
  // chunks and slots in 16 bits, its names and authors in 15 (-1 is none),
  // its starts whole offsets in 32 bits. A document of more falls back to
  // the wide rows, which hold any.
  const narrow = whole && tags.size <= 0x1_0000 && group.length <= 0x1_0000 && slotMax <= 0xffff && names.size <= 0x8000 && authors.size <= 0x8000;
  const record: DocumentColumns = {
    documentId,
    stamp,
    chunkKeys: group.map((c) => c.key),
    ids,
    tagLists: [...tags.keys()],
    names: [...names.keys()],
    authorIds,
    authorNames,
    count: n,
    packed: new ArrayBuffer(bytesPerRow(narrow) * n),
    narrow,
  };
  const v = viewsOf(record);
  v.starts.set(rows.starts);
  v.idEnds.set(rows.idEnds);
  v.tagsOf.set(rows.tagsOf);
  v.nameOf.set(rows.nameOf);
  v.authorOf.set(rows.authorOf);
  v.chunkOf.set(rows.chunkOf);
  v.slotOf.set(rows.slotOf);
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
