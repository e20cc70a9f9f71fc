import { anchorPassage } from '../anchoring/anchor';
import { describePassage } from '../anchoring/selectors';
import type { Annotation, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import { ImportError } from './errors';
import { type NativeFile, annotationOf } from './native';

/// What importing a file will change, worked out before anything is written.
export interface ImportPlan {
  /// Annotations the library does not have yet.
  add: Annotation[];
  /// Annotations the library has in an older version.
  update: Annotation[];
  /// Annotations already in the library as they are (or newer there).
  unchanged: number;
  /// Tag types the file uses that the library does not have.
  addTagTypes: TagType[];
}

/// Plans the merge of a validated file into the library. Every annotation
/// is anchored in the library's text of its document; the first one that
/// cannot be placed makes the whole import fail with an `ImportError`, so an
/// import is all or nothing. Importing the same file twice plans nothing.
export function planImport(
  file: NativeFile,
  documents: ReadonlyMap<string, LibraryDocument>,
  existing: { annotations: ReadonlyMap<string, Annotation>; tagTypes: readonly TagType[] },
): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], unchanged: 0, addTagTypes: [] };

  const knownTags = new Set(existing.tagTypes.map((tagType) => tagType.id));
  let nextOrder = existing.tagTypes.reduce((max, tagType) => Math.max(max, tagType.order + 1), 0);
  for (const tagType of [...file.tagTypes].sort((a, b) => a.order - b.order)) {
    if (knownTags.has(tagType.id)) continue;
    plan.addTagTypes.push({ ...tagType, order: nextOrder++ });
    knownTags.add(tagType.id);
  }

  file.annotations.forEach((entry, i) => {
    const document = documents.get(entry.documentId);
    if (!document) throw new ImportError(`$.annotations[${i}].documentId`, `there is no document "${entry.documentId}" in this library`);
    const incoming = annotationOf(entry);
    const anchor = anchorPassage(document.text.text, incoming.quote, incoming.position);
    if (!anchor) {
      throw new ImportError(
        `$.annotations[${i}].target`,
        `the passage “${abbreviate(incoming.quote.exact)}” cannot be found in “${abbreviate(document.meta.title)}”`,
      );
    }
    // Re-describe the passage from the library's text, so stored selectors
    // always agree with the text they point into.
    const { quote, position } = describePassage(document.text.text, anchor.start, anchor.end);
    const annotation: Annotation = { ...incoming, quote, position };
    const current = existing.annotations.get(annotation.id);
    if (!current) plan.add.push(annotation);
    else if (annotation.modified > current.modified && !sameAnnotation(annotation, current)) plan.update.push(annotation);
    else plan.unchanged++;
  });
  return plan;
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function abbreviate(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
