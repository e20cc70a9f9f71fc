import { type Block, type BlockKind, type Span, makeBlock } from '../document/model';
import { DocText } from '../document/text';
import { greatest, least } from '../extremes';

/// One run of text on a PDF page, as a PDF's text layer gives it: the
/// string and where its baseline starts, in PDF units (y grows upwards),
/// with its width and font size (`height`). `hasEOL` marks the end of a
/// line where the PDF says so.
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL?: boolean;
}

/// A page's text items in the order the PDF draws them, and the page's own
/// label if the PDF defines page labels.
export interface PdfPageText {
  items: PdfTextItem[];
  label?: string;
}

/// A PDF's text rebuilt as blocks, with where each page starts in the
/// canonical text (`new DocText(blocks).text`) and the page numbers (from
/// 1) that had no text at all.
export interface PdfLayout {
  blocks: Block[];
  pages: { offset: number; label: string }[];
  emptyPages: number[];
}

interface LineSpan {
  text: string;
  sup: boolean;
}

interface Line {
  spans: LineSpan[];
  x: number;
  y: number;
  size: number;
}

const lineText = (line: Line) => line.spans.map((span) => span.text).join('');

/// Rebuilds paragraphs from a PDF's text items: items become lines, lines
/// become blocks. Running headers and footers (a line at the top or bottom
/// of most pages, numbers aside) and bare page numbers are dropped; a new
/// block starts at a larger vertical gap, an indented line, a change of
/// font size (larger type is a heading, smaller type at a page's foot a
/// footnote) or a bullet; a paragraph runs on across a page break when the
/// page ends mid-sentence. Words broken at a line's end are joined ("eco-" +
/// "nomic"), real compounds keep their hyphen ("Sino-" + "Soviet").
export function pdfPagesToBlocks(pages: readonly PdfPageText[]): PdfLayout {
  const pageLines = pages.map((page) => linesOf(page.items));
  const bodySize = commonSize(pageLines.flat());
  const printed = stripRunningLines(pageLines);
  const spacing = lineSpacing(pageLines, bodySize);
  const words = wordsOf(pageLines);
  const headingLevels = headingSizes(pageLines.flat(), bodySize);

  const blocks: Building[] = [];
  // A page's footnotes wait until the paragraph they interrupt has ended,
  // so a paragraph running on to the next page stays one block.
  let notes: Building[] = [];
  const starts: ({ block: Building; offset: number } | null)[] = [];
  const flushNotes = () => {
    for (const note of notes) blocks.push(note);
    notes = [];
  };

  pageLines.forEach((lines, pageIndex) => {
    const margin = leftMargin(lines);
    const notesFrom = footnoteZone(lines, bodySize);
    starts.push(null);
    lines.forEach((line, lineIndex) => {
      const text = lineText(line);
      const kind = kindOf(line, headingLevels, lineIndex >= notesFrom);
      const above = lines[lineIndex - 1];
      const inNotes = kind.kind === 'footnote';
      const previous = inNotes ? (lineIndex > notesFrom ? notes[notes.length - 1] : undefined) : blocks[blocks.length - 1];
      const bullet = kind.kind === 'paragraph' ? bulletOf(text, previous) : null;
      let fresh = true;
      if (previous && !bullet) {
        const previousText = tailText(previous.pieces);
        // A list item's wrapped lines hang indented under its text.
        const hanging = previous.kind === 'list_item' && kind.kind === 'paragraph' && line.x - margin >= 0.5 * line.size;
        const sameKind = (previous.kind === kind.kind && previous.level === kind.level) || hanging;
        if (!above) {
          // A page's first line continues the last paragraph when the page
          // broke mid-sentence.
          fresh = !(sameKind && kind.kind === 'paragraph' && continuesAcrossPages(previousText, text, line, margin, bodySize));
        } else {
          const gap = above.y - line.y;
          const usual = kind.kind === 'paragraph' ? spacing : 1.25 * line.size;
          const indented = !hanging && line.x - margin >= 0.8 * line.size && Math.abs(above.x - margin) < 0.5 * line.size;
          const numbered = /^\(?[0-9a-z]{1,3}[.)]\s/i.test(text) && /[.:;!?"”’)]$/.test(previousText);
          const noteStart = inNotes && (line.spans[0]?.sup === true || /^\d{1,3}[.)]?\s/.test(text));
          fresh = !sameKind || gap > 1.3 * usual || gap < -usual || indented || numbered || noteStart;
        }
      }
      let block: Building;
      let offset = 0;
      if (fresh) {
        const spans = spansOf(line, bullet ? bullet[0].length : 0);
        block = {
          kind: bullet ? 'list_item' : kind.kind,
          level: kind.level,
          marker: bullet ? bullet[1]! : '',
          pieces: spans.map(pieceOf),
          length: spans.reduce((sum, span) => sum + span.text.length, 0),
        };
        if (inNotes) notes.push(block);
        else {
          flushNotes();
          blocks.push(block);
        }
      } else {
        block = previous!;
        offset = join(block, spansOf(line, 0), words);
      }
      if (!starts[pageIndex]) starts[pageIndex] = { block, offset };
    });
  });
  flushNotes();

  const built = blocks.map((block) => makeBlock(block.kind, block.pieces.map(spanOf), { level: block.level, marker: block.marker }));
  const docText = new DocText(built);
  const labels = pageLabels(pages, printed);
  const emptyPages: number[] = [];
  const indexOf = new Map(blocks.map((block, i) => [block, i]));
  const offsetOf = (start: { block: Building; offset: number }) => docText.starts[indexOf.get(start.block)!]! + start.offset;
  // A page without text starts where the next page with text does; read
  // from the end, so a PDF of many empty pages is not searched again for
  // every one.
  const offsets: number[] = new Array(starts.length);
  let following = docText.length;
  for (let i = starts.length - 1; i >= 0; i--) {
    const start = starts[i];
    following = offsets[i] = start ? offsetOf(start) : following;
  }
  starts.forEach((start, i) => {
    if (!start) emptyPages.push(i + 1);
  });
  return { blocks: built, pages: offsets.map((offset, i) => ({ offset, label: labels[i]! })), emptyPages };
}

interface Building {
  kind: BlockKind;
  level: number;
  marker: string;
  /// The block's spans, each as the lines' parts it is made of: they are
  /// joined once, at the end, since a string grown line by line and read
  /// after each line is copied whole every time.
  pieces: Piece[];
  /// The length of the block's text, kept as lines are joined on.
  length: number;
}

interface Piece {
  parts: string[];
  marks: Span['marks'];
}

/// A bullet opening a line, and the space after it. A dash counts as one
/// only after a finished sentence or another item, since "- whilst…" at a
/// line's start is more often a dash inside a sentence.
function bulletOf(text: string, previous: Building | undefined): RegExpExecArray | null {
  const match = /^([•◦▪‣∙·●○■□–-])\s+/.exec(text);
  if (!match || /[•◦▪‣∙·●○■□]/.test(match[1]!)) return match;
  const before = previous ? tailText(previous.pieces) : '';
  return !previous || previous.kind === 'list_item' || /[.:;!?]$/.test(before) ? match : null;
}

/// Groups a page's items into lines: a new line where the PDF ends one or
/// the baseline moves by more than half the type size. Inside a line, a
/// gap wider than a fifth of the type size is a space, and smaller type
/// raised above the baseline is a superscript (a footnote reference).
function linesOf(items: readonly PdfTextItem[]): Line[] {
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let endOfLine = false;
  for (const item of items) {
    if (item.str === '') {
      if (item.hasEOL) endOfLine = true;
      continue;
    }
    const last = current[current.length - 1];
    const size = Math.max(item.height, last?.height ?? 0, 1);
    if (last && (endOfLine || Math.abs(item.y - last.y) > 0.5 * size || item.x < last.x - size)) {
      if (belongsTo(item, current)) {
        // Smaller type set after its line was drawn (a note number added
        // last): it goes back into that line; the next run starts a new one.
        current.push(item);
        continue;
      }
      groups.push(current);
      current = [];
    }
    current.push(item);
    endOfLine = item.hasEOL === true;
  }
  if (current.length > 0) groups.push(current);

  const lines: Line[] = [];
  for (const unsorted of groups) {
    // Left to right: a superscript drawn after its line still goes in its place.
    const group = [...unsorted].sort((a, b) => a.x - b.x);
    const size = commonSizeOf(group.filter((item) => item.str.trim() !== ''));
    const main = group.filter((item) => item.height >= 0.85 * size && item.str.trim() !== '');
    const baseline = median(main.map((item) => item.y));
    const spans: LineSpan[] = [];
    let right = -Infinity;
    let spaced = false;
    for (const item of group) {
      if (item.str.trim() === '') {
        // A space of its own (pdf.js gives one in the type of the run before).
        spaced = true;
        right = Math.max(right, item.x + item.width);
        continue;
      }
      const sup = item.height < 0.85 * size && item.y > baseline + 0.2 * size;
      const gap = item.x - right;
      const last = spans[spans.length - 1];
      const space = last && (spaced || gap > 0.2 * size) && !/\s$/.test(last.text) && !/^\s/.test(item.str);
      spaced = false;
      // A space goes with the text beside it, never inside a superscript.
      if (last && last.sup === sup) last.text += (space ? ' ' : '') + item.str;
      else if (last && space && !last.sup) {
        last.text += ' ';
        spans.push({ text: item.str, sup });
      } else spans.push({ text: (space ? ' ' : '') + item.str, sup });
      right = Math.max(right, item.x + item.width);
    }
    if (spans.length === 0) continue;
    // Spaces at the line's edges are layout.
    spans[0]!.text = spans[0]!.text.replace(/^\s+/, '');
    spans[spans.length - 1]!.text = spans[spans.length - 1]!.text.replace(/\s+$/, '');
    const kept = spans.filter((span) => span.text.length > 0);
    if (kept.length === 0) continue;
    lines.push({ spans: kept, x: least(group, (item) => item.x), y: baseline, size });
  }
  return lines;
}

/// Whether a run in smaller type lies within a line already drawn.
function belongsTo(item: PdfTextItem, line: readonly PdfTextItem[]): boolean {
  const size = greatest(line, (run) => run.height);
  const left = least(line, (run) => run.x);
  const right = greatest(line, (run) => run.x + run.width);
  const baseline = line[0]!.y;
  return item.height < 0.85 * size && Math.abs(item.y - baseline) <= 0.6 * size && item.x >= left - size && item.x <= right + size;
}

/// The type size most of the characters are set in.
function commonSizeOf(items: readonly { str: string; height: number }[]): number {
  const counts = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.height * 2) / 2;
    counts.set(size, (counts.get(size) ?? 0) + item.str.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) {
    if (count > bestCount) {
      best = size;
      bestCount = count;
    }
  }
  return best || 10;
}

function commonSize(lines: readonly Line[]): number {
  return commonSizeOf(lines.map((line) => ({ str: lineText(line), height: line.size })));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// A page number alone on a line: "12", "- 12 -", "[12]", "Page 12", "12 of 40".
const pageNumber = /^(?:page|p\.|s\.|стр\.?|str\.)?\s*[-–—([]?\s*(\d{1,4})\s*[-–—)\]]?(?:\s*(?:of|\/|из|z)\s*\d{1,4})?$/i;

/// Drops running headers and footers and page numbers from every page, in
/// place, and returns the page number printed on each page (null where
/// none is). Only the two lines nearest a page's top and bottom edge are
/// candidates. A header or footer is a line whose shape (digits aside)
/// recurs on at least half the pages; a lone number is a page number when
/// it runs in step with the pages, so a year alone on a line stays text.
function stripRunningLines(pageLines: Line[][]): (number | null)[] {
  const withText = pageLines.filter((lines) => lines.length > 0).length;
  const edgeLines = (lines: Line[]): Line[] => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return [...new Set([...byHeight.slice(0, 2), ...byHeight.slice(-2)])];
  };
  // "SECRET – 3 –" and "SECRET – 4 –" have one shape: "secret – # –".
  const shape = (line: Line) => lineText(line).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const pagesWith = new Map<string, number>();
  for (const lines of pageLines) {
    for (const key of new Set(edgeLines(lines).map(shape))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const repeated = (line: Line) => withText >= 2 && (pagesWith.get(shape(line)) ?? 0) >= Math.max(2, Math.ceil(0.5 * withText));

  const running: { page: number; line: Line }[] = [];
  const numbered: { page: number; line: Line; number: number; bare: boolean }[] = [];
  pageLines.forEach((lines, page) => {
    for (const line of edgeLines(lines)) {
      const text = lineText(line).trim();
      const bare = pageNumber.exec(text);
      const digits = text.match(/\d+/g);
      // A lone number is judged by whether it runs with the pages, not by its shape.
      if (bare) numbered.push({ page, line, number: Number(bare[1]), bare: true });
      else if (repeated(line)) {
        // A running head goes; a page number inside it ("SECRET – 3 –")
        // still tells the page. (Its own branch after this one never ran.)
        running.push({ page, line });
        if (digits?.length === 1) numbered.push({ page, line, number: Number(digits[0]), bare: false });
      }
    }
  });
  // The commonest difference between printed number and page index.
  const shifts = new Map<number, number>();
  for (const { page, number } of numbered) shifts.set(number - page, (shifts.get(number - page) ?? 0) + 1);
  const shift = [...shifts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];

  const printed: (number | null)[] = pageLines.map(() => null);
  const drop = new Set<Line>(running.map(({ line }) => line));
  for (const { page, line, number, bare } of numbered) {
    if (number - page !== shift || printed[page] !== null) continue;
    printed[page] = number;
    if (bare) drop.add(line);
  }
  pageLines.forEach((lines, i) => {
    pageLines[i] = lines.filter((line) => !drop.has(line));
  });
  return printed;
}

/// Each page's label: the PDF's own page labels if it has them; else the
/// printed page numbers when most pages show one and they run in step with
/// the pages (so a journal offprint's pages are 213, 214…); else 1, 2, 3….
function pageLabels(pages: readonly PdfPageText[], printed: (number | null)[]): string[] {
  if (pages.every((page) => page.label)) return pages.map((page) => page.label!);
  const shifts = printed.map((number, i) => (number === null ? null : number - i)).filter((shift): shift is number => shift !== null);
  const shift = shifts[0];
  if (shift !== undefined && shifts.length >= Math.ceil(0.5 * pages.length) && shifts.every((s) => s === shift) && shift + 1 >= 1) {
    return pages.map((_, i) => String(i + shift));
  }
  return pages.map((_, i) => String(i + 1));
}

/// The usual distance between the baselines of two lines of body text.
function lineSpacing(pageLines: Line[][], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of pageLines) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0 && Math.abs(lines[i]!.size - bodySize) < 0.5 && Math.abs(lines[i - 1]!.size - bodySize) < 0.5) gaps.push(gap);
    }
  }
  // The lower quartile: gaps between paragraphs are the larger and rarer
  // ones, and baselines jitter a little, so neither mean nor mode will do.
  gaps.sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 4)]! : 1.2 * bodySize;
}

/// The left edge most lines of a page start at.
function leftMargin(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  let best = Infinity;
  let bestCount = 0;
  for (const [x, count] of counts) {
    if (count > bestCount || (count === bestCount && x < best)) {
      best = x;
      bestCount = count;
    }
  }
  return Number.isFinite(best) ? best : 0;
}

/// Type sizes clearly larger than the body's, largest first: heading levels.
function headingSizes(lines: readonly Line[], bodySize: number): number[] {
  const sizes = [...new Set(lines.filter((line) => line.size >= 1.1 * bodySize && lineText(line).length <= 200).map((line) => Math.round(line.size * 2) / 2))];
  return sizes.sort((a, b) => b - a).slice(0, 6);
}

function kindOf(line: Line, headingLevels: number[], inNotes: boolean): { kind: BlockKind; level: number } {
  if (inNotes) return { kind: 'footnote', level: 0 };
  const level = headingLevels.indexOf(Math.round(line.size * 2) / 2);
  if (level >= 0 && lineText(line).length <= 200) return { kind: 'heading', level: level + 1 };
  return { kind: 'paragraph', level: 0 };
}

/// Where a page's footnotes begin: the first of the lines at its foot that
/// are all in smaller type than the body, below body text, the first of
/// them opening with a note number. The line count when there are none.
function footnoteZone(lines: readonly Line[], bodySize: number): number {
  const small = (line: Line) => line.size <= 0.9 * bodySize;
  let from = lines.length;
  while (from > 0 && small(lines[from - 1]!)) from -= 1;
  if (from === 0 || from === lines.length) return lines.length;
  // The zone starts at its first numbered line; small lines above that are a caption or the like.
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.spans[0]?.sup === true || /^\d{1,3}[.)]?\s/.test(lineText(line))) return i;
  }
  return lines.length;
}

/// Whether a page's first line carries on the paragraph the last page
/// ended: that one stops mid-sentence (or mid-word) and this line is not
/// indented and starts in lower case.
function continuesAcrossPages(previousText: string, text: string, line: Line, margin: number, bodySize: number): boolean {
  if (line.x - margin >= 0.8 * bodySize) return false;
  if (/[-\u00ad\u2010]$/.test(previousText)) return true;
  // Mid-sentence: the next line starts in lower case, or the last one ended
  // in a lower-case word or a comma ("…that the" + "Chinese are…"); a
  // dateline or title ending in a number or a capital does not run on.
  return !/[.:;!?"”’)\]]$/.test(previousText) && (/^\p{Ll}/u.test(text) || /[\p{Ll},]$/u.test(previousText));
}

function spansOf(line: Line, skip: number): Span[] {
  const spans: Span[] = [];
  let rest = skip;
  for (const span of line.spans) {
    let text = span.text;
    if (rest > 0) {
      const cut = Math.min(rest, text.length);
      text = text.slice(cut);
      rest -= cut;
    }
    if (text) spans.push({ text, marks: span.sup ? ['sup'] : [] });
  }
  return spans;
}

/// The words the document uses whole, and its hyphenated compounds, read
/// from inside lines (never from a line's broken last word): the evidence
/// for joining "eco-" + "nomic" but not "counter-" + "productive".
function wordsOf(pageLines: Line[][]): { words: Set<string>; compounds: Set<string> } {
  const words = new Set<string>();
  const compounds = new Set<string>();
  let afterBreak = false;
  for (const line of pageLines.flat()) {
    const text = lineText(line);
    const tokens = text.match(/\p{L}+(?:[-\u2010]\p{L}+)*/gu) ?? [];
    const brokenAtEnd = /\p{L}[-\u00ad\u2010]$/u.test(text);
    tokens.forEach((token, i) => {
      // The first word after a broken line is the broken word's second half;
      // the last word before a break is its first half.
      if ((i === 0 && afterBreak) || (i === tokens.length - 1 && brokenAtEnd)) return;
      const word = token.toLowerCase().replace(/\u2010/g, '-');
      if (word.includes('-')) compounds.add(word);
      else words.add(word);
    });
    afterBreak = brokenAtEnd;
  }
  return { words, compounds };
}

/// Appends a line's spans to a block's, with a space, or with nothing when
/// the block ends in a word broken by a hyphen. Returns where the line's
/// text starts in the block.
function join(block: Building, next: Span[], evidence: { words: Set<string>; compounds: Set<string> }): number {
  const pieces = block.pieces;
  const last = pieces[pieces.length - 1]!;
  const first = next[0];
  // Only the block's end matters here; reading all of it for every line
  // made a paragraph of many lines quadratic.
  const before = tailText(pieces);
  const broken = /(\p{L}+)([-\u00ad\u2010])$/u.exec(before);
  const following = first ? /^\p{L}+/u.exec(first.text)?.[0] : undefined;
  let separator = ' ';
  if (broken && following) {
    const head = broken[1]!;
    const soft = broken[2] === '\u00ad';
    // A soft hyphen is always a break; a capital after the hyphen is a
    // compound ("Sino-Soviet"); then the document's own usage decides; and
    // failing that, a hyphen at a line's end is most often the typesetter's.
    const keep =
      !soft &&
      (/^[\p{Lu}\d]/u.test(following) ||
        (!evidence.words.has(`${head}${following}`.toLowerCase()) && evidence.compounds.has(`${head}-${following}`.toLowerCase())));
    if (!keep) {
      // The hyphen ends the last part, which is a line's, never empty.
      last.parts.push(last.parts.pop()!.slice(0, -1));
      block.length--;
    }
    separator = '';
  } else if (/[-\u2010]$/.test(before) && first && /^\d/.test(first.text)) {
    separator = ''; // a range broken after its dash: "1958-" + "60"
  }
  const offset = block.length + separator.length;
  if (separator) {
    if (last.marks.length === 0) last.parts.push(separator);
    else pieces.push({ parts: [separator], marks: [] });
    block.length += separator.length;
  }
  for (const span of next) {
    const tail = pieces[pieces.length - 1]!;
    if (tail.marks.length === span.marks.length && tail.marks.every((mark, i) => mark === span.marks[i])) tail.parts.push(span.text);
    else pieces.push(pieceOf(span));
    block.length += span.text.length;
  }
  return Math.min(offset, block.length);
}

/// The last characters of a block's text (enough for a broken word or a
/// sentence's end), read from its last parts only.
function tailText(pieces: readonly Piece[], wanted = 120): string {
  let text = '';
  for (let i = pieces.length - 1; i >= 0 && text.length < wanted; i--) {
    const parts = pieces[i]!.parts;
    for (let j = parts.length - 1; j >= 0 && text.length < wanted; j--) text = parts[j]! + text;
  }
  return text.length > wanted ? text.slice(text.length - wanted) : text;
}

const pieceOf = (span: Span): Piece => ({ parts: [span.text], marks: [...span.marks] });
const spanOf = (piece: Piece): Span => ({ text: piece.parts.join(''), marks: piece.marks });
