/// The quotes, notes and "changed by" of one chunk's rows, by slot (the
/// chunk's order), and their folded text once the text filter asks.
export interface ChunkText {
  quotes: string[];
  notes: string[];
  changedBy: (string | null)[];
  /// Each row's quote and note folded for the text filter, once folded.
  folded: (string | undefined)[];
}

/// Reads chunks' texts by key: `undefined` for a chunk no longer stored.
export type ReadTexts = (keys: readonly string[]) => Promise<(ChunkText | undefined)[]>;

/// How many chunks' texts are kept for drawing (a few hundred rows each):
/// a screen needs a handful, so scrolling back finds them, and memory stays
/// flat however far one scrolls.
const keptForDrawing = 256;

/// The rows' own text, read from the stored chunks by need and kept: the
/// chunks of the rows drawn (batched into one read per frame, the least
/// recently used let go), or every chunk once the text filter or a sort by
/// quote or note asks for all. It outlives a table model, so an edit
/// elsewhere does not read the texts again; a write forgets its chunks.
export class TextStore {
  private readonly texts = new Map<string, ChunkText>();
  private readonly wanted = new Set<string>();
  /// Chunks asked for and not stored (deleted meanwhile).
  private readonly absent = new Set<string>();
  private reading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  /// Set once every chunk was asked for: nothing is let go.
  private keepAll = false;
  /// Bumped by `forget`: a read begun before it does not store stale text.
  private generation = 0;

  constructor(private readonly read: ReadTexts) {}

  /// A chunk's texts, if read; a hit keeps it among the most recent.
  get(key: string): ChunkText | undefined {
    const text = this.texts.get(key);
    if (text && !this.keepAll) {
      this.texts.delete(key);
      this.texts.set(key, text);
    }
    return text;
  }

  /// Whether every one of `keys` is read.
  has(keys: Iterable<string>): boolean {
    for (const key of keys) if (!this.texts.has(key) && !this.absent.has(key)) return false;
    return true;
  }

  /// Reads chunks' texts, together with every other asked for before the
  /// read starts (one read for a screen's rows); listeners hear when they
  /// arrive. Resolves once they are read (or found gone).
  async request(keys: Iterable<string>): Promise<void> {
    const list = [...keys];
    // A write may forget a chunk mid-read: it is read again, a few times at most.
    for (let attempt = 0; attempt < 4; attempt++) {
      const missing = list.filter((key) => !this.texts.has(key) && !this.absent.has(key));
      if (missing.length === 0) return;
      for (const key of missing) this.wanted.add(key);
      this.reading ??= this.readWanted();
      await this.reading;
    }
  }

  /// Reads every one of `keys` and keeps them all, for the text filter and
  /// the quote and note sorts, in reads of `batch` chunks.
  async requestAll(keys: readonly string[], batch = 64): Promise<void> {
    this.keepAll = true;
    for (let at = 0; at < keys.length; at += batch) {
      await this.request(keys.slice(at, at + batch));
    }
  }

  /// Lets go of chunks a write changed: they are read again when next asked.
  forget(keys: Iterable<string>): void {
    this.generation++;
    for (const key of keys) {
      this.texts.delete(key);
      this.absent.delete(key);
    }
  }

  /// Calls `listener` when asked-for texts arrive; returns what stops it.
  onArrive(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async readWanted(): Promise<void> {
    // Rows asked for in one go (a screen's) are read in one transaction.
    await Promise.resolve();
    const keys = [...this.wanted];
    this.wanted.clear();
    const generation = this.generation;
    try {
      const texts = await this.read(keys);
      if (generation === this.generation) {
        keys.forEach((key, i) => {
          const text = texts[i];
          if (text) this.texts.set(key, text);
          else this.absent.add(key);
        });
        if (!this.keepAll) for (const key of this.texts.keys()) if (this.texts.size > keptForDrawing) this.texts.delete(key);
      }
    } finally {
      this.reading = null;
    }
    for (const listener of this.listeners) listener();
  }
}
