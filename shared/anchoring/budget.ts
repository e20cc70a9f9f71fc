/// How much approximate searching of whole texts one job (an import, the
/// CLI's `anchor`) may do. A passage with no stored position that is not in
/// a text verbatim is searched for approximately over the whole text, which
/// costs time in proportion to the text (about a millisecond for a 64 KB
/// article); a file of a million such passages would run for many minutes.
/// Past the budget those searches are refused, and the caller lists the
/// passages concerned with the reason (`refusedReason`), never drops them.
export class FuzzyBudget {
  /// Whole-text approximate searches made so far.
  searches = 0;
  /// Characters of text they searched.
  searched = 0;
  /// Searches refused because the budget was spent.
  refused = 0;

  /// `characters`: how many characters of text, in all, may be searched.
  constructor(readonly characters: number) {
    if (!(characters >= 0)) throw new RangeError(`A fuzzy-search budget must be a number of characters, zero or more; got ${characters}.`);
  }

  /// Takes a search of `length` characters from the budget: `false`, and the
  /// refusal counted, when it would go past it.
  take(length: number): boolean {
    if (this.searched + length > this.characters) {
      this.refused++;
      return false;
    }
    this.searches++;
    this.searched += length;
    return true;
  }

  /// Whether a search of `length` characters still fits; `false` counts a
  /// refusal, so a caller can skip the work leading up to the search.
  affords(length: number): boolean {
    if (this.searched + length <= this.characters) return true;
    this.refused++;
    return false;
  }

  /// Why a passage was not searched for, in words for the researcher;
  /// `job` names what spent the budget.
  refusedReason(job = 'this import'): string {
    return `the passage is not in the text as quoted, and ${job} has spent its allowance of approximate searches (${this.characters.toLocaleString('en-GB')} characters of text); give the annotation its document and position, or take fewer at a time`;
  }
}

/// The budget of one import (and of one run of the CLI's `anchor`): 50
/// million characters, a few seconds of approximate search (some 750
/// searches of a 64 KB article).
export const importFuzzyBudget = 50_000_000;
