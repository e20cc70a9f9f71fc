/// Plans a worker made in a preview and keeps until they are applied or
/// cancelled, each under an id the page names when it applies one: what is
/// applied is what the researcher saw, never whatever was previewed last.
/// A plan is dropped once applied or cancelled, and only the latest few are
/// kept, so the worker's memory does not grow with previews left open.
export class Plans<T> {
  private readonly held = new Map<string, T>();
  private made = 0;

  constructor(
    /// What a plan is of, for messages: "file", "revision".
    private readonly what: string,
    /// What applying it does, for messages: "import", "store".
    private readonly verb: string,
    /// How many plans are kept at most; the oldest goes first.
    private readonly kept = 4,
  ) {
    if (!Number.isInteger(kept) || kept < 1) throw new RangeError(`Plans need room for at least one plan, not ${kept}.`);
  }

  /// Keeps `plan`; returns its id.
  add(plan: T): string {
    const id = `${this.what}-${++this.made}`;
    this.held.set(id, plan);
    for (const oldest of this.held.keys()) {
      if (this.held.size <= this.kept) break;
      this.held.delete(oldest);
    }
    return id;
  }

  /// The plan `id`, no longer kept: it is applied once. Refuses, with a
  /// sentence (RangeError), an id that is not a plan this worker holds.
  take(id: string): T {
    const plan = this.held.get(id);
    if (plan === undefined) throw new RangeError(this.missing(id));
    this.held.delete(id);
    return plan;
  }

  /// Forgets the plan `id` (the researcher cancelled); an id not held is no error.
  drop(id: string): void {
    this.held.delete(id);
  }

  /// How many plans are kept now.
  get size(): number {
    return this.held.size;
  }

  private missing(id: string): string {
    const made = id.startsWith(`${this.what}-`) ? Number(id.slice(this.what.length + 1)) : Number.NaN;
    if (Number.isInteger(made) && made >= 1 && made <= this.made)
      return `The ${this.what} previewed as ${id} is no longer waiting: it was already applied or cancelled, or later previews replaced it. Preview it again to ${this.verb} it.`;
    return `There is no previewed ${this.what} ${JSON.stringify(id)} to ${this.verb}: preview one first.`;
  }
}
