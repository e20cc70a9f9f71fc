import { occurrencesWithin } from './occurrences';

// How many characters on each side of a copy are compared between the old
// and the new text, and how many of those must read the same for the place
// found to be that copy, unchanged: half, so an edit just beside it (the
// deletion itself often is) does not hide it, while two passages that only
// share their words do not pass for each other.
const echoLength = 32;
const minEcho = 32;

/// Whether the place a passage was found (`found`, in the new text) is
/// better explained as another copy of its quote that the old text already
/// held, with the same words around it, than as the passage itself.
/// Repeated text is common in archival sources (a citation line under every
/// document of a listing, a formula of address); when a revision deletes one
/// copy, the anchoring chain would otherwise find a surviving copy and move
/// the annotation onto a passage the researcher never marked.
///
/// `own` is the passage's offset in `previous`, `expected` where the text
/// near it now stands in `next`. An old copy at `o` explains the place found
/// when it lands nearer to it (at `o + expected - own`) than the passage's
/// own expected place does, and reads the same around it.
///
/// The trade-off is precision over recall: a passage genuinely moved next
/// to an identical copy of itself is orphaned too, and the researcher
/// re-attaches it from the review list rather than finding it silently
/// placed on the wrong copy.
export function explainedByCopy(previous: string, next: string, exact: string, own: number, found: number, expected: number): boolean {
  if (!exact) throw new RangeError('explainedByCopy needs a quote with at least one character.');
  const shift = expected - own;
  const reach = Math.abs(found - expected);
  // A copy nearer than the quote's own length would overlap the passage:
  // only a quote repeating itself ("— — —") can do that, so the common case
  // of a passage found a few characters off (a word inserted before it) is
  // answered without a search.
  if (reach < exact.length) return false;
  // Only copies strictly nearer than the passage's own place can explain it.
  const near: [number, number] = [found - shift - reach + 1, found - shift + reach - 1 + exact.length];
  return occurrencesWithin(previous, exact, near).some((o) => o !== own && sameAround(previous, o, next, found, exact.length));
}

/// Whether the text around a quote of `length` at `a` in one text and at
/// `b` in another reads the same for at least `minEcho` of the `echoLength`
/// characters compared on each side, counted outward from the quote.
function sameAround(one: string, a: number, two: string, b: number, length: number): boolean {
  let same = 0;
  for (let k = 1; k <= echoLength && a - k >= 0 && b - k >= 0 && one.charCodeAt(a - k) === two.charCodeAt(b - k); k++) same++;
  const x = a + length;
  const y = b + length;
  for (let k = 0; k < echoLength && x + k < one.length && y + k < two.length && one.charCodeAt(x + k) === two.charCodeAt(y + k); k++) same++;
  return same >= minEcho;
}
