import { describePassage } from '../anchoring/selectors';
import type { Annotation } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import type { Link } from '../links/model';
import { seed } from './corpus';

// Fixtures for the tests of links and of what is built on them (the claim
// matrix, the links between two documents): annotations and the links
// between them, all made at one time.

const time = '2026-11-22T10:00:00.000Z';

/// An annotation on the first occurrence of `exact` in a seed document.
export function annotationOn(corpus: Map<string, LibraryDocument>, id: string, documentId: string, exact: string, tags: string[] = []): Annotation {
  const text = seed(corpus, documentId).text.text;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`“${exact}” is not in ${documentId}.`);
  return { id, documentId, ...describePassage(text, start, start + exact.length), tags, actor: null, note: '', created: time, modified: time };
}

let position = 0;

/// An annotation whose text does not matter, quoting its own id, each at
/// a place after the last one made.
export function standIn(id: string, documentId: string, tags: string[] = []): Annotation {
  const start = (position += 10);
  return {
    id,
    documentId,
    quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 5 },
    tags,
    actor: null,
    note: '',
    created: time,
    modified: time,
  };
}

/// A link from one annotation to another, without a note.
export function linkOf(id: string, from: string, to: string, relation = 'supports'): Link {
  return { id, from, to, relation, note: '', created: time, modified: time };
}
