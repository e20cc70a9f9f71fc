import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describePassage } from '../anchoring/selectors';
import type { Annotation } from '../annotation/model';
import { type LibraryDocument, loadDocument } from '../corpus/document';
import { seededRandom } from '../random';
import { corpusDir } from './corpus';

/// Deterministic data at scale, built from the seed corpus: the same on every
/// run and every machine, for the benchmark and for tests of large inputs.

/// The seeds' Markdown and text, concatenated and repeated until `bytes`
/// long: a document of that size that reads like the corpus.
export function scaledSource(bytes: number): string {
  const sources = readdirSync(corpusDir)
    .sort()
    .map((name) => readFileSync(join(corpusDir, name), 'utf8').replace(/\r\n/g, '\n'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `\n\n## Part ${i + 1}\n\n${sources[i % sources.length]!}`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, bytes);
}

export function scaledDocument(bytes: number): LibraryDocument {
  return loadDocument(`bench-${bytes}.md`, scaledSource(bytes));
}

/// `count` annotations on random passages of a document, overlapping as real
/// tagging does (a tenth nest inside or straddle another).
export function randomAnnotations(document: LibraryDocument, count: number, seed = 1): Annotation[] {
  const next = seededRandom(seed);
  const text = document.text.text;
  const annotations: Annotation[] = [];
  const tags = ['actor', 'claim', 'economic-measure'];
  for (let i = 0; annotations.length < count; i++) {
    let start: number;
    let end: number;
    const previous = annotations[annotations.length - 1];
    if (previous && next() < 0.1) {
      start = previous.position.start + Math.floor(next() * (previous.position.end - previous.position.start));
      end = start + 5 + Math.floor(next() * 120);
    } else {
      start = Math.floor(next() * (text.length - 200));
      end = start + 5 + Math.floor(next() * 150);
    }
    end = Math.min(end, text.length);
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end - start < 3) continue;
    const { quote, position } = describePassage(text, start, end);
    annotations.push({
      id: `a${i}`,
      documentId: document.id,
      quote,
      position,
      tags: [tags[i % 3]!],
      actor: i % 3 === 0 ? 'Khrushchev' : null,
      note: i % 5 === 0 ? 'A note on this passage, with ë and Ж.' : '',
      created: '2026-11-22T10:00:00.000Z',
      modified: '2026-11-22T10:00:00.000Z',
    });
  }
  return annotations;
}

/// A revision of `text` with its offset map: random words inserted, typos
/// "corrected", spans deleted. `map(offset)` gives where an original offset
/// went, or `null` inside a deleted span; `deleted` lists those spans.
export function revise(text: string, edits: number, seed = 7): { text: string; map: (offset: number) => number | null; deleted: [number, number][] } {
  const next = seededRandom(seed);
  type Edit = { at: number; remove: number; insert: string };
  const list: Edit[] = [];
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * text.length);
    const kind = next();
    if (kind < 0.5) list.push({ at, remove: 0, insert: ' [sic]' });
    else if (kind < 0.9) list.push({ at, remove: 1, insert: 'e' });
    else list.push({ at, remove: 40 + Math.floor(next() * 200), insert: '' });
  }
  list.sort((a, b) => a.at - b.at);
  // Drop edits that overlap an earlier one.
  const kept: Edit[] = [];
  let reach = -1;
  for (const edit of list) {
    if (edit.at <= reach) continue;
    kept.push(edit);
    reach = edit.at + edit.remove;
  }
  let out = '';
  let from = 0;
  const deleted: [number, number][] = [];
  for (const edit of kept) {
    out += text.slice(from, edit.at) + edit.insert;
    if (edit.remove > 1) deleted.push([edit.at, edit.at + edit.remove]);
    from = edit.at + edit.remove;
  }
  out += text.slice(from);
  const map = (offset: number): number | null => {
    let shift = 0;
    for (const edit of kept) {
      if (offset < edit.at) break;
      if (offset < edit.at + edit.remove && edit.remove > 1) return null;
      shift += edit.insert.length - edit.remove;
    }
    return offset + shift;
  };
  return { text: out, map, deleted };
}
