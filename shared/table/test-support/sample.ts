import { ActorIndex } from '../../actors/actor-index';
import { describePassage } from '../../anchoring/selectors';
import type { Annotation } from '../../annotation/model';
import type { LibraryDocument } from '../../corpus/document';
import type { Link } from '../../links/model';
import type { AnnotationSet } from '../../sets/model';
import { loadCorpus, seedIds } from '../../test-support/corpus';
import { seededRandom } from '../../random';
import { type AnnotationRow, buildRows } from '../rows';

export const corpus = loadCorpus();
const t0 = '2026-11-01T10:00:00.000Z';
/// Two researchers of a shared project.
export const ana = { id: 'machine-ana', name: 'Ana Petrova' };
export const ben = { id: 'machine-ben', name: 'Ben Okafor' };

export const actors = new ActorIndex([
  { id: 'khrushchev', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'N. Khrushchev'], created: t0, modified: t0 },
  { id: 'hoxha', name: 'Enver Hoxha', aliases: ['Hoxha'], created: t0, modified: t0 },
]);

/// An annotation on the first occurrence of `exact` in a seed.
export function annotate(id: string, documentId: string, exact: string, fields: Partial<Annotation> = {}): Annotation {
  const text = corpus.get(documentId)!.text.text;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`“${exact}” is not in ${documentId}.`);
  const { quote, position } = describePassage(text, start, start + exact.length);
  return { id, documentId, quote, position, tags: ['claim'], actor: null, note: '', created: t0, modified: t0, ...fields };
}

/// A researcher's annotations across the seed corpus, with links and sets.
export const annotations: Annotation[] = [
  annotate('motive', seedIds.foBrief, "Khrushchev's motive", {
    tags: ['actor', 'claim'],
    actor: 'Khrushchev',
    note: 'The Foreign Office reads the Congress attack as aimed at China too.',
    createdBy: ana,
    modifiedBy: ben,
  }),
  annotate('acupuncture', seedIds.foBrief, 'The "acupuncture" has in fact failed to work.', { note: 'Soviet pressure on Tirana failed.' }),
  annotate('grain', seedIds.foBrief, 'grain, fertilizers and some engineering goods', { tags: ['economic-measure'] }),
  annotate('dvorak', seedIds.czechMemo, 'Richard Dvořàk', { tags: ['actor'], actor: 'Richard Dvořàk' }),
  annotate('mehilli', seedIds.article, 'E. Mëhilli', { tags: ['claim'], note: 'Cornell 2017: the standard account.', createdBy: ben, modifiedBy: ben }),
  annotate('deposing', seedIds.albanianReport, 'N. Khrushchev', {
    tags: ['actor'],
    actor: 'N. Khrushchev',
    note: 'A turning point for Korean–Soviet relations.',
  }),
  annotate('choe', seedIds.listing, 'Enver Hoxha and Choe Yong-geon', { tags: ['actor'], actor: 'Enver Hoxha' }),
  { ...annotate('orphan', seedIds.foBrief, 'Peking'), documentId: 'a-deleted-document', tags: [] },
];

function link(id: string, from: string, to: string, relation: string): Link {
  return { id, from, to, relation, note: '', created: t0, modified: t0 };
}

export const links: Link[] = [
  link('l1', 'acupuncture', 'motive', 'supports'),
  link('l2', 'deposing', 'motive', 'contradicts'),
  link('l3', 'grain', 'grain', 'same-event'),
];

export const sets: AnnotationSet[] = [
  { id: 'chapter-3', name: 'Chapter 3: the break', description: '', annotationIds: ['motive', 'acupuncture', 'deposing'], created: t0, modified: t0 },
  { id: 'economy', name: 'Economic levers', description: '', annotationIds: ['grain', 'grain'], created: t0, modified: t0 },
];

export const rows = buildRows({ annotations, documents: corpus, actors, links, sets });

export function row(id: string): AnnotationRow {
  return rows.find((r) => r.annotationId === id)!;
}

/// `count` rows made from the seed corpus' sentences: quotes, notes,
/// actors, tags, dates and links varied by a seeded generator, the same on
/// every run.
export function manyRows(count: number, seed = 7): AnnotationRow[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const documents: LibraryDocument[] = [...corpus.values()];
  const sentences = documents.flatMap((d) =>
    d.text.text
      .split(/(?<=[.!?])\s+/)
      .filter((s) => s.length > 20 && s.length < 400)
      .map((s) => ({ d, s })),
  );
  const names = ['Nikita Khrushchev', 'Enver Hoxha', 'Mehmet Shehu', 'Ri Song-un', 'Richard Dvořàk', 'Zhou Enlai', null, null];
  const tags = ['actor', 'claim', 'economic-measure', 'chronology'];
  return Array.from({ length: count }, (_, i): AnnotationRow => {
    const { d, s } = pick(sentences);
    const actor = pick(names);
    const linkCount = random() < 0.3 ? Math.floor(random() * 4) : 0;
    const author = pick([ana, ben, null]);
    return {
      annotationId: `r${i}`,
      documentId: d.id,
      documentTitle: d.meta.title,
      // Some rows of a document-less date, as a document added without one would give.
      documentDate: random() < 0.1 ? null : d.meta.date,
      tags: tags.filter(() => random() < 0.4),
      actor,
      actorId: actor ? actor.toLowerCase() : null,
      taggedActor: actor,
      quote: s,
      note: random() < 0.5 ? pick(sentences).s.slice(0, 80) : '',
      linkCount,
      relations: linkCount ? [pick(['supports', 'contradicts', 'same-event'])] : [],
      setIds: random() < 0.2 ? ['chapter-3'] : [],
      page: null,
      author: author?.name ?? null,
      authorId: author?.id ?? null,
      changedBy: author?.name ?? null,
    };
  });
}
