import type { Annotation } from '../annotation/model';
import { type DateSpan, compareDates } from '../corpus/dates';
import { describeLink, otherEnd } from '../links/describe';
import type { Link, RelationType } from '../links/model';
import { InvalidInput } from '../errors';

// The claim matrix: for each claim (a row), what each source (a column) says
// of it, through the links between the claim and the source's passages.
//
// Which way a cell reads. A cell is a sentence whose subject is a passage of
// the column's document and whose object is the row's claim:
// "‹passage› supports ‹claim›". So each link is read from the passage's end,
// as `describeLink` reads it:
// - a link drawn from the passage to the claim (X → C, "X supports C") reads
//   by its relation's name: "supports", "contradicts", "elaborates";
// - a link drawn from the claim to the passage (C → X, "C elaborates X")
//   reads by the relation's inverse: "elaborated by", the passage being
//   elaborated by the claim;
// - a symmetric relation ("contradicts", "same event") reads the same
//   either way.
// "C supports X" therefore shows as "supported by", never as "supports": it
// says the claim backs the source, not that the source backs the claim, and
// a matrix of evidence must not count it as support. A researcher records
// "the memorandum supports the claim" by linking from the memorandum's
// passage to the claim.

/// A document as a column of the matrix.
export interface MatrixDocument {
  id: string;
  title: string;
  date: DateSpan | null;
}

/// One relation in a cell: the passages of the column's document that stand
/// in it to the row's claim.
export interface CellRelation {
  /// The relation type's id.
  relation: string;
  /// How the passages stand to the claim: "supports", "elaborated by".
  phrase: string;
  /// In text order, with the link that says it, to jump to either.
  passages: { annotationId: string; linkId: string }[];
}

export interface ClaimCell {
  documentId: string;
  /// Whether the claim itself is a passage of this document.
  sourceOfClaim: boolean;
  /// In the order of the relation types; a relation's name before its
  /// inverse.
  relations: CellRelation[];
}

export interface ClaimRow {
  claim: Annotation;
  /// One per column, in the columns' order.
  cells: ClaimCell[];
}

export interface ClaimMatrix {
  /// The documents by date, undated last; then by title.
  columns: MatrixDocument[];
  /// The claims by their document's column, then in text order.
  rows: ClaimRow[];
}

export interface ClaimMatrixInput {
  /// Which annotations are claims: those carrying the tag type `tag`
  /// ('claim' unless given), among the annotation ids `among` when given (a
  /// set's), else among all.
  claims?: { tag?: string; among?: Iterable<string> };
  annotationsById: ReadonlyMap<string, Annotation>;
  links: Iterable<Link>;
  relationTypes: readonly RelationType[];
  /// The columns. A passage in a document not listed here is left out, and
  /// so is a link to an annotation not in `annotationsById`.
  documents: Iterable<MatrixDocument>;
}

/// Builds the matrix of claims against sources.
export function buildClaimMatrix(input: ClaimMatrixInput): ClaimMatrix {
  const { annotationsById, relationTypes } = input;
  const tag = input.claims?.tag ?? 'claim';
  const columns = [...input.documents].sort((a, b) => compareDates(a.date, b.date) || compare(a.title, b.title) || compare(a.id, b.id));
  const column = new Map(columns.map((d, i) => [d.id, i]));
  if (column.size < columns.length) throw new InvalidInput('$', 'The documents of a claim matrix must be different documents: one is listed twice.');

  const candidates = input.claims?.among ? [...new Set(input.claims.among)].flatMap((id) => annotationsById.get(id) ?? []) : [...annotationsById.values()];
  const claims = candidates
    .filter((a) => a.tags.includes(tag))
    .sort(
      (a, b) =>
        (column.get(a.documentId) ?? columns.length) - (column.get(b.documentId) ?? columns.length) || compare(a.documentId, b.documentId) || inText(a, b),
    );

  const claimIds = new Set(claims.map((c) => c.id));
  const linksAt = new Map<string, Link[]>();
  for (const link of input.links) {
    for (const end of new Set([link.from, link.to])) {
      if (!claimIds.has(end)) continue;
      const list = linksAt.get(end);
      if (list) list.push(link);
      else linksAt.set(end, [link]);
    }
  }
  const rank = new Map(relationTypes.map((r) => [r.id, r.order]));

  const rows = claims.map((claim): ClaimRow => {
    const cells = columns.map((d): ClaimCell => ({ documentId: d.id, sourceOfClaim: d.id === claim.documentId, relations: [] }));
    // Per cell, the relations by relation and phrase, with their passages.
    const found = cells.map(() => new Map<string, { relation: CellRelation; inverse: boolean; passages: { passage: Annotation; linkId: string }[] }>());
    for (const link of linksAt.get(claim.id) ?? []) {
      if (link.from === link.to) continue;
      const passage = annotationsById.get(otherEnd(link, claim.id));
      const at = passage ? column.get(passage.documentId) : undefined;
      if (!passage || at === undefined) continue;
      const phrase = describeLink(link, passage.id, relationTypes);
      const key = JSON.stringify([link.relation, phrase]);
      let group = found[at]!.get(key);
      if (!group) found[at]!.set(key, (group = { relation: { relation: link.relation, phrase, passages: [] }, inverse: link.to === passage.id, passages: [] }));
      group.passages.push({ passage, linkId: link.id });
    }
    found.forEach((groups, i) => {
      cells[i]!.relations = [...groups.values()]
        .sort(
          (a, b) =>
            (rank.get(a.relation.relation) ?? 0) - (rank.get(b.relation.relation) ?? 0) ||
            compare(a.relation.relation, b.relation.relation) ||
            Number(a.inverse) - Number(b.inverse),
        )
        .map((group) => ({
          ...group.relation,
          passages: group.passages
            .sort((a, b) => inText(a.passage, b.passage) || compare(a.linkId, b.linkId))
            .map((p) => ({ annotationId: p.passage.id, linkId: p.linkId })),
        }));
    });
    return { claim, cells };
  });
  return { columns, rows };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The order of `inTextOrder`: by start, an enclosing passage first.
function inText(a: Annotation, b: Annotation): number {
  return a.position.start - b.position.start || b.position.end - a.position.end || compare(a.id, b.id);
}
