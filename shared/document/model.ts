/// The document model: what a source *is* once parsed, independent of any
/// view. A document is a flat list of text blocks; each block is a run of
/// styled spans. Everything the reader shows and every offset an annotation
/// stores derive from this one model.

/// Inline styles a span can carry. `sup` is a footnote reference or other
/// superscript; `link` keeps a URL's target in `Span.href`.
export type Mark = 'em' | 'strong' | 'sup' | 'sub' | 'underline' | 'code' | 'link';

export const markOrder: readonly Mark[] = ['link', 'strong', 'em', 'underline', 'sup', 'sub', 'code'];

export interface Span {
  text: string;
  marks: Mark[];
  href?: string;
}

export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'footnote' | 'rule';

export interface Block {
  kind: BlockKind;
  /// Heading level 1–6; 0 for other kinds.
  level: number;
  /// For list items: the marker shown before the text ("•", "3."). Markers
  /// are drawn by the reader, not part of the text, as in a browser.
  marker: string;
  /// Nesting depth of list items and quotes (0 at top level).
  depth: number;
  quoted: boolean;
  spans: Span[];
}

/// Separates blocks in a document's canonical text. Two newlines, so the
/// canonical text reads as plain text does and a line break inside a block
/// ("\n") stays distinguishable from a block boundary.
export const blockSeparator = '\n\n';

/// The text of one block: its spans' text, concatenated.
export function blockText(block: Block): string {
  let text = '';
  for (const span of block.spans) text += spanText(span);
  return text;
}

// Each one UTF-16 code unit, as the digit it stands for, so writing a
// marker this way moves no offset.
const superscripts = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Writes the ASCII digits of `text` as Unicode superscript digits ("12" →
/// "¹²"); every other character stays.
export function superscriptDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => superscripts[digit.charCodeAt(0) - 48]!);
}

/// A span's text as the canonical text holds it. Digits marked superscript
/// (footnote markers: "events.<sup>2</sup>") are written as superscript
/// digits, so a quote across a marker reads "events.² Regrettably", never
/// "events.2 Regrettably", in the app, in exports and in other tools. The
/// reader shows the same characters.
export function spanText(span: Span): string {
  return span.marks.includes('sup') ? superscriptDigits(span.text) : span.text;
}

/// Makes a block with defaults for the attributes a kind does not use.
export function makeBlock(kind: BlockKind, spans: Span[], attrs: Partial<Omit<Block, 'kind' | 'spans'>> = {}): Block {
  return { kind, level: 0, marker: '', depth: 0, quoted: false, ...attrs, spans };
}
