/// Titles guessed from what a file holds, tidied as a cataloguer would:
/// a first line's closing full stop, a web page's site name. A title the
/// file states as its own (a PDF's Title, a page's citation_title, a
/// `<title>` with no site name in it) keeps its words.

// Abbreviations whose full stop belongs to the word: "Brief No.", "Smith
// and Co.", "1962 etc.".
const abbreviation =
  /(?:^|[\s(])(?:no|nos|vol|vols|ed|eds|co|corp|inc|ltd|jr|sr|st|dr|mr|mrs|ms|prof|gen|col|capt|lt|etc|al|cf|pp|ch|art|fig|ibid|op|cit|approx)\.$/i;

/// A title guessed from a document's first line, less the full stop that
/// closes it as a sentence ("Report on the situation." → "Report on the
/// situation"). An ellipsis, an abbreviation ("Brief No."), an initial
/// ("J.") or initials ("U.S.S.R.") keep theirs.
export function firstLineTitle(line: string): string {
  const text = line.trim();
  if (!/[\p{L}\p{N})\]'’"”»]\.$/u.test(text) || text.endsWith('..')) return text;
  if (abbreviation.test(text)) return text;
  // An initial or a run of initials: "George F." or "U.S.S.R.".
  if (/(?:^|[\s.(])\p{L}\.$/u.test(text)) return text;
  return text.slice(0, -1).trimEnd();
}

// What sites put between a page's title and their name: "Title | Site",
// "Title - Site", "Title – Site", "Title — Site", "Title · Site",
// "Title :: Site", "Title » Site". A hyphen or dash counts only with a space
// each side ("Sino-Soviet" is one word, "1960–1961" one span).
const separator = /\s+(?:[|·•»]|::|[-–—])\s+/gu;

/// The title of a web page from its `<title>`, less the site's name:
/// "Report on the Stance of the DPRK | Wilson Center Digital Archive" →
/// "Report on the Stance of the DPRK". `site` is the name the page gives
/// its site (`og:site_name`, `application-name`), which is dropped at
/// either end. Without it, the part after the last separator is taken for
/// the site's name when it reads as one: a few words, no date, and
/// shorter than the title before it. A `<title>` with no separator is the
/// page's own title and is returned as it is.
export function pageTitle(title: string, site?: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  const parts = text.split(separator).map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => part === '')) return text;
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
  if (site?.trim()) {
    const name = site.replace(/\s+/g, ' ').trim();
    if (same(parts.at(-1)!, name)) return withoutLast(text);
    if (same(parts[0]!, name)) return withoutFirst(text);
  }
  const tail = parts.at(-1)!;
  const head = withoutLast(text);
  const words = tail.split(' ').length;
  const dated = /\d{3,4}/.test(tail);
  // "Report on Albania – Part II" names a part of the work, not a site.
  const part = /^(?:part|vol(?:ume)?|book|chapter|section|annex|appendix|no)\b/i.test(tail);
  return words <= 6 && !dated && !part && /\p{L}/u.test(tail) && tail.length < head.length ? head : text;
}

// The text before its last separator, or after its first.
function withoutLast(text: string): string {
  const matches = [...text.matchAll(separator)];
  return text.slice(0, matches.at(-1)!.index).trim();
}

function withoutFirst(text: string): string {
  const match = [...text.matchAll(separator)][0]!;
  return text.slice(match.index + match[0].length).trim();
}
