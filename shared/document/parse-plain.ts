import { type Block, makeBlock } from './model';
import { normaliseNewlines } from './repair';

/// Parses plain text: blank lines separate paragraphs, and a paragraph's
/// lines keep their breaks. Indentation and trailing spaces are layout of
/// the file (often a scraped web page), not text, so each line is trimmed.
export function parsePlain(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of normaliseNewlines(source).split(/\n[ \t]*\n/)) {
    const text = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .join('\n');
    if (text) blocks.push(makeBlock('paragraph', [{ text, marks: [] }]));
  }
  return blocks;
}
