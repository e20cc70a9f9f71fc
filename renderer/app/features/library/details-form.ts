import { parseDateSpan, plainDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentMeta } from '../../../../shared/corpus/metadata';

/// The fields of the details form, as typed: every one free text.
export interface DetailsForm {
  title: string;
  /// One name per line, or several separated by semicolons (a name may
  /// hold a comma: "Dvořák, Richard").
  authors: string;
  date: string;
  archive: string;
  fond: string;
  folder: string;
  pageRange: string;
  publisher: string;
  originalLanguage: string;
  translator: string;
  url: string;
  citation: string;
  summary: string;
  collection: string;
}

export type DetailsField = keyof DetailsForm;

/// The form filled with what a document is said to be now.
export function formOf(meta: DocumentMeta, collection: string | null): DetailsForm {
  return {
    title: meta.title,
    authors: meta.authors.join('; '),
    // A guess is shown plainly, to be confirmed or corrected; its mark is beside the field.
    date: meta.date ? plainDateSpan(meta.date) : '',
    archive: meta.archive ?? '',
    fond: meta.fond ?? '',
    folder: meta.folder ?? '',
    pageRange: meta.pageRange ?? '',
    publisher: meta.publisher ?? '',
    originalLanguage: meta.originalLanguage ?? '',
    translator: meta.translator ?? '',
    url: meta.url ?? '',
    citation: meta.citation ?? '',
    summary: meta.summary ?? '',
    collection: collection ?? '',
  };
}

/// What the form says, read back: the document's new metadata and
/// collection, or what is wrong with a field, in a sentence for each.
/// What the form does not show (the kind, a DOI, a listing's entries) is
/// kept from `before`. A date guessed from the text stays a guess unless
/// the researcher confirms it (`options.confirmDate`) or writes another.
export function readForm(
  form: DetailsForm,
  before: DocumentMeta,
  options: { confirmDate?: boolean } = {},
): { ok: true; meta: DocumentMeta; collection: string | null } | { ok: false; errors: Partial<Record<DetailsField, string>> } {
  const errors: Partial<Record<DetailsField, string>> = {};
  const text = (value: string) => value.trim().replace(/\s+/g, ' ') || null;

  const title = text(form.title);
  if (!title) errors.title = 'A document needs a title: the library lists it by its title.';

  let date = before.date;
  const typed = form.date.trim();
  // A date left as shown keeps its exact value, even one the parser would
  // not read back (a span of months).
  if (typed === '') date = null;
  else if (!before.date || typed !== plainDateSpan(before.date)) {
    // The researcher's own date is no guess.
    const read = parseDateSpan(typed);
    date = read && { ...read, guessed: false };
    if (!date) errors.date = `“${typed}” is not a date Palimpsest can read. Write it as “19 January 1962”, “April 1962”, “1962” or “1960–1961”.`;
  } else if (before.date.guessed && options.confirmDate) date = { ...before.date, guessed: false };

  const url = text(form.url);
  if (url && !/^https?:\/\/\S+$/i.test(url)) errors.url = 'A source URL begins with http:// or https:// and has no spaces.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    meta: {
      ...before,
      title: title!,
      date,
      authors: form.authors
        .split(/[;\n]/)
        .map((name) => name.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
      archive: text(form.archive),
      fond: text(form.fond),
      folder: text(form.folder),
      pageRange: text(form.pageRange),
      publisher: text(form.publisher),
      originalLanguage: text(form.originalLanguage),
      translator: text(form.translator),
      url,
      // Line breaks in a citation or a summary are the researcher's own.
      citation: form.citation.trim() || null,
      summary: form.summary.trim() || null,
    },
    collection: text(form.collection),
  };
}
