import { type Block, type BlockKind, type Mark, type Span, markOrder } from '../document/model';

/// The attributes of a block being built, fixed when its first text arrives.
export interface BlockShape {
  kind: BlockKind;
  level: number;
  marker: string;
  depth: number;
  quoted: boolean;
}

/// The most blocks one imported document may have: 200,000 paragraphs is
/// several thousand pages, more than any source a reader opens whole; a
/// file that makes more (a small file of empty elements, say) is refused
/// rather than left to exhaust memory.
export const maxBlocks = 200_000;

/// Thrown when an import would make more than `maxBlocks` blocks; the
/// importer turns it into a refusal naming the file.
export class BlockLimitError extends Error {
  override name = 'BlockLimitError';
  constructor(readonly limit: number) {
    super(`The text makes more than ${limit.toLocaleString('en')} paragraphs.`);
  }
}

/// Collects styled text into blocks the way a browser lays out HTML:
/// whitespace runs collapse to one space, spaces at a block's edges and
/// around its line breaks go, and empty blocks are never made.
export class BlockBuilder {
  readonly blocks: Block[] = [];
  constructor(private readonly limit = maxBlocks) {}
  private open: { shape: BlockShape; spans: Span[]; preserve: boolean } | null = null;

  /// Whether a block is open (has received text since the last `end`).
  get isOpen(): boolean {
    return this.open !== null;
  }

  /// Adds text with `marks`, opening a block of `shape()` if none is open.
  /// `preserve` keeps whitespace as it is (inside `<pre>`).
  text(text: string, marks: readonly Mark[], href: string | undefined, shape: () => BlockShape, preserve = false): void {
    const content = preserve ? text.replace(/\r\n?/g, '\n') : text.replace(/[ \t\n\r\f]+/g, ' ');
    if (!content) return;
    if (!this.open) {
      // Leading whitespace never opens a block.
      if (!preserve && content === ' ') return;
      this.open = { shape: shape(), spans: [], preserve };
    }
    const sorted = [...new Set(marks)].sort((a, b) => markOrder.indexOf(a) - markOrder.indexOf(b));
    const spans = this.open.spans;
    const last = spans[spans.length - 1];
    const linked = sorted.includes('link') ? href : undefined;
    if (
      last &&
      last.text !== '\n' &&
      last.text !== '\t' &&
      last.href === linked &&
      last.marks.length === sorted.length &&
      last.marks.every((mark, i) => mark === sorted[i])
    ) {
      last.text += content;
    } else {
      spans.push(linked ? { text: content, marks: sorted, href: linked } : { text: content, marks: sorted });
    }
  }

  /// A line break (`<br>`) or, with "\t", a table cell's edge inside the
  /// open block; nothing at a block's start.
  lineBreak(text: '\n' | '\t' = '\n'): void {
    if (this.open) this.open.spans.push({ text, marks: [] });
  }

  /// Changes the open block's kind (a footnote recognised by an anchor
  /// inside it), opening one if needed.
  reshape(change: (shape: BlockShape) => BlockShape, shape: () => BlockShape): void {
    if (!this.open) this.open = { shape: shape(), spans: [], preserve: false };
    this.open.shape = change(this.open.shape);
  }

  /// Puts `span` first in the open block (a footnote's number).
  prepend(span: Span): void {
    this.open?.spans.unshift(span);
  }

  /// Closes the open block, if it holds any text.
  end(): void {
    const open = this.open;
    this.open = null;
    if (!open) return;
    const spans = tidy(open.spans, open.preserve);
    if (spans.length === 0) return;
    if (this.blocks.length >= this.limit) throw new BlockLimitError(this.limit);
    this.blocks.push({ ...open.shape, spans });
  }
}

/// Trims a block's spans: collapses spaces across span edges, drops spaces
/// at the block's edges and around line breaks, merges neighbours with the
/// same marks, and drops what is left empty. `preserve` (a `<pre>` block)
/// keeps every space but those at the block's edges.
function tidy(spans: Span[], preserve: boolean): Span[] {
  const out: Span[] = [];
  const endsInSpace = () => out.length === 0 || /[ \t\n]$/.test(out[out.length - 1]!.text);
  for (const span of spans) {
    let text = span.text;
    if (!preserve) {
      if (text === '\n' || text === '\t') {
        const last = out[out.length - 1];
        if (last) last.text = last.text.replace(/ +$/, '');
      } else {
        // Spaces from two runs of text (or a footnote's number) meet here.
        text = text.replace(/ {2,}/g, ' ');
        if (endsInSpace()) text = text.replace(/^ +/, '');
      }
    }
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && last.href === span.href && last.marks.length === span.marks.length && last.marks.every((mark, i) => mark === span.marks[i])) last.text += text;
    else out.push({ ...span, text });
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    last.text = last.text.replace(/\s+$/, '');
    if (last.text) break;
    out.pop();
  }
  while (out.length > 0) {
    const first = out[0]!;
    first.text = preserve ? first.text.replace(/^\n+/, '') : first.text.replace(/^\s+/, '');
    if (first.text) break;
    out.shift();
  }
  return out.filter((span) => span.text.length > 0);
}
