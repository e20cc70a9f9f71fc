import fc from 'fast-check';
import { describePassage } from '../anchoring/selectors';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';

/// A shared project's author: a machine's id and a display name as people type them.
const author = fc.record({
  id: fc.constantFrom('6f1c0e4d-1a77-4c5e-9a53-2f1c0e4d1a77', 'machine 2', 'ÿ/ü?#'),
  name: fc.string({ unit: fc.constantFrom('A', 'n', 'a', ' ', 'ë', 'Ж', '🙂', '"'), minLength: 1, maxLength: 12 }),
});

/// Random annotations on random passages of `documents` (the seeds), with
/// what people type into notes: quotes, diacritics, Cyrillic, emoji, new
/// lines; some made and last changed in a shared project. Ids are unique; at
/// most `maxLength` of them.
export function annotationsOnSeeds(documents: readonly LibraryDocument[], maxLength = 25): fc.Arbitrary<Annotation[]> {
  return fc
    .uniqueArray(
      fc.record({
        id: fc.uuid(),
        doc: fc.integer({ min: 0, max: documents.length - 1 }),
        at: fc.double({ min: 0, max: 0.99, noNaN: true }),
        length: fc.integer({ min: 1, max: 200 }),
        tags: fc.subarray(defaultTagTypes.map((t) => t.id)),
        actor: fc.option(fc.constantFrom('Khrushchev', 'Enver Hoxha', 'Mëhilli', 'Хрущёв'), { nil: null }),
        note: fc.string({ unit: fc.constantFrom('a', ' ', '"', '“', 'ë', 'ř', 'Ж', '\n', '🙂', '<', '&'), maxLength: 40 }),
        seconds: fc.integer({ min: 0, max: 1e8 }),
        // Made and last changed in a shared project, or never shared.
        authors: fc.option(fc.tuple(author, author), { nil: null }),
      }),
      { selector: (r) => r.id, maxLength },
    )
    .map((records) =>
      records.flatMap((r): Annotation[] => {
        const document = documents[r.doc]!;
        const text = document.text.text;
        let start = Math.floor(r.at * text.length);
        let end = Math.min(text.length, start + r.length);
        while (start < end && /\s/.test(text[start]!)) start++;
        while (end > start && /\s/.test(text[end - 1]!)) end--;
        if (start >= end) return [];
        const { quote, position } = describePassage(text, start, end);
        const time = new Date(Date.UTC(2020, 0, 1) + r.seconds * 1000).toISOString();
        const authorship = r.authors ? { createdBy: r.authors[0], modifiedBy: r.authors[1] } : {};
        return [
          { id: r.id, documentId: document.id, quote, position, tags: r.tags, actor: r.actor, note: r.note, created: time, modified: time, ...authorship },
        ];
      }),
    );
}
