import { type Block, blockText } from '../document/model';
import { type DateSpan, type PartialDate, compareDates, findDate, parseDateSpan, sameDateSpan } from './dates';
import { firstLineTitle } from './titles';

/// What a document is, in the terms a historian cites it by. Every field is
/// read out of the document's own text; a field the text does not state is
/// `null`, never guessed, except a date found only in a sentence of the
/// body, which is kept marked as a guess (`DateSpan.guessed`).
export interface DocumentMeta {
  kind: DocumentKind;
  title: string;
  date: DateSpan | null;
  authors: string[];
  /// The full citation, as the source gives it or as built from its parts.
  citation: string | null;
  summary: string | null;
  /// The holding archive and its reference (fond, file, folder), as the
  /// source gives them.
  archive: string | null;
  /// The collection or fond within the archive ("fond 89").
  fond: string | null;
  /// The file or folder within it ("file 1071/10").
  folder: string | null;
  /// The pages or folios the document takes there ("ff. 12–19").
  pageRange: string | null;
  /// The digital archive or journal that published the text.
  publisher: string | null;
  originalLanguage: string | null;
  translator: string | null;
  doi: string | null;
  url: string | null;
  /// For a search listing: the documents it lists.
  entries: ListingEntry[];
}

export type DocumentKind = 'archival document' | 'journal article' | 'search listing' | 'document';

export interface ListingEntry {
  date: DateSpan;
  title: string;
  summary: string;
}

/// Reads a document's metadata out of its parsed blocks. The shapes
/// recognised are those of the sources historians bring: a digital archive's
/// entry ("Citation:", "Summary:", "Original Language:"), a journal article
/// (headings, author, DOI) and an archive's search-result listing.
export function extractMetadata(blocks: readonly Block[]): DocumentMeta {
  const texts = blocks.map((block) => blockText(block).trim());
  return listingMeta(texts) ?? archiveEntryMeta(texts) ?? articleMeta(blocks, texts) ?? fallbackMeta(blocks, texts);
}

function empty(kind: DocumentKind, title: string): DocumentMeta {
  return {
    kind,
    title,
    date: null,
    authors: [],
    citation: null,
    summary: null,
    archive: null,
    fond: null,
    folder: null,
    pageRange: null,
    publisher: null,
    originalLanguage: null,
    translator: null,
    doi: null,
    url: null,
    entries: [],
  };
}

/// The block after a label block such as "Summary:".
function afterLabel(texts: string[], label: string): string | null {
  const at = texts.findIndex((text) => text.replace(/^[•\s]+/, '').toLowerCase() === `${label.toLowerCase()}:`);
  const next = at >= 0 ? texts[at + 1] : undefined;
  return next ? next : null;
}

// A digital archive's citation line: "Title", Date, Publisher, Archive… The
// title may end in ".," inside the quotes, as one archive writes it.
const citationLine = /^["“](.+?)[,.]*["”]\s*,?\s*(.*)$/;

function archiveEntryMeta(texts: string[]): DocumentMeta | null {
  for (const text of texts) {
    // A citation is one line of a scraped page (with its summary on the line
    // before), or a whole paragraph when a transcription wraps it.
    const lines = [...text.split('\n'), text.replace(/\s*\n\s*/g, ' ')];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const match = citationLine.exec(line);
      if (!match) continue;
      const rest = match[2]!;
      const dated = findDate(rest);
      // The date must open what follows the title, or this is just a quotation.
      if (!dated || dated.index > 2) continue;
      const meta = empty('archival document', match[1]!.trim());
      meta.citation = line.trim();
      meta.date = { start: dated.date };
      const afterDate = rest.slice(dated.index + dated.length).replace(/^\s*,\s*/, '');
      const parts = firstSentence(afterDate).split(/,\s*/);
      if (parts.length > 1 && /archive/i.test(parts[0]!)) {
        meta.publisher = parts[0]!.trim();
        meta.archive = parts.slice(1).join(', ').trim() || null;
      } else {
        meta.archive = parts.join(', ').trim() || null;
      }
      meta.translator = /Translated (?:for \S+ )?by ([^.]+?)(?:\.\s|\.$|\s+https?:|$)/.exec(line)?.[1]?.trim() ?? null;
      meta.url = /https?:\/\/[^\s>]+/.exec(line)?.[0] ?? null;
      meta.summary = afterLabel(texts, 'Summary') ?? (i > 0 ? lines[i - 1]!.trim() : null);
      meta.originalLanguage = afterLabel(texts, 'Original Language');
      return meta;
    }
  }
  return null;
}

/// Text up to the first full stop that ends a sentence (a stop before a
/// capitalised word), so "V. 1967" or "16.4.62" do not end it early.
function firstSentence(text: string): string {
  const end = /\.\s+(?=[A-Z][a-z])|\s+https?:\/\//.exec(text);
  return (end ? text.slice(0, end.index) : text).replace(/\.$/, '');
}

function articleMeta(blocks: readonly Block[], texts: string[]): DocumentMeta | null {
  const doi = texts.map((text) => /(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)(10\.\d{4,9}\/[^\s"]+)/i.exec(text)?.[1]).find(Boolean);
  if (!doi) return null;
  const headings = blocks.map((block, i) => ({ block, text: texts[i]! })).filter(({ block }) => block.kind === 'heading');
  // The article's title is its most prominent heading below the journal's
  // own masthead (h1); its author is the smaller heading above the title.
  const titleHeading = headings.find(({ block }) => block.level === 2) ?? headings[headings.length - 1];
  if (!titleHeading) return null;
  const meta = empty('journal article', titleHeading.text);
  meta.doi = doi;
  meta.url = `https://doi.org/${doi}`;
  const titleIndex = blocks.indexOf(titleHeading.block);
  const author = headings.find(({ block }) => block.level >= 3 && blocks.indexOf(block) < titleIndex);
  if (author) meta.authors = [author.text.replace(/[*†‡\d\s]+$/, '').trim()];
  const masthead = headings.filter(({ block }) => block.level === 1 && blocks.indexOf(block) < titleIndex);
  const journal = masthead[masthead.length - 1];
  if (journal) meta.publisher = titleCase(journal.text);
  const front = texts.slice(0, titleIndex + 1);
  const yearText = front.find((text) => /^(1[5-9]|20)\d\d$/.test(text)) ?? front.map((text) => /\b(?:19|20)\d\d\b/.exec(text)?.[0]).find(Boolean);
  if (yearText) meta.date = { start: { year: Number(/\d{4}/.exec(yearText)![0]) } };
  meta.citation = [
    meta.authors.join(', '),
    `“${meta.title}”`,
    [meta.publisher, meta.date ? `(${meta.date.start.year})` : null].filter(Boolean).join(' '),
    meta.url,
  ]
    .filter(Boolean)
    .join(', ');
  const abstract = texts.find((text) => /^Abstract:/i.test(text));
  if (abstract) meta.summary = abstract.replace(/^Abstract:\s*/i, '');
  return meta;
}

function titleCase(text: string): string {
  return text === text.toUpperCase() ? text.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase()) : text;
}

function listingMeta(texts: string[]): DocumentMeta | null {
  const resultsAt = texts.findIndex((text) => /^Results:?$/i.test(text));
  const count = texts.map((text) => /^\d+\s*-\s*\d+\s+of\s+(\d+)$/.exec(text)).find(Boolean);
  if (resultsAt < 0 || !count) return null;
  const entries: ListingEntry[] = [];
  for (let i = resultsAt; i < texts.length - 1; i++) {
    const date = parseDateSpan(texts[i]!);
    if (!date) continue;
    entries.push({ date, title: texts[i + 1]!, summary: texts[i + 2] && !parseDateSpan(texts[i + 2]!) ? texts[i + 2]! : '' });
  }
  const total = Number(count[1]);
  const meta = empty('search listing', `Archive search results: ${total} document${total === 1 ? '' : 's'}`);
  meta.entries = entries;
  const sorted = entries.map((entry) => entry.date).sort(compareDates);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && last) meta.date = spanOf(first.start, last.end ?? last.start);
  meta.summary = `A digital archive's list of search results: ${entries.map((entry) => entry.title).join('; ')}.`;
  return meta;
}

function spanOf(start: PartialDate, end: PartialDate): DateSpan {
  return start.year === end.year && start.month === end.month && start.day === end.day ? { start } : { start, end };
}

function fallbackMeta(blocks: readonly Block[], texts: string[]): DocumentMeta {
  const heading = blocks.findIndex((block) => block.kind === 'heading');
  const first = heading >= 0 ? texts[heading]! : (texts.find((text) => text.length > 0) ?? 'Untitled document');
  // The first line stands for a title: a sentence's full stop is not part of it.
  const title = firstLineTitle(first.split('\n')[0]!.slice(0, 160));
  const meta = empty('document', title);
  const top = texts.slice(0, 8);
  // A date line at the top ("2 April 1962", "Prague, 2 April 1962",
  // "Date: April 1962") says when the document was written; a date inside
  // a sentence ("…in November 1960 the delegation…") may be any event it
  // mentions, so it is only a guess until the researcher confirms it.
  const stated = top
    .flatMap((text) => text.split('\n'))
    .map(dateLine)
    .find(Boolean);
  if (stated) meta.date = { start: stated };
  else {
    const dated = top.map((text) => findDate(text)).find(Boolean);
    if (dated) meta.date = { start: dated.date, guessed: true };
  }
  return meta;
}

// What may stand around a date on a date line: a label before it ("Date:",
// "Dated"), a place of capitalised words and a comma ("Prague, ", "New
// York, "), a full stop after it. "The meeting ended in November 1960." is
// a sentence, not a date line.
const dateLineBefore = /^(?:(?:[Dd]ate[d]?|DATE[D]?|Datum|Дата)\s*:?\s*)?(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s*)?$/u;
const dateLineAfter = /^[.\s]*$/;

/// The date a line states when the line is a date line, or null.
function dateLine(line: string): PartialDate | null {
  const text = line.trim();
  if (text.length > 80) return null;
  const found = findDate(text);
  if (!found) return null;
  const before = text.slice(0, found.index);
  const after = text.slice(found.index + found.length);
  return dateLineBefore.test(before) && dateLineAfter.test(after) ? found.date : null;
}

/// A stored description read before guessed dates were told apart (its
/// date has no `guessed` flag), with its date marked a guess when the
/// document's text, read again, gives that same date only as a guess. A
/// description whose date is flagged either way is returned as it is.
export function markGuessedDate(stored: DocumentMeta, blocks: readonly Block[]): DocumentMeta {
  if (!stored.date || stored.date.guessed !== undefined) return stored;
  const read = extractMetadata(blocks).date;
  if (!read?.guessed || !sameDateSpan(read, stored.date)) return stored;
  return { ...stored, date: { ...stored.date, guessed: true } };
}
