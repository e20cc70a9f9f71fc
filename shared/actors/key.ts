import { foldTerm } from '../search/fold';

// Apostrophes join rather than separate: the soft sign of a transliteration
// ("Gor’kiy", "Gorkiy") and an elision ("D’Estaing") are written both ways.
// foldTerm has already made every apostrophe a plain one.
const joining = /'/g;
// Everything that is neither a letter, a mark nor a digit separates words:
// the full stops of initials ("N.S." is "N. S."), hyphens ("Song-un" is
// "Song Un"), commas, brackets.
const separating = /[^\p{L}\p{M}\p{N}]+/gu;

/// The key two spellings of a name share when they are the same name: case
/// and diacritics folded as search folds them ("Mëhilli" is "mehilli"),
/// initials however punctuated or spaced ("N.S. Khrushchev", "N. S.
/// Khrushchev" and "n s khrushchev" are one), hyphens as spaces ("Ri
/// Song-un" is "Ri Song Un"), apostrophes dropped, white space collapsed.
/// Word order and titles are kept: "Khrushchev, N. S." and "Comrade Ri
/// Song-un" are other keys, for `suggestAliases` to offer, never to merge.
/// A name without letters or digits has the empty key, which names no one.
export function actorKey(name: string): string {
  return foldTerm(name).replace(joining, '').replace(separating, ' ').trim();
}
