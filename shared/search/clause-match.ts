import { DocumentIndex } from './document-index';
import { gallop } from './sorted';
import { DocumentLexicon } from './document-lexicon';
import type { Clause } from './query';
import { TermSet } from './term-set';
import type { Vocabulary } from './vocabulary';

/// A clause of a query resolved against a vocabulary: one set of accepted
/// words per position.
export class ClauseMatcher {
  readonly sets: readonly TermSet[];

  constructor(clause: Clause, vocabulary: Vocabulary) {
    if (clause.terms.length === 0) throw new RangeError('A clause needs at least one word.');
    this.sets = clause.terms.map((t) => (t.prefix ? TermSet.prefix(t.term, vocabulary) : TermSet.exact(t.term, vocabulary)));
  }

  /// Whether no document can hold it: one of its positions accepts no word
  /// the index has seen.
  get impossible(): boolean {
    return this.sets.some((set) => set.empty);
  }

  /// Whether every word it needs is in `document` (necessary for a match,
  /// and for a single word sufficient).
  mayOccurIn(document: DocumentIndex | DocumentLexicon): boolean {
    return this.sets.every((set) => document.countOf(set) > 0);
  }

  /// Its two words' numbers when it is a phrase of two single words (no
  /// prefix), the phrase counted from pairs (see PhraseCounts); else null.
  get pair(): [number, number] | null {
    const sets = this.sets;
    return sets.length === 2 && sets[0]!.single >= 0 && sets[1]!.single >= 0 ? [sets[0]!.single, sets[1]!.single] : null;
  }

  /// Whether counting it needs the document's positions (a phrase), not
  /// only its words' counts.
  get needsPositions(): boolean {
    return this.sets.length > 1;
  }

  /// How often it occurs in `document`; a phrase needs the document's whole
  /// index (see needsPositions).
  count(document: DocumentIndex | DocumentLexicon): number {
    if (this.sets.length === 1) return document.countOf(this.sets[0]!);
    if (document instanceof DocumentLexicon) {
      const kept = this.pairIn(document);
      if (kept >= 0) return kept;
    }
    if (!(document instanceof DocumentIndex) && !this.mayOccurIn(document)) return 0;
    if (!(document instanceof DocumentIndex)) throw new RangeError(`A phrase was counted in document ${document.id} before its index was read.`);
    // Two words, the commonest phrase asked: counted with no allocation,
    // common pairs looked up (see DocumentIndex.phraseCount).
    if (this.sets.length === 2 && this.sets[0]!.single >= 0 && this.sets[1]!.single >= 0)
      return document.phraseCount(this.sets[0]!.single, this.sets[1]!.single);
    return this.scan(document, null);
  }

  /// Whether `count` can tell how often it occurs in `document`: always in
  /// a whole index; in a lexicon, a single word or prefix, or a phrase of
  /// two words common in it (its pairs are kept, see DocumentLexicon), or
  /// one whose words it lacks.
  countableIn(document: DocumentIndex | DocumentLexicon): boolean {
    if (this.sets.length === 1 || document instanceof DocumentIndex) return true;
    return this.pairIn(document) >= 0 || !this.mayOccurIn(document);
  }

  // A two-word phrase's count from `document`'s kept pairs, or -1.
  private pairIn(document: DocumentLexicon): number {
    if (this.sets.length !== 2 || this.sets[0]!.single < 0 || this.sets[1]!.single < 0) return -1;
    return document.pairCount(this.sets[0]!.single, this.sets[1]!.single);
  }

  /// Appends the [start, end) of each occurrence in `document` to `out`, in
  /// text order, and returns how many there were.
  spans(document: DocumentIndex, out: number[]): number {
    return this.scan(document, out);
  }

  /// Whether it and `other` can match the same words at the same place (a
  /// word and a prefix of it, say), so that their hits could coincide.
  overlaps(other: ClauseMatcher): boolean {
    return this.sets.length === other.sets.length && this.sets.every((set, i) => set.intersects(other.sets[i]!));
  }

  // Checks the clause only where the position that accepts the fewest of
  // the document's words finds one of them: a phrase with a rare word costs
  // its few occurrences, and even "of the" only the occurrences of "of",
  // not a pass over every word of the document.
  private scan(document: DocumentIndex, out: number[] | null): number {
    const { starts } = document;
    const sets = this.sets;
    const width = sets.length;
    const counts = sets.map((set) => document.countOf(set));
    let anchor = 0;
    for (let j = 1; j < width; j++) if (counts[j]! < counts[anchor]!) anchor = j;
    if (counts[anchor] === 0) return 0;
    const positions = document.occurrences(sets[anchor]!);
    // The other positions are checked by walking their own occurrences
    // beside the anchor's (a prefix's merged): the index keeps no word by
    // its place (see DocumentIndex), and two sorted lists read in order
    // cost less than a read at every candidate anyway.
    const lists = sets.map((set, j) => (j !== anchor ? document.occurrences(set) : null));
    const cursors = new Int32Array(width);
    // A phrase does not run on from one paragraph into the next: what reads
    // as "… the Soviet" at the end of one block and "Union …" at the start of
    // the next is not the phrase "Soviet Union". The candidates come in text
    // order, so one pointer walks the paragraph starts beside them.
    const paragraphs = document.paragraphStarts;
    let paragraph = 0;
    let count = 0;
    next: for (let p = 0; p < positions.length; p++) {
      const i = positions[p]! - anchor;
      if (i < 0 || i + width > document.length) continue;
      for (let j = 0; j < width; j++) {
        if (j === anchor) continue;
        const list = lists[j]!;
        const c = gallop(list, cursors[j]!, list.length, i + j);
        cursors[j] = c;
        if (c === list.length || list[c] !== i + j) continue next;
      }
      if (width > 1) {
        while (paragraph < paragraphs.length && paragraphs[paragraph]! <= i) paragraph++;
        if (paragraph < paragraphs.length && paragraphs[paragraph]! < i + width) continue;
      }
      count++;
      out?.push(starts[i]!, document.end(i + width - 1));
    }
    return count;
  }
}
