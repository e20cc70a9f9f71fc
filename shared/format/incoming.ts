import { slugOf } from '../slug';
import type { Actor } from '../actors/model';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import type { Author, TagType } from '../annotation/model';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from '../sets/model';
import { ImportError } from './errors';
import { jsonPath } from './json-path';
import type { z } from 'zod';
import { actorSchema, type documentEditSchema, type importedDocumentSchema, relationTypeSchema, type revisionSchema, setSchema } from './library-schemas';
import { type NativeFile, tagTypeSchema } from './native';
import { authorshipOf, idSchema } from './native-fields';
import type { W3cRead } from './w3c-read';

/// An annotation read from a file of any format, before it is placed in the
/// library: what the import plan works from.
export interface IncomingAnnotation {
  /// The id the library keeps.
  id: string;
  /// The id exactly as the file gave it (`urn:uuid:…` stays), for reports.
  fileId: string;
  /// Where in the file it came from, for messages (`$.annotations[3]`).
  path: string;
  /// The library document it names, or `null` when the file names another
  /// source (a web page Hypothesis annotated): then every document is tried.
  documentId: string | null;
  source: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  /// What `position` counts: UTF-16 code units (Palimpsest's files) or
  /// Unicode code points (W3C files, as the model says).
  positionUnit: 'utf16' | 'code points';
  /// Tag type ids; names not yet known are in `tagTypes` of the batch.
  tags: string[];
  actor: string | null;
  note: string;
  created: string;
  modified: string;
  /// Who made and last changed it, when the file says (a shared project's).
  createdBy?: Author;
  modifiedBy?: Author;
  /// The file gave no date (a W3C file may not): its times are the
  /// import's, which say nothing of whether it is newer than the library's
  /// annotation of the same id, so it never replaces that one.
  undated?: true;
}

/// A link read from a file, with where it came from; `undated` as for an
/// annotation.
export interface IncomingLink extends Link {
  path: string;
  undated?: true;
}

/// What a file carries of a library beyond annotations and tag types: a
/// whole-library export's relation types, links, actors and sets.
export interface IncomingLibrary {
  relationTypes: RelationType[];
  links: IncomingLink[];
  actors: Actor[];
  sets: AnnotationSet[];
  /// The researcher's own documents, the revisions of any document, and
  /// the descriptions edited, as a whole-library export and a backup carry
  /// them (a file of another app's, or an older one, has none): without
  /// them the annotations on those documents, or on a revised text, would
  /// have nothing to be placed on.
  documents?: CarriedDocument[];
  revisions?: CarriedRevision[];
  documentEdits?: CarriedEdit[];
}

/// An imported document as a native file carries it (parsed, whole).
export type CarriedDocument = z.infer<typeof importedDocumentSchema>;
/// A revision as a native file carries it (its source, parsed again).
export type CarriedRevision = z.infer<typeof revisionSchema>;
/// A document's edited description as a native file carries it.
export type CarriedEdit = z.infer<typeof documentEditSchema>;

/// Something in the file that is not imported, and why.
export interface SetAside {
  id: string;
  path: string;
  quote: string;
  reason: string;
}

/// Everything a file brings, read and normalised, whatever its format: the
/// one input of the import plan (shared/format/merge.ts). A reader of a new
/// format (REFI-QDA) fills the same fields.
export interface IncomingBatch {
  format: 'native' | 'w3c' | 'qdpx';
  annotations: IncomingAnnotation[];
  /// Tag types the annotations use, as the file defines them.
  tagTypes: TagType[];
  /// The rest of the library, when the file carries it.
  library: IncomingLibrary | null;
  /// Items of the file that cannot be imported (an image region, a link
  /// between resources the file does not hold), with the reason.
  setAside: SetAside[];
  /// Times without a zone or a time of day, read as UTC (the preview says so).
  zonelessTimes: number;
}

/// The batch a validated native file holds.
export function incomingFromNative(file: NativeFile, zonelessTimes = 0): IncomingBatch {
  return {
    format: 'native',
    tagTypes: file.tagTypes.map((t) => ({ ...t })),
    annotations: file.annotations.map((a, i) => ({
      id: a.id,
      fileId: a.id,
      path: `$.annotations[${i}]`,
      documentId: a.documentId,
      source: a.target.source,
      quote: { ...a.target.selector[0] },
      position: { ...a.target.selector[1] },
      positionUnit: 'utf16',
      tags: [...a.tags],
      actor: a.actor,
      note: a.note,
      created: a.created,
      modified: a.modified,
      ...authorshipOf(a),
    })),
    library: file.library
      ? {
          relationTypes: file.library.relationTypes.map((r) => ({ ...r })),
          links: file.library.links.map((l, i) => ({ ...l, path: `$.library.links[${i}]` })),
          actors: file.library.actors.map((a) => ({ ...a, aliases: [...a.aliases] })),
          sets: file.library.sets.map((s) => ({ ...s, annotationIds: [...s.annotationIds] })),
          ...(file.library.documents ? { documents: file.library.documents } : {}),
          ...(file.library.revisions ? { revisions: file.library.revisions } : {}),
          ...(file.library.documentEdits ? { documentEdits: file.library.documentEdits } : {}),
        }
      : null,
    setAside: [],
    zonelessTimes,
  };
}

/// The batch W3C annotations make. Tags are names there: a name the file's
/// own tag types list (a Palimpsest export) takes that type, with its id and
/// colour; a name the library knows (case aside) takes the library's type;
/// a new name becomes a new type. Links name their relation the same way.
export function incomingFromW3c(read: W3cRead, known: readonly TagType[], now: Date, knownRelations: readonly RelationType[] = []): IncomingBatch {
  const extension = extensionOf(read.top);
  const byName = new Map(known.map((t) => [t.name.toLowerCase(), t]));
  const fileByName = new Map(extension.tagTypes.map((t) => [t.name.toLowerCase(), t]));
  const created: TagType[] = [];
  const used = new Set<TagType>();
  const tagId = (name: string): string => {
    const key = name.toLowerCase();
    let tagType = fileByName.get(key) ?? byName.get(key);
    if (!tagType) {
      const taken = (id: string) => known.some((t) => t.id === id) || created.some((t) => t.id === id) || extension.tagTypes.some((t) => t.id === id);
      tagType = {
        id: uniqueId(slugOf(key, 'tag'), taken),
        name,
        color: newTagColors[created.length % newTagColors.length]!,
        order: known.length + created.length,
        namesActor: false,
      };
      created.push(tagType);
      byName.set(key, tagType);
    }
    used.add(tagType);
    return tagType.id;
  };
  const time = now.toISOString();
  const annotations: IncomingAnnotation[] = read.annotations.map((a) => ({
    id: a.id,
    fileId: a.fileId,
    path: a.path,
    documentId: a.documentId,
    source: a.source,
    quote: a.quote,
    position: a.position,
    positionUnit: a.positionUnit ?? 'code points',
    tags: [...new Set(a.tagNames.map(tagId))],
    actor: a.actor,
    note: a.note,
    created: a.created ?? time,
    modified: a.modified ?? a.created ?? time,
    ...(a.createdBy ? { createdBy: a.createdBy } : {}),
    ...(a.modified === null ? { undated: true as const } : {}),
  }));

  let library: IncomingLibrary | null = null;
  if (read.links.length || extension.relationTypes.length || extension.actors.length || extension.sets.length) {
    const relationTypes = extension.relationTypes.map((r) => ({ ...r }));
    const relationOf = (name: string | null): string => {
      const key = (name ?? 'related to').toLowerCase();
      const found =
        relationTypes.find((r) => r.id === name || r.name.toLowerCase() === key) ?? knownRelations.find((r) => r.id === name || r.name.toLowerCase() === key);
      if (found) {
        if (!relationTypes.includes(found)) relationTypes.push({ ...found });
        return found.id;
      }
      const taken = (id: string) => relationTypes.some((r) => r.id === id) || knownRelations.some((r) => r.id === id);
      const added: RelationType = {
        id: uniqueId(slugOf(key, 'relation'), taken),
        name: name ?? 'related to',
        inverse: name ?? 'related to',
        color: '#6b6b6b',
        order: relationTypes.length,
      };
      relationTypes.push(added);
      return added.id;
    };
    library = {
      relationTypes,
      links: read.links.map((l) => ({
        id: l.id,
        from: l.from,
        to: l.to,
        relation: relationOf(l.relation),
        note: l.note,
        created: l.created ?? time,
        modified: l.modified ?? l.created ?? time,
        ...(l.createdBy ? { createdBy: l.createdBy } : {}),
        ...(l.modified === null ? { undated: true as const } : {}),
        path: l.path,
      })),
      actors: extension.actors,
      sets: extension.sets,
    };
  }
  return {
    format: 'w3c',
    annotations,
    // A whole-library export brings all its tag types; another, those used.
    tagTypes: [...extension.tagTypes.filter((t) => library || used.has(t)), ...known.filter((t) => used.has(t)), ...created],
    library,
    setAside: read.setAside,
    zonelessTimes: read.zonelessTimes,
  };
}

// The lists Palimpsest's extension context adds to a collection (see
// w3c-terms.ts), each item checked as in a native file.
function extensionOf(top: Record<string, unknown> | null) {
  const list = <T>(
    key: string,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  ): T[] => {
    const value = top?.[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new ImportError(jsonPath([key]), `${key} must be a list`);
    return value.map((item, i) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ImportError(jsonPath([key, i, ...issue.path]), issue.message);
      }
      return parsed.data;
    });
  };
  return {
    tagTypes: list<TagType>('tagTypes', tagTypeSchema),
    relationTypes: list<RelationType>('relationTypes', relationTypeSchema),
    actors: list<Actor>('actors', actorSchema),
    sets: list<AnnotationSet>('sets', setSchema),
  };
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

const newTagColors = ['#8e44ad', '#c0392b', '#16a085', '#d4a017', '#2c6e91', '#7f8c8d'];

/// Refuses ids that export, backup and restore could not carry back: an
/// empty one, one over 200 characters, or one given twice to the same kind
/// of thing (a file may write one id two ways, `urn:uuid:x` and `x`, and a
/// project may repeat a GUID). Throws `ImportError` with the path of the
/// second use.
export function checkIds(kind: string, items: readonly { id: string; path: string }[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const valid = idSchema.safeParse(item.id);
    if (!valid.success) throw new ImportError(`${item.path}.id`, `the ${kind} id "${item.id.slice(0, 60)}" ${valid.error.issues[0]!.message}`);
    if (seen.has(item.id))
      throw new ImportError(`${item.path}.id`, `the ${kind} id "${item.id}" is used twice in the file (ids are compared without a urn:uuid: prefix)`);
    seen.add(item.id);
  }
}

/// `checkIds` over everything a batch brings.
export function checkBatchIds(batch: IncomingBatch): IncomingBatch {
  checkIds('annotation', batch.annotations);
  if (batch.library) {
    checkIds('link', batch.library.links);
    checkIds(
      'actor',
      batch.library.actors.map((a, i) => ({ id: a.id, path: `$.library.actors[${i}]` })),
    );
    checkIds(
      'set',
      batch.library.sets.map((s, i) => ({ id: s.id, path: `$.library.sets[${i}]` })),
    );
  }
  return batch;
}
