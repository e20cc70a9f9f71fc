import type { KindChange, RecordKind } from '../../../../shared/format/restore';

// A count as the library's list writes it (60,000).
const n = (count: number) => count.toLocaleString('en');

// Each kind's name, one and many.
const names: Record<RecordKind, [string, string]> = {
  document: ['document of your own', 'documents of your own'],
  revision: ['revision', 'revisions'],
  description: ['edited description', 'edited descriptions'],
  link: ['link', 'links'],
  actor: ['actor', 'actors'],
  set: ['set', 'sets'],
  'tag type': ['tag type', 'tag types'],
  'relation type': ['relation type', 'relation types'],
};

const counted = (count: number, kind: RecordKind) => `${n(count)} ${names[kind][count === 1 ? 0 : 1]}`;

// "a", "a and b", "a, b and c".
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/// What a restore does besides the annotations, in one sentence of the
/// preview's plain style ("It also brings back 5 documents of your own and
/// 1 set, and removes 1 link made since."); empty when it changes nothing
/// else. Only the kinds it changes are named.
export function otherChangesText(others: readonly KindChange[]): string {
  const of = (field: 'restored' | 'reverted' | 'removed') => others.filter((c) => c[field] > 0).map((c) => counted(c[field], c.kind));
  const restored = of('restored');
  const reverted = of('reverted');
  const removed = of('removed');
  const clauses = [
    restored.length ? `brings back ${listed(restored)}` : null,
    reverted.length ? `puts back the earlier version of ${listed(reverted)}` : null,
    removed.length ? `removes ${listed(removed)} made since` : null,
  ].filter((clause): clause is string => clause !== null);
  if (clauses.length === 0) return '';
  // Clauses that hold lists of their own are kept apart by semicolons.
  const lists = clauses.length > 1 && clauses.some((clause) => clause.includes(' and '));
  return `It also ${lists ? `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}` : listed(clauses)}.`;
}
