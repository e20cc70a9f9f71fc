import type { DateSpan, PartialDate } from '../corpus/dates';
import { parseDateSpan } from '../corpus/dates';
import type { DocumentMeta } from '../corpus/metadata';

/// Metadata a file states about itself (PDF info, Word core properties,
/// HTML meta tags), as far as it maps onto a document's metadata.
export type FileMeta = Partial<DocumentMeta>;

/// A date as file properties write it: ISO 8601 ("1962-01-19",
/// "1962-01-19T10:00:00Z", "1962-01", "1962"), a PDF date
/// ("D:19620119100000+01'00'") or words ("19 January 1962"). The date is
/// kept as written, with the precision given; the time and zone are not.
/// `null` for anything else.
export function dateSpanOf(value: string): DateSpan | null {
  const text = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(text);
  const iso = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T\s].*)?$/.exec(text);
  const parts = pdf ?? iso;
  if (parts) {
    const date: PartialDate = { year: Number(parts[1]) };
    const month = parts[2] ? Number(parts[2]) : undefined;
    const day = parts[3] ? Number(parts[3]) : undefined;
    if (date.year < 1000 || date.year > 2999) return null;
    if (month !== undefined) {
      if (month < 1 || month > 12) return null;
      date.month = month;
      if (day !== undefined) {
        if (day < 1 || day > 31) return null;
        date.day = day;
      }
    }
    return { start: date };
  }
  return parseDateSpan(text);
}

// Titles that programs write, not people: "Microsoft Word - memo.doc",
// "untitled", "Document1", a file name, "PowerPoint Presentation".
const junkTitle =
  /^(?:untitled(?:\s+document)?|no title|title|document\s*\d*|new document|doc\d*|presentation\d*|powerpoint presentation|slide \d+|print|page \d+|scan(?:ned)?(?: document)?\s*\d*|img_?\d+|microsoft word\s*-.*|.*\.(?:docx?|pdf|rtf|odt|txt|html?|indd|tex|dvi|ps|qxd|wpd)|[^\p{L}]*)$/iu;

// Authors that programs write: account names and placeholders.
const junkAuthor = /^(?:admin(?:istrator)?|user|owner|author|unknown|anonymous|un-named|windows user|microsoft office user|default|guest|root|[^\p{L}]*)$/iu;

/// Whether a title from a file's properties is a program's placeholder,
/// not the document's title.
export function isJunkTitle(title: string): boolean {
  const text = title.trim();
  return text.length < 3 || junkTitle.test(text);
}

/// Whether an author from a file's properties is an account name or a
/// placeholder, not a person.
export function isJunkAuthor(author: string): boolean {
  const text = author.trim();
  return text.length < 2 || junkAuthor.test(text);
}

/// The document's metadata with the file's own properties laid over what
/// its text says. A file property wins where it is present and not junk
/// (placeholder titles and account names are dropped here too, whoever
/// built `file`), with two exceptions. A file's date only fills in a date
/// the text does not state: a PDF's or Word file's date is when the file was
/// made (a scan in 2019), not when the source was written (1962), and a
/// date the text states is the historian's evidence. A date the text only
/// mentions in a sentence is a guess, and the file's date, which is
/// metadata, is taken over it. And a file's kind only replaces the generic
/// "document".
export function mergeFileMeta(text: DocumentMeta, file: FileMeta): DocumentMeta {
  const merged: DocumentMeta = { ...text };
  if (file.title && !isJunkTitle(file.title)) merged.title = file.title.trim();
  const authors = (file.authors ?? []).map((author) => author.trim()).filter((author) => !isJunkAuthor(author));
  if (authors.length > 0) merged.authors = authors;
  // Over a guess, the file's date is marked as no guess, so that reading
  // the text again at load (markGuessedDate) does not take it for one.
  if (file.date && text.date?.guessed) merged.date = { ...file.date, guessed: false };
  else if (file.date && !text.date) merged.date = file.date;
  if (file.kind && text.kind === 'document') merged.kind = file.kind;
  for (const key of ['citation', 'summary', 'archive', 'publisher', 'originalLanguage', 'translator', 'doi', 'url'] as const) {
    const value = file[key]?.trim();
    if (value) merged[key] = value;
  }
  return merged;
}
