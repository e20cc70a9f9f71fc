import { ActorIndex } from './actor-index';
import { actorKey } from './key';
import type { Actor } from './model';

/// An unresolved name that probably names an existing actor, offered to
/// the researcher as an alias to add (never added unasked).
export interface AliasSuggestion {
  name: string;
  actor: Actor;
}

// Titles and offices the sources put before a name ("Comrade Ri Song-un",
// "Signor Fanfani", "Foreign Minister Gromyko"). Only leading ones are
// dropped, and never the last word, which is the surname.
const titles = new Set([
  'comrade',
  'comrades',
  'tov',
  'tovarishch',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'herr',
  'frau',
  'signor',
  'signora',
  'monsieur',
  'mme',
  'sir',
  'lord',
  'president',
  'chairman',
  'premier',
  'prime',
  'foreign',
  'deputy',
  'vice',
  'first',
  'general',
  'secretary',
  'minister',
  'marshal',
  'ambassador',
]);

interface ParsedName {
  surname: string;
  /// Given names and initials, in order: ["n", "s"], ["nikita"].
  given: string[];
}

function parse(name: string): ParsedName | null {
  // "Khrushchev, N. S.": an inverted name, as catalogues and indexes write it.
  const parts = name.split(',');
  const ordered = parts.length === 2 && parts[0]!.trim() && parts[1]!.trim() ? `${parts[1]} ${parts[0]}` : name;
  const words = actorKey(ordered).split(' ').filter(Boolean);
  while (words.length > 1 && titles.has(words[0]!)) words.shift();
  const surname = words.pop();
  // A lone letter is an initial, never enough to tell a surname by.
  if (!surname || surname.length < 2) return null;
  return { surname, given: words };
}

/// Whether two lists of given names can name one person: position by
/// position, equal names, or an initial and a name it begins. A list may
/// stop early (a middle name or patronymic left out: "N. Khrushchev" and
/// "Nikita Sergeyevich Khrushchev").
function givenAgree(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.length === 1 ? y.startsWith(x) : y.length === 1 && x.startsWith(y)) continue;
    return false;
  }
  return true;
}

function couldBe(candidate: ParsedName, forms: readonly ParsedName[]): boolean {
  const same = forms.filter((form) => form.surname === candidate.surname);
  if (same.length === 0) return false;
  // Every spelling of the actor that gives names must agree with the
  // candidate's: "N. A. Khrushchev" is not the actor listed as both "Nikita
  // Khrushchev" and "N. S. Khrushchev".
  return same.every((form) => givenAgree(candidate.given, form.given));
}

/// Suggests, for names no actor answers to, the actor each probably names.
/// Precision over recall: a wrong alias silently moves passages to the
/// wrong person, a missed one only leaves a name in the unresolved list.
/// So a name is suggested an actor only when
/// - its surname (the last word, leading titles such as "Comrade" or
///   "Signor" dropped, "Surname, Given" read as "Given Surname") is the
///   surname of one of the actor's names; never across surnames ("Chou
///   En-lai" is not offered "Zhou Enlai");
/// - its given names agree with those of each of the actor's names with that
///   surname: position by position, the same name or an initial of it ("N.
///   S. Khrushchev" and "N. Khrushchev" are offered Nikita Khrushchev; "R.
///   Khrushchev", "Sergei Khrushchev" and "Mehmed Shehu" for Mehmet Shehu
///   are not); a bare surname agrees with any;
/// - exactly one actor qualifies ("Hoxha" is offered nothing when the
///   library has both Enver and Nexhmije Hoxha).
/// Names written surname first ("Mao" for Mao Zedong, "Kim" for Kim Il
/// Sung) are not matched by their first word. Names that already resolve
/// are skipped. Suggestions come in the order of `unresolvedNames`.
export function suggestAliases(unresolvedNames: Iterable<string>, actors: readonly Actor[] | ActorIndex): AliasSuggestion[] {
  const index = actors instanceof ActorIndex ? actors : new ActorIndex(actors);
  const forms = index.actors.map((actor) => ({
    actor,
    names: [actor.name, ...actor.aliases].map(parse).filter((p): p is ParsedName => p !== null),
  }));
  const suggestions: AliasSuggestion[] = [];
  for (const name of unresolvedNames) {
    if (index.resolve(name)) continue;
    const candidate = parse(name);
    if (!candidate) continue;
    const matches = forms.filter((f) => couldBe(candidate, f.names));
    if (matches.length === 1) suggestions.push({ name, actor: matches[0]!.actor });
  }
  return suggestions;
}
