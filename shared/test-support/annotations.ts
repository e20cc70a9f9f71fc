import { describePassage } from '../anchoring/selectors';
import type { Annotation } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';

/// An annotation tagged Claim on the `occurrence`-th (from 0) place `exact`
/// stands in `document`, as the reader would store it, with a fixed time;
/// `extra` overrides any field.
export function annotationOn(document: LibraryDocument, id: string, exact: string, extra: Partial<Annotation> = {}, occurrence = 0): Annotation {
  const text = document.text.text;
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new RangeError(`The fixture quote “${exact}” is not in ${document.id}.`);
  const { quote, position } = describePassage(text, start, start + exact.length);
  return {
    id,
    documentId: document.id,
    quote,
    position,
    tags: ['claim'],
    actor: null,
    note: '',
    created: '2026-11-22T10:00:00.000Z',
    modified: '2026-11-22T10:00:00.000Z',
    ...extra,
  };
}
