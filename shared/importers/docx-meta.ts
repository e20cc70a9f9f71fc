import { strFromU8 } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import { type FileMeta, dateSpanOf, isJunkAuthor, isJunkTitle } from './file-meta';
import { languageName } from './html-meta';

/// A Word document's core properties (`docProps/core.xml`, Dublin Core):
/// dc:title, dc:creator (authors, separated by semicolons), dcterms:created,
/// dc:description and dc:language. Word fills in the account name as the
/// creator, so junk authors are dropped.
export function docxFileMeta(coreXml: Uint8Array | null): FileMeta {
  if (!coreXml) return {};
  const document = parseDocument(strFromU8(coreXml), { xmlMode: true });
  // Prefixes are the file's choice: match on the local name.
  const value = (local: string): string => {
    const element = DomUtils.findOne((node) => node.name.split(':').pop() === local, document.children);
    return element ? DomUtils.textContent(element).replace(/\s+/g, ' ').trim() : '';
  };
  const meta: FileMeta = {};
  const title = value('title');
  if (title && !isJunkTitle(title)) meta.title = title;
  const authors = value('creator')
    .split(/\s*;\s*/)
    .filter((author) => author && !isJunkAuthor(author));
  if (authors.length > 0) meta.authors = authors;
  // When the file was made, not when its text was written: a guess.
  const date = dateSpanOf(value('created'));
  if (date) meta.date = { ...date, guessed: true };
  const summary = value('description');
  if (summary) meta.summary = summary;
  const language = languageName(value('language'));
  if (language) meta.originalLanguage = language;
  return meta;
}
