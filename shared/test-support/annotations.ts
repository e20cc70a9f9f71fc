import { describePassage } from '../anchoring/selectors';
import type { Annotation } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';

/// Where the `occurrence`-th (from 0) `exact` stands in `document`'s text:
/// the passage a researcher would select.
export function passageOf(document: LibraryDocument, exact: string, occurrence = 0): { start: number; end: number } {
  const text = document.text.text;
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new RangeError(`The fixture quote “${exact}” is not in ${document.id}.`);
  return { start, end: start + exact.length };
}

/// An annotation tagged Claim on the `occurrence`-th (from 0) place `exact`
/// stands in `document`, as the reader would store it, with a fixed time;
/// `extra` overrides any field.
export function annotationOn(document: LibraryDocument, id: string, exact: string, extra: Partial<Annotation> = {}, occurrence = 0): Annotation {
  const { start, end } = passageOf(document, exact, occurrence);
  const { quote, position } = describePassage(document.text.text, start, end);
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
