/// The lines two versions of a text share in the same order: each line that
/// stands exactly once in both, kept when it is in the longest run of such
/// lines whose order the revision did not change (the anchors of a patience
/// diff). They tell a passage shifted by an edit elsewhere (inserted or
/// deleted before it, its place among the unchanged lines the same) from one
/// whose place really changed (its paragraph moved past others).
export class Landmarks {
  // For each kept line, in text order: its start and end in the old text,
  // and its start and end in the new text.
  private readonly oldStarts: number[] = [];
  private readonly oldEnds: number[] = [];
  private readonly newStarts: number[] = [];
  private readonly newEnds: number[] = [];

  constructor(
    previous: string,
    private readonly next: string,
  ) {
    const before = onceLines(previous);
    const after = onceLines(next);
    // Lines standing once in both, in old order, with their new places.
    const pairs: { old: Line; new: Line }[] = [];
    for (const [words, line] of before) {
      const there = after.get(words);
      if (line && there && words.trim()) pairs.push({ old: line, new: there });
    }
    pairs.sort((a, b) => a.old.start - b.old.start);
    for (const i of increasing(pairs.map((p) => p.new.start))) {
      const { old, new: now } = pairs[i]!;
      this.oldStarts.push(old.start);
      this.oldEnds.push(old.end);
      this.newStarts.push(now.start);
      this.newEnds.push(now.end);
    }
  }

  /// Whether a passage at `oldStart` in the old text, found at `newStart` in
  /// the new one, kept its place: at the same offset in its unchanged line,
  /// or between the same two unchanged lines as before.
  inPlace(oldStart: number, newStart: number): boolean {
    // The last kept line starting at or before the passage.
    let lo = 0;
    let hi = this.oldStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.oldStarts[mid]! <= oldStart) lo = mid + 1;
      else hi = mid;
    }
    const at = lo - 1;
    if (at >= 0 && oldStart < this.oldEnds[at]!) return newStart - this.newStarts[at]! === oldStart - this.oldStarts[at]!;
    const from = at >= 0 ? this.newEnds[at]! : 0;
    const to = at + 1 < this.newStarts.length ? this.newStarts[at + 1]! : this.next.length;
    return newStart >= from && newStart <= to;
  }
}

interface Line {
  start: number;
  end: number;
}

// Each line of a text by its words; `null` for a line standing more than once.
function onceLines(text: string): Map<string, Line | null> {
  const lines = new Map<string, Line | null>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const words = text.slice(start, end);
    lines.set(words, lines.has(words) ? null : { start, end });
    start = end + 1;
  }
  return lines;
}

// The indices of a longest strictly increasing run of `values`, in order
// (patience sorting, n log n).
function increasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const run: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.push(i);
  return run.reverse();
}
