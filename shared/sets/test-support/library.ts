import type { Actor } from '../../actors/model';
import { describePassage } from '../../anchoring/selectors';
import { type Annotation, type TagType, defaultTagTypes } from '../../annotation/model';
import type { LibraryDocument } from '../../corpus/document';
import { type Link, defaultRelationTypes } from '../../links/model';
import { loadCorpus, seed, seedIds } from '../../test-support/corpus';
import type { SetExportContext } from '../export';
import type { AnnotationSet } from '../model';
import type { SetDocument } from '../set-file';
import type { SetImportLibrary } from '../import-plan';

/// A small library on the seed corpus for the set tests: a claim of the
/// Foreign Office brief that Khrushchev will fall, the Albanian report that
/// says his removal improved relations, the Czechoslovak memorandum, and a
/// passage of Edemskiy's article that stays out of the set.
export const corpus = loadCorpus();
export const time = '2026-11-22T10:00:00.000Z';

export function annotation(id: string, documentId: string, exact: string, fields: Partial<Annotation> = {}): Annotation {
  const text = seed(corpus, documentId).text.text;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`“${exact}” is not in ${documentId}.`);
  return { id, documentId, ...describePassage(text, start, start + exact.length), tags: [], actor: null, note: '', created: time, modified: time, ...fields };
}

export const link = (id: string, from: string, to: string, relation: string, note = ''): Link => ({
  id,
  from,
  to,
  relation,
  note,
  created: time,
  modified: time,
});

export const annotations = [
  annotation('overthrown', seedIds.foBrief, 'they believe Khrushchev will eventually be overthrown', {
    tags: ['claim'],
    note: 'Tirana’s line in private Party meetings.',
  }),
  annotation('motive', seedIds.foBrief, "Khrushchev's motive", { tags: ['actor'], actor: 'Khrushchev' }),
  annotation('removal', seedIds.albanianReport, 'the removal of Khrushchev led to an improvement of relations', { tags: ['claim', 'economic-measure'] }),
  annotation('li', seedIds.czechMemo, 'Li Songun expresses serious concern', { tags: ['actor'], actor: 'Li Songun' }),
  annotation('loss', seedIds.czechMemo, 'If Albania left our camp, it would be a loss for all of us'),
  annotation('ripening', seedIds.article, 'Disagreement between Khrushchev and Enver Hoxha', { tags: ['claim', 'actor'], actor: 'Enver Hoxha' }),
];
export const annotationsById = new Map(annotations.map((a) => [a.id, a]));

export const actors: Actor[] = [
  { id: 'khrushchev', name: 'Nikita Khrushchev', aliases: ['Khrushchev', 'N. S. Khrushchev'], created: time, modified: time },
  { id: 'ri-song-un', name: 'Ri Song-un', aliases: ['Li Songun'], created: time, modified: time },
  { id: 'hoxha', name: 'Enver Hoxha', aliases: ['Hoxha'], created: time, modified: time },
];

/// Resolves a name through actors' names and aliases, case aside: a
/// stand-in for the actors' own fold.
export function resolverOf(list: readonly Actor[]): (name: string) => Actor | null {
  return (name) => list.find((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase() === name.toLowerCase())) ?? null;
}

export const links = [
  link('l-removal', 'removal', 'overthrown', 'supports', 'Five years later, he was.'),
  link('l-loss', 'overthrown', 'loss', 'elaborates'),
  link('l-ripening', 'ripening', 'overthrown', 'contradicts'),
  link('l-motive', 'motive', 'ripening', 'cites'),
];

export const tagTypes: TagType[] = [...defaultTagTypes, { id: 'source-criticism', name: 'Source criticism', color: '#8e44ad', order: 3, namesActor: false }];

export const documentEntries = new Map<string, SetDocument>(
  [...corpus.values()].map((d: LibraryDocument) => [d.id, { id: d.id, title: d.meta.title, citation: d.meta.citation, fingerprint: d.fingerprint }]),
);

export const set: AnnotationSet = {
  id: 'set-fall',
  name: 'Khrushchev’s fall, foreseen',
  description: 'Did anyone expect it? “Eventually overthrown” — FO, 1962.',
  annotationIds: ['overthrown', 'removal', 'motive', 'loss', 'li'],
  created: time,
  modified: '2026-11-23T09:30:00.000Z',
};

export const context: SetExportContext = {
  annotationsById,
  links,
  tagTypes,
  relationTypes: [...defaultRelationTypes],
  resolveActor: resolverOf(actors),
  documents: documentEntries,
  exported: new Date('2026-11-23T12:00:00.000Z'),
};

/// A library holding nothing, as a fresh install's: what a set import is
/// planned against when nothing of it is here yet.
export function emptySetLibrary(): SetImportLibrary {
  return {
    sets: new Map(),
    annotations: new Map(),
    links: new Map(),
    actors: new Map(),
    tagTypes: [],
    relationTypes: [],
    documents: new Map(),
    resolveActor: () => null,
  };
}
