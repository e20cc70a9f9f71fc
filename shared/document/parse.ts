import type { Block } from './model';
import { parseMarkdown } from './parse-markdown';
import { parsePlain } from './parse-plain';

export type SourceFormat = 'markdown' | 'plain';

/// The format a file's name implies: `.md`/`.markdown` are Markdown,
/// everything else is plain text.
export function formatOfFile(name: string): SourceFormat {
  return /\.(md|markdown)$/i.test(name) ? 'markdown' : 'plain';
}

/// Parses a source in the given format into blocks. This is the only entry
/// point the app, the tests and the command line use, so a document reads
/// (and its offsets count) the same everywhere.
export function parseSource(source: string, format: SourceFormat): Block[] {
  return format === 'markdown' ? parseMarkdown(source) : parsePlain(source);
}
