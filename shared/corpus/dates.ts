/// Dates as historians' sources give them: often partial ("April 1957"),
/// sometimes a span ("1960–1961"). A date keeps only the precision its
/// source states, and sorts by its earliest moment.

export interface PartialDate {
  year: number;
  /// 1–12, absent when the source names only a year.
  month?: number;
  /// 1–31, absent when the source names only a month or a year.
  day?: number;
}

export interface DateSpan {
  start: PartialDate;
  /// Present for spans ("1960–1961"); the end's own precision is kept.
  end?: PartialDate;
  /// `true` when the date was guessed: from a sentence of the document's
  /// body, or from when its file was made (a PDF's or Word file's creation
  /// date), not read from metadata that dates the text (a citation, a date
  /// line at the top, a page's publication date): shown with a question
  /// mark ("November 1960?") until the researcher confirms it. `false` when known not to be a
  /// guess (read from metadata, or confirmed). Absent in libraries stored
  /// before guesses were told apart: see `markGuessedDate` in metadata.ts.
  guessed?: boolean;
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = monthNames.findIndex((name) => name.startsWith(w) && w.length >= 3);
  return index >= 0 ? index + 1 : undefined;
}

const month = '\\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const year = '(1[5-9]\\d\\d|20\\d\\d)';
const day = '(\\d{1,2})';

// The shapes tried, most precise first; each names the order of its groups.
const shapes: { pattern: RegExp; order: ('m' | 'd' | 'y')[] }[] = [
  { pattern: new RegExp(`${month}\\s+${day},?\\s+${year}`, 'i'), order: ['m', 'd', 'y'] },
  { pattern: new RegExp(`${day}\\s+${month},?\\s+${year}`, 'i'), order: ['d', 'm', 'y'] },
  { pattern: new RegExp(`${month},?\\s+${year}`, 'i'), order: ['m', 'y'] },
];

function build(groups: string[], order: ('m' | 'd' | 'y')[]): PartialDate | null {
  const date: PartialDate = { year: 0 };
  order.forEach((part, i) => {
    const value = groups[i]!;
    if (part === 'y') date.year = Number(value);
    else if (part === 'd') date.day = Number(value);
    else {
      const m = monthOf(value);
      if (m !== undefined) date.month = m;
    }
  });
  if (!date.month && order.includes('m')) return null;
  if (date.day !== undefined && (date.day < 1 || date.day > 31)) return null;
  return date;
}

/// Finds the first date written out in `text` ("January 19, 1962",
/// "2 April 1962", "19 JAN 1962", "April 1957"); `null` when there is none.
export function findDate(text: string): { date: PartialDate; index: number; length: number } | null {
  let best: { date: PartialDate; index: number; length: number } | null = null;
  for (const { pattern, order } of shapes) {
    const match = pattern.exec(text);
    if (!match) continue;
    const date = build(match.slice(1), order);
    // Prefer the earliest match in the text; at the same place, the more precise shape (tried first).
    if (date && (!best || match.index < best.index)) best = { date, index: match.index, length: match[0].length };
  }
  return best;
}

/// Parses a text that is wholly a date or a span: "April 1957",
/// "January 19, 1962", "1960–1961", "1962". `null` otherwise.
export function parseDateSpan(text: string): DateSpan | null {
  const trimmed = text.trim();
  const range = /^(1[5-9]\d\d|20\d\d)\s*[–—-]\s*(1[5-9]\d\d|20\d\d)$/.exec(trimmed);
  if (range) return { start: { year: Number(range[1]) }, end: { year: Number(range[2]) } };
  if (/^(1[5-9]\d\d|20\d\d)$/.test(trimmed)) return { start: { year: Number(trimmed) } };
  const found = findDate(trimmed);
  if (found && found.index === 0 && found.length === trimmed.length) return { start: found.date };
  return null;
}

/// A key that sorts dates chronologically, a partial date before the
/// precise dates it contains ("1962" < "1962-01" < "1962-01-19").
export function dateSortKey(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}${date.month ? `-${pad(date.month)}` : ''}${date.day ? `-${pad(date.day)}` : ''}`;
}

/// The date in the form a reader expects: "19 January 1962", "April 1957".
export function formatDate(date: PartialDate): string {
  const monthName = date.month ? monthNames[date.month - 1]! : '';
  const cap = monthName.charAt(0).toUpperCase() + monthName.slice(1);
  if (date.day && date.month) return `${date.day} ${cap} ${date.year}`;
  if (date.month) return `${cap} ${date.year}`;
  return String(date.year);
}

/// The span in words, a guess ending in a question mark: "19 January
/// 1962", "1960 – 1961", "November 1960?".
export function formatDateSpan(span: DateSpan): string {
  return plainDateSpan(span) + (span.guessed ? '?' : '');
}

/// The span in words without a guess's question mark, as a form shows it
/// for editing.
export function plainDateSpan(span: DateSpan): string {
  if (!span.end) return formatDate(span.start);
  return `${formatDate(span.start)} – ${formatDate(span.end)}`;
}

/// Whether two spans name the same dates, guessed or not.
export function sameDateSpan(a: DateSpan, b: DateSpan): boolean {
  const key = (span: DateSpan) => `${dateSortKey(span.start)}/${span.end ? dateSortKey(span.end) : ''}`;
  return key(a) === key(b);
}

/// Compares two dates (or their absence, which sorts last).
export function compareDates(a: DateSpan | null, b: DateSpan | null): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const ka = dateSortKey(a.start);
  const kb = dateSortKey(b.start);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
