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
  const seen = new Set<string>();
  const add = (terms: QueryTerm[]) => {
    const key = terms.map((t) => `${t.term}${t.prefix ? '*' : ''}`).join(' ');
    if (terms.length === 0 || seen.has(key)) return;
    seen.add(key);
    clauses.push({ terms });
  };
  // Typographic quotes are quotes too: a Mac or a word processor turns the
  // researcher's "…" into “…”, and a Russian or French keyboard types «…».
  text
    .replace(typographicQuotes, '"')
    .split('"')
    .forEach((part, i) => {
      // Odd parts were inside quotes.
      if (i % 2 === 1) add(part.split(/\s+/).flatMap(wordTerms));
      else for (const word of part.split(/\s+/)) add(wordTerms(word));
    });
  return { clauses };
}

// The double quotes anchoring folds to '"' (see normalizeForMatching).
const typographicQuotes = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

function wordTerms(word: string): QueryTerm[] {
  const prefix = /\*$/.test(word);
  // The stars are not part of a word (the tokenizer drops them), and a
  // word of plain letters folds without the full path (see termsOf).
  const terms = termsOf(prefix ? word.replace(/\*+$/, '') : word).map((term) => ({ term, prefix: false }));
  if (prefix && terms.length > 0) terms[terms.length - 1]!.prefix = true;
  return terms;
}
