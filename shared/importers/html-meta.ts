import { DomUtils, type parseDocument } from 'htmlparser2';
import { pageTitle as withoutSite } from '../corpus/titles';
import { type FileMeta, dateSpanOf, isJunkAuthor, isJunkTitle } from './file-meta';

type HtmlDocument = ReturnType<typeof parseDocument>;

/// The encoding an HTML file declares in its first 1024 bytes (`<meta
/// charset="…">` or the http-equiv form), as browsers look for it; null if
/// none.
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (const byte of bytes.subarray(0, 1024)) head += String.fromCharCode(byte);
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/// What a page says about itself in its head: `<title>`, `<meta>` tags in
/// the common schemes (plain name="author|description|date", Highwire
/// `citation_*` as journals and Google Scholar use, Dublin Core `DC.*`,
/// Open Graph), `<link rel="canonical">`, and `<html lang>`.
export function htmlFileMeta(document: HtmlDocument): FileMeta {
  const metas = new Map<string, string[]>();
  for (const meta of DomUtils.getElementsByTagName('meta', document.children)) {
    const key = (meta.attribs.name ?? meta.attribs.property ?? '').trim().toLowerCase();
    const content = (meta.attribs.content ?? '').replace(/\s+/g, ' ').trim();
    if (!key || !content) continue;
    metas.set(key, [...(metas.get(key) ?? []), content]);
  }
  const first = (...keys: string[]): string | undefined => keys.map((key) => metas.get(key)?.[0]).find((value) => value !== undefined);
  const all = (...keys: string[]): string[] => keys.flatMap((key) => metas.get(key) ?? []);

  const meta: FileMeta = {};
  const titleElement = DomUtils.getElementsByTagName('title', document.children, true, 1)[0];
  const pageTitle = titleElement ? DomUtils.textContent(titleElement).replace(/\s+/g, ' ').trim() : '';
  // A title the page states for citing is kept whole; its <title> is
  // what a browser's tab shows, often with the site's name after it.
  const title = first('citation_title', 'dc.title', 'dcterms.title', 'og:title') ?? withoutSite(pageTitle, first('og:site_name', 'application-name'));
  if (title && !isJunkTitle(title)) meta.title = title;

  // One author a tag in citation_author and DC.creator; a plain "author"
  // tag may list several, separated by semicolons.
  const authors = [...all('citation_author', 'dc.creator', 'dcterms.creator'), ...all('author').flatMap((value) => value.split(/\s*;\s*/))]
    .map((author) => author.trim())
    .filter((author) => author && !isJunkAuthor(author));
  if (authors.length > 0) meta.authors = [...new Set(authors)];

  const dateText = first(
    'citation_publication_date',
    'citation_date',
    'dc.date',
    'dc.date.issued',
    'dcterms.date',
    'dcterms.issued',
    'dcterms.created',
    'date',
    'article:published_time',
  );
  const date = dateText ? dateSpanOf(dateText) : null;
  if (date) meta.date = date;

  const summary = first('citation_abstract', 'dc.description', 'dcterms.abstract', 'description', 'og:description');
  if (summary) meta.summary = summary;

  const canonical = DomUtils.findOne((node) => node.name === 'link' && /(^|\s)canonical(\s|$)/i.test(node.attribs.rel ?? ''), document.children);
  const url = [canonical?.attribs.href, first('citation_public_url', 'citation_abstract_html_url', 'og:url'), first('dc.identifier')].find(
    (value) => value && /^https?:\/\//i.test(value),
  );
  if (url) meta.url = url;

  const doi = [first('citation_doi', 'prism.doi'), ...all('dc.identifier')].map((value) => value && /\b(10\.\d{4,9}\/\S+)/.exec(value)?.[1]).find(Boolean);
  if (doi) meta.doi = doi;

  const journal = first('citation_journal_title');
  const publisher = journal ?? first('citation_publisher', 'dc.publisher', 'dcterms.publisher', 'og:site_name');
  if (publisher) meta.publisher = publisher;
  if (journal) meta.kind = 'journal article';

  const html = DomUtils.getElementsByTagName('html', document.children, false, 1)[0];
  const language = languageName(first('citation_language', 'dc.language', 'dcterms.language') ?? html?.attribs.lang ?? html?.attribs['xml:lang'] ?? '');
  if (language) meta.originalLanguage = language;

  const citation = first('citation', 'dc.bibliographiccitation', 'dcterms.bibliographiccitation');
  if (citation) meta.citation = citation;
  else if (meta.title && first('citation_title')) {
    // Built only from a journal's citation_* tags, which describe the work, not the page.
    const year = meta.date ? `(${meta.date.start.year})` : null;
    meta.citation = [
      meta.authors?.join(', '),
      `“${meta.title}”`,
      [journal, year].filter(Boolean).join(' '),
      meta.doi ? `https://doi.org/${meta.doi}` : meta.url,
    ]
      .filter(Boolean)
      .join(', ');
  }
  return meta;
}

/// A language's English name from its tag ("sq" → "Albanian", "ru-RU" →
/// "Russian"), as the text metadata names languages; null for no tag.
export function languageName(tag: string): string | null {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return null;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(primary);
    return name && name !== primary ? name : null;
  } catch {
    return null;
  }
}
