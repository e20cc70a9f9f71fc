/// Actors as entities: one person or body, however the sources name it.
/// An annotation keeps the name as the researcher tagged it (often the
/// source's own spelling); the actor it names is found through aliases, so
/// renaming an actor or merging two never rewrites an annotation.
export interface Actor {
  id: string;
  /// The name shown everywhere: "Nikita Khrushchev".
  name: string;
  /// Other names that resolve to this actor: "Khrushchev", "N. S. Khrushchev".
  /// The canonical name resolves too without being listed here.
  aliases: string[];
  /// ISO 8601 timestamps.
  created: string;
  modified: string;
}
