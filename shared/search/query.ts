import { termsOf } from './tokenize';

/// One position of a clause: a folded word, or a folded prefix of words.
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/// Words that must occur one after the other: a single word, a word the
/// tokenizer splits ("Sino-Soviet", "Khrushchev's"), or a quoted phrase.
export interface Clause {
  terms: QueryTerm[];
}

/// A parsed query: every clause must occur in a document for it to match.
/// No clauses means nothing to search for (an empty query, or one of
/// punctuation only); searching it finds nothing.
export interface Query {
  clauses: Clause[];
}

/// Parses what a researcher typed:
/// - words separated by spaces, each of which must occur in the document;
/// - "a phrase in double quotes", whose words must occur one after the other
///   (an unclosed quote runs to the end of the query, as a user typing
///   `"sino sov` means);
/// - a trailing `*` for a prefix (`Sino*`, also inside a phrase:
///   `"soviet lead*"`).
/// Case, diacritics and punctuation are folded as the texts are, so a word
/// with inner punctuation is itself a phrase of its parts. A clause given
/// twice counts once.
export function parseQuery(text: string): Query {
  const clauses: Clause[] = [];
  const add = (terms: QueryTerm[]) => {
    if (terms.length === 0 || clauses.some((clause) => sameTerms(clause.terms, terms))) return;
    clauses.push({ terms });
  };
  // One pass over the characters, a word ending at a space, a quote or the
  // end: a ranking parses its query every time it is asked, and splitting
  // by regular expressions into arrays of parts was a tenth of asking
  // "of the" of 100 texts.
  let quoted = false;
  let phrase: QueryTerm[] = [];
  let word = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : space;
    const quote = isQuote(code);
    if (!quote && !isSpace(code)) {
      if (word < 0) word = i;
      continue;
    }
    if (word >= 0) {
      const terms = wordTerms(text.slice(word, i));
      if (quoted) for (const term of terms) phrase.push(term);
      else add(terms);
      word = -1;
    }
    if (!quote) continue;
    if (quoted) {
      add(phrase);
      phrase = [];
    }
    quoted = !quoted;
  }
  // An unclosed quote runs to the end.
  if (quoted) add(phrase);
  return { clauses };
}

const space = 0x20;

// Whether two clauses' terms are the same words and prefixes.
function sameTerms(a: readonly QueryTerm[], b: readonly QueryTerm[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.term !== b[i]!.term || a[i]!.prefix !== b[i]!.prefix) return false;
  return true;
}

// The straight double quote, and those anchoring folds to it (see
// normalizeForMatching): a Mac or a word processor turns the researcher's
// "…" into “…”, and a Russian or French keyboard types «…».
function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f || code === 0x2033 || code === 0xab || code === 0xbb;
}

// Whether the character is one that `\s` matches in a regular expression.
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function wordTerms(word: string): QueryTerm[] {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) === star) end--;
  const prefix = end < word.length;
  // The stars are not part of a word (the tokenizer drops them), and a
  // word of plain letters folds without the full path (see termsOf).
  const terms = termsOf(prefix ? word.slice(0, end) : word).map((term) => ({ term, prefix: false }));
  if (prefix && terms.length > 0) terms[terms.length - 1]!.prefix = true;
  return terms;
}

const star = 0x2a;
