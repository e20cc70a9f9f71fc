import type { Annotation, TagType } from '../annotation/model';
import { pageAt } from '../corpus/cite';
import { type DateSpan, dateSortKey } from '../corpus/dates';
import type { PageStart } from '../corpus/document';
import { type RowFilter, filterTerms } from './filter';
import { foldText } from './fold';
import type { AnnotationRow, RowSources } from './rows';
import type { RowColumn, SortDirection } from './sort';

/// A document as the table's columns refer to it.
interface DocumentEntry {
  id: string;
  title: string;
  date: DateSpan | null;
  pages: readonly PageStart[] | undefined;
}

/// A tagged name and the actor it resolves to (canonical name and id).
interface NameEntry {
  tagged: string;
  actor: string;
  actorId: string | null;
}

/// An annotation's links: how many, and their relation types, each once.
interface LinkEntry {
  count: number;
  relations: string[];
}

/// How many rows have each value of a filter, by id.
export interface Tally {
  tags: Map<string, number>;
  sets: Map<string, number>;
  relations: Map<string, number>;
  documents: Map<string, number>;
  actors: Map<string, { label: string; count: number }>;
  authors: Map<string, { label: string; count: number }>;
}

export interface ModelOptions {
  /// The locale text columns sort in; the runtime's own by default.
  locale?: string | readonly string[];
  /// The library's tag types: tags then sort in their toolbar order, not by id.
  tagTypes?: readonly TagType[];
  /// The model of the rows before a change: rows whose searchable text did
  /// not change keep their folded text.
  previous?: TableModel;
}

/// A column's sort key as one number per row: rows of equal rank compare
/// equal in the column; `empty` is the rank of a row with nothing in it.
interface Ranks {
  rank: Uint32Array;
  empty: number;
}

const none = -1;
// Fields are folded joined by a control character that folding keeps and
// no term can hold, so that a phrase never matches across two of them
// (as `prepareRows` does).
const separator = '\u0001';
const separators = /\u0001/g;

/// The "All annotations" table's rows kept in columns: for each row, the
/// index of its document, tagged name, tag list, links, sets and author in
/// small tables of distinct values, made once when the rows change. Filters
/// and sorts scan these numbers, never row objects; a row's object
/// (`AnnotationRow`, as `buildRows` makes it) is made only when asked for,
/// for the rows on screen. Quotes and notes are folded for the text filter
/// the first time one is typed, once per row.
export class TableModel {
  /// How many rows.
  readonly length: number;
  private readonly annotations: readonly Annotation[];
  private readonly documents: DocumentEntry[] = [];
  private readonly documentOf: Uint32Array;
  private readonly names: NameEntry[] = [];
  private readonly nameOf: Int32Array;
  /// Distinct tag lists, as the annotations hold them.
  private readonly tagLists: (readonly string[])[] = [];
  private readonly tagsOf: Uint32Array;
  private readonly links: LinkEntry[] = [];
  private readonly linksOf: Int32Array;
  /// Distinct lists of set ids.
  private readonly setLists: string[][] = [];
  private readonly setsOf: Int32Array;
  private readonly authors: { id: string; name: string }[] = [];
  private readonly authorOf: Int32Array;
  private readonly folded: (string | undefined)[];
  private unfolded: number;
  // Rows before this one are folded (by `foldAhead`).
  private foldedUpTo = 0;
  private readonly foldedShared = new Map<string, string>();
  private readonly ranks = new Map<RowColumn, Ranks>();
  private readonly cache = new Map<number, AnnotationRow>();
  private readonly collator: Intl.Collator;
  private readonly tagTypes: readonly TagType[];

  constructor(sources: RowSources, options: ModelOptions = {}) {
    this.annotations = Array.isArray(sources.annotations) ? (sources.annotations as Annotation[]) : [...sources.annotations];
    this.collator = new Intl.Collator(options.locale as string | string[] | undefined, { numeric: true, ignorePunctuation: true });
    this.tagTypes = options.tagTypes ?? [];
    const n = this.annotations.length;
    this.length = n;
    this.documentOf = new Uint32Array(n);
    this.nameOf = new Int32Array(n);
    this.tagsOf = new Uint32Array(n);
    this.linksOf = new Int32Array(n).fill(none);
    this.setsOf = new Int32Array(n).fill(none);
    this.authorOf = new Int32Array(n).fill(none);
    this.folded = new Array(n);
    this.unfolded = n;

    const linkIndex = this.linkEntries(sources);
    const setIndex = this.setEntries(sources);
    const documentIndex = new Map<string, number>();
    const nameIndex = new Map<string, number>();
    const tagIndex = new Map<string, number>();
    const authorIndex = new Map<string, number>();
    let lastDocument = '';
    let lastDocumentIndex = -1;
    for (let i = 0; i < n; i++) {
      const annotation = this.annotations[i]!;
      // Annotations come document by document: most rows are the last one's.
      if (annotation.documentId !== lastDocument || lastDocumentIndex < 0) {
        lastDocument = annotation.documentId;
        let d = documentIndex.get(lastDocument);
        if (d === undefined) {
          const document = sources.documents.get(lastDocument);
          d = this.documents.length;
          this.documents.push({ id: lastDocument, title: document?.meta.title ?? lastDocument, date: document?.meta.date ?? null, pages: document?.pages });
          documentIndex.set(lastDocument, d);
        }
        lastDocumentIndex = d;
      }
      this.documentOf[i] = lastDocumentIndex;

      const tagged = annotation.actor;
      if (tagged === null) this.nameOf[i] = none;
      else {
        // A library tags few distinct names: each is resolved once.
        let k = nameIndex.get(tagged);
        if (k === undefined) {
          const actor = sources.actors.resolve(tagged);
          k = this.names.length;
          this.names.push({ tagged, actor: actor?.name ?? tagged, actorId: actor?.id ?? null });
          nameIndex.set(tagged, k);
        }
        this.nameOf[i] = k;
      }

      const tags = annotation.tags;
      const tagKey = tags.length === 1 ? tags[0]! : tags.join(separator);
      let t = tagIndex.get(tagKey);
      if (t === undefined) {
        t = this.tagLists.length;
        this.tagLists.push(tags);
        tagIndex.set(tagKey, t);
      }
      this.tagsOf[i] = t;

      if (linkIndex.size) this.linksOf[i] = linkIndex.get(annotation.id) ?? none;
      if (setIndex.size) this.setsOf[i] = setIndex.get(annotation.id) ?? none;

      const author = annotation.createdBy;
      if (author) {
        let a = authorIndex.get(author.id);
        if (a === undefined) {
          a = this.authors.length;
          this.authors.push({ id: author.id, name: author.name });
          authorIndex.set(author.id, a);
        }
        this.authorOf[i] = a;
      }
    }
    if (options.previous) this.keepFolded(options.previous);
  }

  // How many links each annotation has and of which relations, by id.
  private linkEntries(sources: RowSources): Map<string, number> {
    const index = new Map<string, number>();
    const relationSets: Set<string>[] = [];
    const touch = (id: string, relation: string) => {
      const k = index.get(id);
      if (k === undefined) {
        index.set(id, this.links.length);
        this.links.push({ count: 1, relations: [] });
        relationSets.push(new Set([relation]));
      } else {
        this.links[k]!.count++;
        relationSets[k]!.add(relation);
      }
    };
    for (const link of sources.links ?? []) {
      touch(link.from, link.relation);
      if (link.to !== link.from) touch(link.to, link.relation);
    }
    relationSets.forEach((relations, k) => (this.links[k]!.relations = [...relations]));
    return index;
  }

  // The sets each annotation is in, as an index into distinct lists of sets.
  private setEntries(sources: RowSources): Map<string, number> {
    const lists = new Map<string, string[]>();
    for (const set of sources.sets ?? []) {
      // An id listed twice in a set is still one membership.
      for (const id of new Set(set.annotationIds)) {
        const list = lists.get(id);
        if (list) list.push(set.id);
        else lists.set(id, [set.id]);
      }
    }
    const distinct = new Map<string, number>();
    const index = new Map<string, number>();
    for (const [id, list] of lists) {
      const key = list.join(separator);
      let k = distinct.get(key);
      if (k === undefined) {
        k = this.setLists.length;
        this.setLists.push(list);
        distinct.set(key, k);
      }
      index.set(id, k);
    }
    return index;
  }

  // Folded quotes and notes of rows that did not change them, taken from
  // the model before a change: after one edit, only that row is folded again.
  private keepFolded(previous: TableModel): void {
    if (!previous.folded.some((text) => text !== undefined)) return;
    const before = new Map<string, number>();
    for (let j = 0; j < previous.length; j++) if (previous.folded[j] !== undefined) before.set(previous.annotations[j]!.id, j);
    for (let i = 0; i < this.length; i++) {
      const j = before.get(this.annotations[i]!.id);
      if (j === undefined) continue;
      const [a, b] = [previous.annotations[j]!, this.annotations[i]!];
      if (a.quote.exact === b.quote.exact && a.note === b.note) {
        this.folded[i] = previous.folded[j];
        this.unfolded--;
      }
    }
  }

  /// Row `i`'s annotation id.
  id(i: number): string {
    return this.annotations[i]!.id;
  }

  /// Row `i` as `buildRows` would make it; the same object while this
  /// model lasts, so a drawn row is not drawn again for nothing.
  row(i: number): AnnotationRow {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`The table has no row ${i}; it has ${this.length}.`);
    let row = this.cache.get(i);
    if (row) return row;
    const annotation = this.annotations[i]!;
    const document = this.documents[this.documentOf[i]!]!;
    const name = this.nameOf[i]! === none ? null : this.names[this.nameOf[i]!]!;
    const link = this.linksOf[i]! === none ? null : this.links[this.linksOf[i]!]!;
    row = {
      annotationId: annotation.id,
      documentId: annotation.documentId,
      documentTitle: document.title,
      documentDate: document.date,
      tags: annotation.tags,
      actor: name?.actor ?? null,
      actorId: name?.actorId ?? null,
      taggedActor: annotation.actor,
      quote: annotation.quote.exact,
      note: annotation.note,
      linkCount: link?.count ?? 0,
      relations: link?.relations ?? [],
      setIds: this.setsOf[i]! === none ? [] : this.setLists[this.setsOf[i]!]!,
      page: document.pages ? pageAt(document.pages, annotation.position.start) : null,
      author: annotation.createdBy?.name ?? null,
      authorId: annotation.createdBy?.id ?? null,
      changedBy: annotation.modifiedBy?.name ?? null,
    };
    // Scrolling through a million rows must not keep a million objects.
    if (this.cache.size >= 4096) this.cache.clear();
    this.cache.set(i, row);
    return row;
  }

  /// How many rows have each tag type, set, relation, document, actor and
  /// author, for the filters' lists; an actor and an author are labelled
  /// as on the first row that names them.
  tally(): Tally {
    const countBy = (of: ArrayLike<number>, size: number) => {
      const counts = new Uint32Array(size);
      for (let i = 0; i < of.length; i++) if (of[i]! !== none) counts[of[i]!]!++;
      return counts;
    };
    const add = (map: Map<string, number>, id: string, count: number) => count && map.set(id, (map.get(id) ?? 0) + count);
    const tally: Tally = { tags: new Map(), sets: new Map(), relations: new Map(), documents: new Map(), actors: new Map(), authors: new Map() };
    countBy(this.tagsOf, this.tagLists.length).forEach((count, t) => {
      for (const tag of this.tagLists[t]!) add(tally.tags, tag, count);
    });
    countBy(this.setsOf, this.setLists.length).forEach((count, k) => {
      for (const set of this.setLists[k]!) add(tally.sets, set, count);
    });
    countBy(this.linksOf, this.links.length).forEach((count, k) => {
      for (const relation of this.links[k]!.relations) add(tally.relations, relation, count);
    });
    countBy(this.documentOf, this.documents.length).forEach((count, d) => add(tally.documents, this.documents[d]!.id, count));
    // Names are in the order rows first tag them: the first of an actor's labels it.
    countBy(this.nameOf, this.names.length).forEach((count, k) => {
      const { actorId, actor } = this.names[k]!;
      if (!actorId || !count) return;
      const entry = tally.actors.get(actorId);
      if (entry) entry.count += count;
      else tally.actors.set(actorId, { label: actor, count });
    });
    countBy(this.authorOf, this.authors.length).forEach((count, a) => {
      if (count) tally.authors.set(this.authors[a]!.id, { label: this.authors[a]!.name, count });
    });
    return tally;
  }

  /// Whether any of these rows has an author (the library is shared).
  authored(rows: ArrayLike<number>): boolean {
    for (let k = 0; k < rows.length; k++) if (this.authorOf[rows[k]!]! !== none) return true;
    return false;
  }

  /// Every row's index in the order of `column`: stable (rows equal in the
  /// column keep the model's order, in either direction), empty cells last
  /// in either direction, and otherwise as `sortRows` orders. Each column's
  /// keys are ranked once per model; the order itself is a counting sort of
  /// those ranks, linear in the rows.
  order(column: RowColumn, direction: SortDirection): Uint32Array {
    const { rank, empty } = this.ranksOf(column);
    const n = this.length;
    const descending = direction === 'descending';
    const counts = new Uint32Array(empty + 2);
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      counts[(r === empty || !descending ? r : empty - 1 - r) + 1]!++;
    }
    for (let r = 1; r < counts.length; r++) counts[r]! += counts[r - 1]!;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      order[counts[r === empty || !descending ? r : empty - 1 - r]!++] = i;
    }
    return order;
  }

  /// The rows of `rows` (indexes, in their order) that `filter` keeps, as
  /// `filterRows` keeps them.
  filter(rows: Uint32Array, filter: RowFilter): Uint32Array {
    const terms = filter.text ? filterTerms(filter.text) : [];
    const tags = this.wanted(this.tagLists, filter.tagTypeIds?.length ? (list) => list.some((tag) => filter.tagTypeIds!.includes(tag)) : null);
    const names = this.wanted(this.names, filter.actorId ? (name) => name.actorId === filter.actorId : null);
    const documents = this.wanted(this.documents, filter.documentIds?.length ? (d) => filter.documentIds!.includes(d.id) : null);
    const sets = this.wanted(this.setLists, filter.setId ? (list) => list.includes(filter.setId!) : null);
    const links = this.wanted(this.links, filter.relationType ? (link) => link.relations.includes(filter.relationType!) : null);
    const authors = this.wanted(this.authors, filter.authorId ? (author) => author.id === filter.authorId : null);
    if (!tags && !names && !documents && !sets && !links && !authors && !terms.length) return rows;
    // For each term, which documents' titles and which names hold it: the
    // rows then fold only their own quote and note.
    const titled = terms.map((term) => this.wanted(this.documents, (d) => this.foldShared(d.title).includes(term))!);
    const named = terms.map(
      (term) => this.wanted(this.names, (name) => this.foldShared(name.actor).includes(term) || this.foldShared(name.tagged).includes(term))!,
    );
    const kept = new Uint32Array(rows.length);
    let count = 0;
    // The columns as locals: the loop reads numbers only.
    const { tagsOf, nameOf, documentOf, setsOf, linksOf, authorOf } = this;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      if (tags && !tags[tagsOf[i]!]) continue;
      if (names && (nameOf[i]! === none || !names[nameOf[i]!])) continue;
      if (documents && !documents[documentOf[i]!]) continue;
      if (sets && (setsOf[i]! === none || !sets[setsOf[i]!])) continue;
      if (links && (linksOf[i]! === none || !links[linksOf[i]!])) continue;
      if (authors && (authorOf[i]! === none || !authors[authorOf[i]!])) continue;
      if (terms.length && !this.hasTerms(i, terms, titled, named)) continue;
      kept[count++] = i;
    }
    return kept.slice(0, count);
  }

  // Which entries of a table of distinct values a filter keeps, one flag
  // each; `null` when the filter does not ask.
  private wanted<T>(entries: readonly T[], keeps: ((entry: T) => boolean) | null): Uint8Array | null {
    if (!keeps) return null;
    return Uint8Array.from(entries, (entry) => (keeps(entry) ? 1 : 0));
  }

  // Whether row `i` holds every term, each in one of its fields: its
  // quote, note, document title or actor names.
  private hasTerms(i: number, terms: readonly string[], titled: readonly Uint8Array[], named: readonly Uint8Array[]): boolean {
    const name = this.nameOf[i]!;
    const document = this.documentOf[i]!;
    let own: string | undefined;
    for (let t = 0; t < terms.length; t++) {
      if (titled[t]![document] || (name !== none && named[t]![name])) continue;
      own ??= this.folded[i] ?? this.fold(i);
      if (!own.includes(terms[t]!)) return false;
    }
    return true;
  }

  // Row `i`'s quote and note folded as search folds them, joined by a
  // character no term holds; kept for the next filter.
  private fold(i: number): string {
    const annotation = this.annotations[i]!;
    const note = annotation.note;
    const text = foldText(note ? `${clean(annotation.quote.exact)}${separator}${clean(note)}` : clean(annotation.quote.exact));
    this.folded[i] = text;
    this.unfolded--;
    return text;
  }

  // A title or name, shared by many rows, folded once.
  private foldShared(text: string): string {
    let folded = this.foldedShared.get(text);
    if (folded === undefined) this.foldedShared.set(text, (folded = foldText(clean(text))));
    return folded;
  }

  /// Folds rows' text for the text filter, ahead of its first use, while
  /// `more()` says there is time; `true` once every row is folded. A table calls it when idle, so the first typed word finds
  /// the work done; a filter folds whatever is left.
  foldAhead(more: () => boolean): boolean {
    while (this.unfolded > 0 && this.foldedUpTo < this.length) {
      // A few hundred rows between looks at the clock.
      const end = Math.min(this.length, this.foldedUpTo + 256);
      for (let i = this.foldedUpTo; i < end; i++) if (this.folded[i] === undefined) this.fold(i);
      this.foldedUpTo = end;
      if (!more()) break;
    }
    return this.unfolded === 0 || this.foldedUpTo >= this.length;
  }

  // A column's ranks, made once per model.
  private ranksOf(column: RowColumn): Ranks {
    let ranks = this.ranks.get(column);
    if (!ranks) {
      ranks = this.rank(column);
      this.ranks.set(column, ranks);
    }
    return ranks;
  }

  private rank(column: RowColumn): Ranks {
    const n = this.length;
    const compareText = (a: string, b: string) => this.collator.compare(a, b);
    const textRanks = (of: (i: number) => string) => byValue(n, (i) => blank(of(i)), of, compareText);
    switch (column) {
      case 'document':
        return byEntry(
          this.documentOf,
          this.documents.map((d) => (blank(d.title) ? null : d.title)),
          compareText,
        );
      case 'date':
        return byEntry(
          this.documentOf,
          this.documents.map((d) => (d.date ? dateSortKey(d.date.start) : null)),
          (a, b) => (a < b ? -1 : a > b ? 1 : 0),
        );
      case 'tags': {
        const ranked = [...this.tagTypes].sort((a, b) => a.order - b.order || this.collator.compare(a.name, b.name));
        const place = new Map(ranked.map((type, i) => [type.id, i]));
        const keys = this.tagLists.map((tags) => (tags.length ? tags.map((id) => ({ rank: place.get(id) ?? ranked.length, id })) : null));
        return byEntry(this.tagsOf, keys, (a, b) => {
          for (let i = 0; i < Math.min(a.length, b.length); i++) {
            const d = a[i]!.rank - b[i]!.rank || this.collator.compare(a[i]!.id, b[i]!.id);
            if (d) return d;
          }
          return a.length - b.length;
        });
      }
      case 'actor': {
        const names = this.names.map((name) => (blank(name.actor) ? null : name.actor));
        return byEntry(this.nameOf, names, compareText);
      }
      case 'quote':
        return textRanks((i) => this.annotations[i]!.quote.exact);
      case 'note':
        return textRanks((i) => this.annotations[i]!.note);
      case 'links':
        return byEntry(
          this.linksOf,
          this.links.map((link) => link.count),
          (a, b) => a - b,
          0,
        );
      case 'sets':
        return byEntry(
          this.setsOf,
          this.setLists.map((list) => list.length),
          (a, b) => a - b,
          0,
        );
      case 'author': {
        const names = this.authors.map((author) => (blank(author.name) ? null : author.name));
        return byEntry(this.authorOf, names, compareText);
      }
      default:
        throw new RangeError(`The table has no column "${String(column)}" to sort by.`);
    }
  }
}

/// A list of the model's rows, by index: what the table shows.
export class RowList {
  constructor(
    readonly model: TableModel,
    readonly indexes: Uint32Array,
  ) {}

  get length(): number {
    return this.indexes.length;
  }

  /// The `k`th row shown.
  at(k: number): AnnotationRow {
    return this.model.row(this.indexes[k]!);
  }

  /// The `k`th row's annotation id.
  id(k: number): string {
    return this.model.id(this.indexes[k]!);
  }

  /// Whether any row shown has an author (the library is shared).
  authored(): boolean {
    return this.model.authored(this.indexes);
  }

  /// Every row, made: for an export, not for drawing.
  rows(): AnnotationRow[] {
    return Array.from(this.indexes, (i) => this.model.row(i));
  }
}

// Ranks rows by an entry of a small table (the row's document, name…):
// the entries' keys are sorted, not the rows'. `null` keys, and rows of no
// entry (index -1), are empty, unless `missing` gives those rows a key.
function byEntry<K>(entryOf: ArrayLike<number>, keys: readonly (K | null)[], compare: (a: K, b: K) => number, missing: K | null = null): Ranks {
  const withMissing = [...keys, missing];
  const entryRanks = rankValues(withMissing, compare);
  const rank = new Uint32Array(entryOf.length);
  const missingRank = entryRanks.rank[keys.length]!;
  for (let i = 0; i < entryOf.length; i++) {
    const e = entryOf[i]!;
    rank[i] = e < 0 ? missingRank : entryRanks.rank[e]!;
  }
  return { rank, empty: entryRanks.empty };
}

// Ranks rows by a value of their own (a quote, a note).
function byValue(n: number, isEmpty: (i: number) => boolean, of: (i: number) => string, compare: (a: string, b: string) => number): Ranks {
  const distinct = new Map<string, number>();
  const entryOf = new Int32Array(n);
  const values: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (isEmpty(i)) {
      entryOf[i] = -1;
      continue;
    }
    const value = of(i);
    let e = distinct.get(value);
    if (e === undefined) {
      e = values.length;
      values.push(value);
      distinct.set(value, e);
    }
    entryOf[i] = e;
  }
  return byEntry(entryOf, values, compare);
}

// Ranks of keys: equal keys one rank, in the keys' order from 0; `null`
// keys the rank after every other (`empty`).
function rankValues<K>(keys: readonly (K | null)[], compare: (a: K, b: K) => number): Ranks {
  const present = keys.map((_, i) => i).filter((i) => keys[i] !== null);
  present.sort((a, b) => compare(keys[a]!, keys[b]!));
  const rank = new Uint32Array(keys.length);
  let next = -1;
  for (let k = 0; k < present.length; k++) {
    if (k === 0 || compare(keys[present[k - 1]!]!, keys[present[k]!]!) !== 0) next++;
    rank[present[k]!] = next;
  }
  const empty = next + 1;
  keys.forEach((key, i) => key === null && (rank[i] = empty));
  return { rank, empty };
}

function blank(text: string): boolean {
  return text.trim() === '';
}

function clean(text: string): string {
  return text.includes(separator) ? text.replace(separators, ' ') : text;
}
