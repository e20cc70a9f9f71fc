import type { DocText } from '../../shared/document/text';

/// What the reader needs to draw one annotation's highlight.
export interface Highlight {
  id: string;
  /// Canonical offsets of the passage.
  start: number;
  end: number;
  /// Colours of the annotation's tag types, first tag first; none for an
  /// untagged passage.
  colors: string[];
}

/// Every highlight of a document, filed under each block it touches, so
/// that the reader can ask for the highlights of the blocks on screen
/// without looking at the others. A document of 50,000 highlights keeps
/// them all here; only a few hundred ever become decorations at once.
export class HighlightIndex {
  private readonly byId = new Map<string, { highlight: Highlight; first: number; last: number }>();
  // buckets[i]: the highlights touching block i, in no particular order.
  private readonly buckets: Set<Highlight>[];

  constructor(
    private readonly text: DocText,
    highlights: readonly Highlight[] = [],
  ) {
    this.buckets = Array.from({ length: text.starts.length }, () => new Set<Highlight>());
    for (const highlight of highlights) this.put(highlight);
  }

  get size(): number {
    return this.byId.size;
  }

  get blockCount(): number {
    return this.buckets.length;
  }

  get(id: string): Highlight | undefined {
    return this.byId.get(id)?.highlight;
  }

  /// Adds a highlight, or replaces the one with its id. A highlight that is
  /// empty or lies outside the text is left out: it has nothing to draw.
  put(highlight: Highlight): void {
    this.delete(highlight.id);
    if (!(highlight.start < highlight.end) || highlight.start < 0 || highlight.end > this.text.length) return;
    const first = this.text.blockAt(highlight.start, 1);
    const last = this.text.blockAt(highlight.end, -1);
    this.byId.set(highlight.id, { highlight, first, last });
    for (let block = first; block <= last; block++) this.buckets[block]!.add(highlight);
  }

  delete(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    for (let block = entry.first; block <= entry.last; block++) this.buckets[block]!.delete(entry.highlight);
    this.byId.delete(id);
    return true;
  }

  /// The blocks a highlight touches, first and last, or `null` for one not here.
  blocksOf(id: string): { first: number; last: number } | null {
    const entry = this.byId.get(id);
    return entry ? { first: entry.first, last: entry.last } : null;
  }

  /// The highlights touching any block in [from, to), each once.
  inBlocks(from: number, to: number): Highlight[] {
    const found = new Set<Highlight>();
    const end = Math.min(to, this.buckets.length);
    for (let block = Math.max(0, from); block < end; block++) {
      for (const highlight of this.buckets[block]!) found.add(highlight);
    }
    return [...found];
  }

  /// How many highlights cover the character at `offset`, looking only at
  /// the highlights of its block.
  coveringAt(offset: number): number {
    const bucket = this.buckets[this.text.blockAt(offset, 1)];
    let count = 0;
    if (bucket) for (const highlight of bucket) if (highlight.start <= offset && offset < highlight.end) count++;
    return count;
  }

  /// Whether a highlight touches any block in [from, to).
  touches(id: string, from: number, to: number): boolean {
    const entry = this.byId.get(id);
    return !!entry && entry.first < to && entry.last >= from;
  }
}
