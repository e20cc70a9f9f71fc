import { ActorIndex } from '../actors/actor-index';
import { type Anchor, AnchorText, anchorPassage, anchorStatus, quoteTooLong } from '../anchoring/anchor';
import { FuzzyBudget, importFuzzyBudget } from '../anchoring/budget';
import { describePassage } from '../anchoring/selectors';
import type { Annotation, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import { CodePoints } from './code-points';
import type { IncomingBatch } from './incoming';
import { authorshipOf } from './native-fields';
import { type LibraryPlan, type LibraryState, emptyLibraryPlan, planLibrary } from './library-merge';

/// An annotation of the file that cannot be placed in the library.
export interface Unplaced {
  id: string;
  path: string;
  quote: string;
  reason: string;
}

/// What importing a file will change, worked out before anything is written
/// and shown to the researcher as a preview.
export interface ImportPlan {
  /// Annotations the library does not have yet.
  add: Annotation[];
  /// Annotations the library has in an older version.
  update: Annotation[];
  /// Annotations already in the library as they are: the same passage,
  /// tags, name and note (their times aside).
  unchanged: number;
  /// Annotations the library has otherwise than the file: the library's is
  /// kept, the file's being no newer (or undated), and nothing is written.
  kept: number;
  /// Annotations that found their passage only approximately (the text
  /// differs from the quote: a revised transcription).
  fuzzy: number;
  /// Annotations that cannot be placed, with the reason; not imported.
  unplaced: Unplaced[];
  /// Tag types the file uses that the library does not have.
  addTagTypes: TagType[];
  /// Tag types of the file the library has already (by id).
  presentTagTypes: number;
  /// The file's relation types, links, actors and sets (a whole-library
  /// file), merged the same way.
  library: LibraryPlan;
  /// Times the file gave without a zone or time of day, read as UTC.
  zonelessTimes: number;
}

/// Plans the merge of a batch into the library. Every annotation is anchored
/// in the library's text of its document (for a foreign source, in whichever
/// one document holds its quote); those that cannot be placed are listed,
/// not guessed. Importing the same file twice plans nothing new.
///
/// The work is bounded: a quote too long to search for is listed at once
/// (unless its stored position holds it); a foreign annotation is searched
/// for approximately only when no document holds it as quoted, and only in
/// documents that could hold a near-copy; and approximate searches of whole
/// documents stop at `budget`, the annotations left then being listed.
export function planImport(
  batch: IncomingBatch,
  documents: ReadonlyMap<string, LibraryDocument>,
  existing: {
    annotations: ReadonlyMap<string, Annotation>;
    tagTypes: readonly TagType[];
    library?: LibraryState;
    /// The library's actor for a name or alias, so a name the file gives
    /// as the actor's canonical one (REFI-QDA's) is the name the library
    /// has; else the library's part's, else names are compared as written.
    resolveActor?: (name: string) => { id: string } | null;
  },
  budget = new FuzzyBudget(importFuzzyBudget),
): ImportPlan {
  const plan: ImportPlan = {
    add: [],
    update: [],
    unchanged: 0,
    kept: 0,
    fuzzy: 0,
    unplaced: [...batch.setAside],
    addTagTypes: [],
    presentTagTypes: 0,
    library: emptyLibraryPlan(),
    zonelessTimes: batch.zonelessTimes,
  };

  const index = existing.library && !existing.resolveActor ? new ActorIndex([...existing.library.actors.values()]) : null;
  const resolveActor = existing.resolveActor ?? (index ? (name: string) => index.resolve(name) : undefined);
  const knownTags = new Set(existing.tagTypes.map((tagType) => tagType.id));
  let nextOrder = existing.tagTypes.reduce((max, tagType) => Math.max(max, tagType.order + 1), 0);
  const usedTags = new Set(batch.annotations.flatMap((a) => a.tags));
  for (const tagType of [...batch.tagTypes].sort((a, b) => a.order - b.order)) {
    if (knownTags.has(tagType.id)) {
      plan.presentTagTypes++;
      continue;
    }
    // A whole-library file brings every tag type; another, those it uses.
    if (!batch.library && !usedTags.has(tagType.id)) continue;
    plan.addTagTypes.push({ ...tagType, order: nextOrder++ });
    knownTags.add(tagType.id);
  }

  const texts = new Map<string, AnchorText>();
  const textOf = (document: LibraryDocument) => {
    let text = texts.get(document.id);
    if (!text) texts.set(document.id, (text = new AnchorText(document.text.text)));
    return text;
  };
  const points = new Map<string, CodePoints>();
  // A W3C position counts code points: in the library's UTF-16 units, or
  // none when it does not fit the text (the quote then finds the passage).
  const positionIn = (document: LibraryDocument, entry: IncomingBatch['annotations'][number]) => {
    if (!entry.position || entry.positionUnit === 'utf16') return entry.position ?? undefined;
    let index = points.get(document.id);
    if (!index) points.set(document.id, (index = new CodePoints(document.text.text)));
    const start = index.toUtf16(entry.position.start);
    const end = index.toUtf16(entry.position.end);
    return end <= document.text.text.length ? { type: 'TextPositionSelector' as const, start, end } : undefined;
  };

  // A budget of nothing: records which documents wanted an approximate
  // search of their whole text, and makes none.
  const noFuzzy = new FuzzyBudget(0);
  const asked = new Set<string>();
  const anchorIn = (candidates: readonly LibraryDocument[], within: FuzzyBudget, entry: IncomingBatch['annotations'][number]) => {
    if (within === noFuzzy) asked.clear();
    return candidates.flatMap((document) => {
      const before = within.refused;
      const anchor = anchorPassage(textOf(document), entry.quote, positionIn(document, entry), within);
      if (within === noFuzzy && within.refused > before) asked.add(document.id);
      return anchor ? [{ document, anchor }] : [];
    });
  };

  for (const entry of batch.annotations) {
    let candidates: LibraryDocument[];
    if (entry.documentId !== null) {
      const document = documents.get(entry.documentId);
      if (!document) {
        plan.unplaced.push({
          id: entry.id,
          path: entry.path,
          quote: entry.quote.exact,
          reason: `there is no document “${entry.documentId}” in this library: import that document first (a whole-library Palimpsest JSON export brings it along), then this file again`,
        });
        continue;
      }
      candidates = [document];
    } else {
      candidates = [...documents.values()];
    }
    // Too long to search for: a quote over the cap, or longer than the one
    // document it names (for a foreign one, "in none" says the rest).
    const tooLong = quoteTooLong(entry.quote.exact, entry.documentId === null ? Number.POSITIVE_INFINITY : candidates[0]!.text.text.length);
    let refused = false;
    // Where the passage is as quoted (or folded): no approximate search of a
    // whole text, so a foreign annotation does not pay for one in every
    // document that lacks it.
    let found = anchorIn(candidates, noFuzzy, entry);
    if (found.length === 0 && !tooLong) {
      // Else approximately, in the documents that wanted it (those whose
      // text could hold a near-copy), while the budget lasts: in all of
      // them or none, so a near-copy in a document left unsearched never
      // goes unseen beside one found.
      const wanted = candidates.filter((document) => asked.has(document.id));
      const length = wanted.reduce((sum, document) => sum + document.text.text.length, 0);
      if (wanted.length > 0 && budget.affords(length)) found = anchorIn(wanted, budget, entry);
      else refused = wanted.length > 0;
    }
    if (found.length !== 1) {
      plan.unplaced.push({
        id: entry.id,
        path: entry.path,
        quote: entry.quote.exact,
        reason:
          found.length === 0
            ? tooLong
              ? tooLong
              : refused
                ? budget.refusedReason()
                : entry.documentId
                  ? `the passage is not in “${candidates[0]!.meta.title}”`
                  : `the passage is in none of the library’s documents${entry.source ? ` (source ${entry.source})` : ''}`
            : `the passage is in ${found.length} documents; the file does not say which`,
      });
      continue;
    }
    const [{ document, anchor }] = found as [{ document: LibraryDocument; anchor: Anchor }];
    if (anchorStatus(anchor) === 'fuzzy') plan.fuzzy++;
    // Re-describe the passage from the library's text, so stored selectors
    // always agree with the text they point into.
    const { quote, position } = describePassage(document.text.text, anchor.start, anchor.end);
    const annotation: Annotation = {
      id: entry.id,
      documentId: document.id,
      quote,
      position,
      tags: entry.tags.filter((t) => knownTags.has(t)),
      actor: entry.actor,
      note: entry.note,
      created: entry.created,
      modified: entry.modified,
      ...authorshipOf(entry),
    };
    const current = existing.annotations.get(annotation.id);
    if (!current) plan.add.push(annotation);
    // Undated in the file: nothing says it is the newer one. Else compared
    // as instants: times keep the zone they were written with, and
    // `…T09:30:00-01:00` is later than `…T10:00:00.000Z`.
    else if (!entry.undated && Date.parse(annotation.modified) > Date.parse(current.modified) && JSON.stringify(annotation) !== JSON.stringify(current))
      plan.update.push(annotation);
    // Not taken: counted apart when it reads otherwise than the library's,
    // so the preview never calls a passage "already here" that is not.
    else if (sameReading(annotation, current, resolveActor)) plan.unchanged++;
    else plan.kept++;
  }
  if (batch.library && existing.library) {
    const placed = new Set([...plan.add, ...plan.update].map((a) => a.id));
    const stored = existing.library.annotationIds;
    const exists = (id: string) => placed.has(id) || existing.annotations.has(id) || stored.has(id);
    plan.library = planLibrary(batch.library, existing.library, exists);
    // Not spread: a file may leave out hundreds of thousands of links.
    for (const item of plan.library.unplaced) plan.unplaced.push(item);
  }
  return plan;
}

// Whether two versions of an annotation read the same: the same passage of
// the same document, tags, note, and name (or names of the same actor).
// Times and authorship are not what a reader sees of it.
function sameReading(a: Annotation, b: Annotation, resolveActor?: (name: string) => { id: string } | null): boolean {
  const tags = (x: Annotation) => [...new Set(x.tags)].sort().join('\u0000');
  const actorOf = (name: string | null) => (name === null ? null : (resolveActor?.(name)?.id ?? `name:${name}`));
  return (
    a.documentId === b.documentId &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    tags(a) === tags(b) &&
    a.note === b.note &&
    (a.actor === b.actor || actorOf(a.actor) === actorOf(b.actor))
  );
}
