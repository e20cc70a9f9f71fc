import { slugOf } from '../slug';
import { actorKey } from '../actors/key';
import type { Actor } from '../actors/model';
import { describePassage } from '../anchoring/selectors';
import type { TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import { extractMetadata } from '../corpus/metadata';
import { textFingerprint } from '../document/fingerprint';
import { parseSource } from '../document/parse';
import { knownFormatOf } from '../importers/formats';
import { DocText } from '../document/text';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from '../sets/model';
import type { z } from 'zod';
import { ImportError } from './errors';
import { type IncomingAnnotation, type IncomingBatch, checkIds } from './incoming';
import { actorSchema, linkSchema, relationTypeSchema, setSchema } from './library-schemas';
import { tagTypeSchema } from './native';
import { dateVariable, fileVariable, guidOf, spanOfEdtf } from './qdpx';
import type { QdpxProject } from './qdpx-read';

/// The library a project is read against.
export interface QdpxLibrary {
  /// Only their ids and fingerprints are read: a source is the library's
  /// document when its text's fingerprint is the same.
  documents: ReadonlyMap<string, Pick<LibraryDocument, 'id' | 'fingerprint'>>;
  /// The ids among `documents` of the bundled corpus, the same documents in
  /// every library: a source Palimpsest exported from one of them (its GUID
  /// made from the id) is that document, whatever revision either text is at.
  bundled?: ReadonlySet<string>;
  tagTypes: readonly TagType[];
  relationTypes: readonly RelationType[];
}

/// A project in the library's terms: the documents to add (its text
/// sources the library lacks), the annotations as an import batch (their
/// documents among the library's or the new ones), and what a library
/// holds beside annotations — relation types, links, actors and sets (the
/// project's every actor, once: the importer plans them against the
/// library's, `planActors`).
export interface QdpxIncoming {
  newDocuments: LibraryDocument[];
  batch: IncomingBatch;
  relationTypes: RelationType[];
  links: Link[];
  actors: Actor[];
  sets: AnnotationSet[];
  skipped: QdpxProject['skipped'];
}

const palette = ['#8e44ad', '#c0392b', '#16a085', '#d4a017', '#2c6e91', '#7f8c8d'];

/// Maps a read project onto the library: a text source whose canonical
/// text the library has already (same fingerprint) is that document, as
/// is one exported from a bundled document the library holds (by its
/// GUID), else a new one made as a plain-text import of it; codes become tag types by
/// name (case aside; a new name a new type, its hierarchy in the name);
/// Palimpsest's actor codes name actors; memos become notes. A GUID that is
/// a UUID is kept as the id, so a Palimpsest export comes back as it was
/// and the same file twice adds nothing.
export function qdpxIncoming(project: QdpxProject, library: QdpxLibrary, now: Date): QdpxIncoming {
  const time = now.toISOString();
  const idOf = (guid: string) => guid.replace(/^\{|\}$/g, '').toLowerCase();

  // Documents.
  const byFingerprint = new Map<string, Pick<LibraryDocument, 'id' | 'fingerprint'>>();
  for (const document of library.documents.values()) byFingerprint.set(document.fingerprint, document);
  // Only bundled ids: the researcher's documents are named from their
  // files, so a colleague's "memo-1962" may be another text; it is matched
  // by its text alone.
  const byGuid = new Map<string, Pick<LibraryDocument, 'id' | 'fingerprint'>>();
  for (const id of library.bundled ?? []) {
    const document = library.documents.get(id);
    if (document) byGuid.set(guidOf('document', id), document);
  }
  const taken = new Set(library.documents.keys());
  const newDocuments: LibraryDocument[] = [];
  const documentOfSource = new Map<string, Pick<LibraryDocument, 'id' | 'fingerprint'>>();
  for (const source of project.sources) {
    const blocks = parseSource(source.text, 'plain');
    const text = new DocText(blocks);
    const fingerprint = textFingerprint(text.text);
    const known = byFingerprint.get(fingerprint) ?? byFingerprint.get(textFingerprint(source.text)) ?? byGuid.get(source.guid);
    if (known) {
      documentOfSource.set(source.guid, known);
      continue;
    }
    if (blocks.length === 0) {
      project.skipped.push({ path: `Sources/TextSource[${source.name}]`, reason: `“${source.name}” has no text` });
      continue;
    }
    const base = slugOf(source.name, 'qdpx-source');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    // Palimpsest's own variables give back its date (a guess kept a guess)
    // and the file it was imported from, whose extension names its format.
    const date = spanOfEdtf(source.variables.get(dateVariable) ?? '');
    const file = source.variables.get(fileVariable)?.trim();
    const format = file ? knownFormatOf(file) : null;
    const meta = {
      ...extractMetadata(blocks),
      title: source.name,
      ...(source.description ? { citation: source.description } : {}),
      ...(date ? { date } : {}),
    };
    const document: LibraryDocument = {
      id,
      fileName: format ? file! : `${source.name}.txt`,
      format: format ?? 'plain',
      blocks,
      text,
      meta,
      fingerprint,
      pages: [],
      origin: 'imported',
      collection: null,
    };
    newDocuments.push(document);
    byFingerprint.set(fingerprint, document);
    documentOfSource.set(source.guid, document);
  }

  // Tag types and actors from codes.
  const tagByName = new Map(library.tagTypes.map((t) => [t.name.toLowerCase(), t]));
  const createdTags: TagType[] = [];
  const codes = new Map(project.codes.map((c) => [c.guid, c]));
  const tagOfCode = new Map<string, TagType>();
  const tagTypeFor = (code: QdpxProject['codes'][number]): TagType => {
    const cached = tagOfCode.get(code.guid);
    if (cached) return cached;
    let tagType = tagByName.get(code.name.toLowerCase());
    if (!tagType) {
      const base = slugOf(code.name, 'code');
      let id = base;
      for (let n = 2; library.tagTypes.some((t) => t.id === id) || createdTags.some((t) => t.id === id); n++) id = `${base}-${n}`;
      tagType = {
        id,
        name: code.name,
        color: code.color ?? palette[createdTags.length % palette.length]!,
        order: library.tagTypes.length + createdTags.length,
        namesActor: code.namesActor,
      };
      createdTags.push(tagType);
      tagByName.set(code.name.toLowerCase(), tagType);
    }
    tagOfCode.set(code.guid, tagType);
    return tagType;
  };
  const actors: Actor[] = [];
  // One actor may be coded under several tag types: it is added once.
  const added = new Set<string>();
  for (const code of project.codes) {
    // An actor code without a name (the reader says so) names no actor; a
    // name the library held without an actor record stays a name.
    if (!code.actor?.name || !code.actor.record) continue;
    const names = [code.actor.name, ...code.actor.aliases];
    if (names.some((name) => added.has(actorKey(name)))) continue;
    for (const name of names) added.add(actorKey(name));
    actors.push({ id: idOf(code.guid), name: code.actor.name, aliases: [...code.actor.aliases], created: time, modified: time });
  }

  // Annotations.
  const annotations: IncomingAnnotation[] = [];
  const annotationIds = new Set<string>();
  const skipped = project.skipped;
  for (const selection of project.selections) {
    const document = documentOfSource.get(selection.sourceGuid);
    const source = project.sources.find((s) => s.guid === selection.sourceGuid);
    if (!document || !source) continue;
    const tags: string[] = [];
    let actor: string | null = null;
    for (const guid of selection.codeGuids) {
      const code = codes.get(guid);
      if (!code) {
        skipped.push({ path: selection.path, reason: `a coding refers to the code ${guid}, which the codebook lacks; the passage keeps its other codes` });
        continue;
      }
      // An actor code gives its name, not its parent's tag: a passage is
      // tagged by the codes it is coded with (Palimpsest codes every tag of
      // a passage itself), so a name on an untagged passage, which is
      // written under an "Actor" code, comes back untagged.
      if (code.actor) actor ??= code.actor.name || null;
      else tags.push(tagTypeFor(code).id);
    }
    const id = idOf(selection.guid);
    annotationIds.add(id);
    const { quote, position } = describePassage(source.text, selection.start, selection.end);
    annotations.push({
      id,
      fileId: selection.guid,
      path: selection.path,
      documentId: document.id,
      source: document.id,
      quote,
      position,
      // Converted from the project's code points when the passage was described.
      positionUnit: 'utf16',
      tags: [...new Set(tags)],
      actor,
      note: selection.note,
      created: selection.created ?? time,
      modified: selection.modified ?? selection.created ?? time,
    });
  }
  const usedTags = new Set(annotations.flatMap((a) => a.tags));
  const batchTagTypes = [...library.tagTypes.filter((t) => usedTags.has(t.id)), ...createdTags];

  // Links and their relation types.
  const relationByName = new Map(library.relationTypes.map((r) => [r.name.toLowerCase(), r]));
  const relationTypes: RelationType[] = [];
  const links: Link[] = project.links
    .filter((l) => annotationIds.has(idOf(l.from)) && annotationIds.has(idOf(l.to)))
    .map((l) => {
      let relation = relationByName.get(l.name.toLowerCase());
      if (!relation) {
        const base = slugOf(l.name, 'linked');
        let id = base;
        for (let n = 2; library.relationTypes.some((r) => r.id === id) || relationTypes.some((r) => r.id === id); n++) id = `${base}-${n}`;
        relation = { id, name: l.name, inverse: l.inverse ?? l.name, color: l.color ?? '#6b6b6b', order: library.relationTypes.length + relationTypes.length };
        relationTypes.push(relation);
        relationByName.set(l.name.toLowerCase(), relation);
      }
      return {
        id: idOf(l.guid),
        from: idOf(l.from),
        to: idOf(l.to),
        relation: relation.id,
        note: l.note,
        created: l.created ?? time,
        modified: l.modified ?? l.created ?? time,
      };
    });

  const sets: AnnotationSet[] = project.sets.map((s) => ({
    id: idOf(s.guid),
    name: s.name,
    description: s.description,
    annotationIds: s.selectionGuids.map(idOf).filter((id) => annotationIds.has(id)),
    created: time,
    modified: time,
  }));

  checkIds('annotation', annotations);
  checkIds(
    'link',
    links.map((l, i) => ({ id: l.id, path: `Links[${i}]` })),
  );
  checkIds(
    'set',
    sets.map((s, i) => ({ id: s.id, path: `Sets[${i}]` })),
  );
  checkSchemas(createdTags, relationTypes, links, actors, sets);
  return {
    newDocuments,
    batch: {
      format: 'qdpx',
      annotations,
      tagTypes: batchTagTypes,
      // The project's links, actors and sets are written beside the batch
      // (renderer/store/qdpx-import.ts), with its new documents.
      library: null,
      setAside: [],
      zonelessTimes: 0,
    },
    relationTypes,
    links,
    actors,
    sets,
    skipped,
  };
}

/// Checks what the project adds to the library against the very schemas a
/// backup and a native import check, so a value the reader let through
/// (a future field, a name it did not foresee) is refused here, before
/// anything is stored, rather than making every later backup unrestorable.
function checkSchemas(tagTypes: TagType[], relationTypes: RelationType[], links: Link[], actors: Actor[], sets: AnnotationSet[]): void {
  const lists: [string, readonly unknown[], z.ZodType][] = [
    ['CodeBook', tagTypes, tagTypeSchema],
    ['Links', relationTypes, relationTypeSchema],
    ['Links', links, linkSchema],
    ['CodeBook', actors, actorSchema],
    ['Sets', sets, setSchema],
  ];
  for (const [path, items, schema] of lists)
    items.forEach((item, i) => {
      const result = schema.safeParse(item);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw new ImportError(`${path}[${i}]${issue.path.map((p) => `.${String(p)}`).join('')}`, issue.message);
      }
    });
}
