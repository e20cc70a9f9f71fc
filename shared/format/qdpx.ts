import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ActorIndex } from '../actors/actor-index';
import { actorKey } from '../actors/key';
import type { Actor } from '../actors/model';
import type { Annotation, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import { type DateSpan, type PartialDate, dateSortKey } from '../corpus/dates';
import { textFingerprint } from '../document/fingerprint';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from '../sets/model';
import { InvalidInput } from '../errors';

/// REFI-QDA project export (https://www.qdasoftware.org/): a `.qdpx` zip of
/// `project.qde` (namespace urn:QDA-XML:project:1.0, valid against the
/// standard's Project.xsd) and the plain text of each annotated document,
/// so NVivo, ATLAS.ti, MAXQDA and QualCoder users can open the work. Tag
/// types are codes; each actor is a code under its tag type, by its
/// canonical name (merges and renames show); every annotation is a
/// PlainTextSelection with the codings of its tags and actor, and its note
/// as the selection's description; links are `<Links>` between selections
/// (their notes `<Notes>`), sets are `<Sets>`. What Palimpsest needs to
/// read its own file back (which codes name actors, an actor's aliases, a
/// set's passages) is said in plain words in descriptions, in the forms
/// `qdpx-conventions.ts` defines.

export const qdaNamespace = 'urn:QDA-XML:project:1.0';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/// A stable GUID for a Palimpsest id: the same export twice gives the same
/// project, so a QDA tool can tell what changed. An id that is a UUID
/// already (what the app makes) is its own GUID, so it comes back on import.
export function guidOf(kind: string, id: string): string {
  if (uuid.test(id) && (kind === 'annotation' || kind === 'link' || kind === 'set' || kind === 'actor')) return id;
  const a = textFingerprint(`${kind}:${id}`);
  const b = textFingerprint(`${id}:${kind}:palimpsest`);
  const hex = (a + b).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

/// Text as XML content or attribute value that reads back exactly: the
/// characters an XML parser would normalise (a carriage return in content,
/// tab and line ends in an attribute) are written as references. Characters
/// XML 1.0 cannot hold at all (most C0 controls, lone surrogates) become
/// U+FFFD, the replacement character: visibly changed where the project is
/// read, a name made of them alone is not left empty, and a note's length
/// in UTF-16 units stays as it was.
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/// Converts a UTF-16 offset into a count of Unicode characters (code
/// points), which is what REFI-QDA positions count.
export function codePointOffset(text: string, utf16: number): number {
  let count = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) i++;
    count++;
  }
  return count;
}

/// Palimpsest's words in descriptions, for reading its own projects back.
export const namesActorsLine = 'Palimpsest: tagging with this code names an actor.';
export const actorLine = 'Palimpsest: an actor.';
/// An annotation may name someone without the library holding an actor
/// for the name: its code says so, and an import keeps it a name.
export const nameLine = 'Palimpsest: a name as tagged, with no actor record.';
export const aliasPrefix = 'Also named: ';
export const passagesPrefix = 'Palimpsest passages: ';
export const inversePrefix = 'Palimpsest relation, read from its target: ';

/// Variables Palimpsest writes on a text source, so its own import gives
/// back what the text alone does not say: the date (EDTF: "1962-11",
/// "1960/1961", a guess ending in "?") and the file it was imported from
/// (whose extension names its format, "Markdown").
export const dateVariable = 'Palimpsest date';
export const fileVariable = 'Palimpsest file';

/// A date span as an EDTF text: "1962-01-19", "1960/1961", "1962?".
export function edtfOf(span: DateSpan): string {
  return `${dateSortKey(span.start)}${span.end ? `/${dateSortKey(span.end)}` : ''}${span.guessed ? '?' : ''}`;
}

/// The span `edtfOf` wrote, or null for any other text.
export function spanOfEdtf(text: string): DateSpan | null {
  const match = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:\/(\d{4})(?:-(\d\d))?(?:-(\d\d))?)?(\?)?$/.exec(text.trim());
  if (!match) return null;
  const part = (y?: string, m?: string, d?: string): PartialDate => ({ year: Number(y), ...(m ? { month: Number(m) } : {}), ...(d ? { day: Number(d) } : {}) });
  // A file may say anything: a month or day no calendar has is no date
  // (the library names months by their number).
  const real = (date: PartialDate) =>
    (date.month === undefined || (date.month >= 1 && date.month <= 12)) && (date.day === undefined || (date.day >= 1 && date.day <= 31));
  const start = part(match[1], match[2], match[3]);
  const end = match[4] ? part(match[4], match[5], match[6]) : null;
  if (!real(start) || (end && !real(end))) return null;
  return { start, ...(end ? { end } : {}), guessed: Boolean(match[7]) };
}

/// What a project is made of.
export interface QdpxExport {
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  documents: ReadonlyMap<string, LibraryDocument>;
  exported: Date;
  /// The library's actors: tagged names are written as their actor's
  /// canonical name, with the aliases in the code's description.
  actors?: readonly Actor[];
  /// Links among `annotations` (others are left out) and their types.
  links?: readonly Link[];
  relationTypes?: readonly RelationType[];
  /// Sets, with the passages among `annotations`.
  sets?: readonly AnnotationSet[];
}

/// Builds the `project.qde` XML and the source texts.
export function buildQdpxFiles(options: QdpxExport): Record<string, string> {
  const { annotations, documents } = options;
  const time = stamp(options.exported.toISOString());
  const user = guidOf('user', 'palimpsest');
  const index = new ActorIndex(options.actors ?? []);
  const exportedIds = new Set(annotations.map((a) => a.id));

  // Every tag an annotation carries gets a code, a deleted tag type too
  // (named by its id), so no coding points at a missing code.
  const tagTypes = [...options.tagTypes].sort((a, b) => a.order - b.order);
  const known = new Set(tagTypes.map((t) => t.id));
  const codeOfTag = new Map<string, { tagType: TagType; actors: Map<string, { name: string; aliases: string[]; guid: string; record: boolean }> }>();
  for (const t of tagTypes) codeOfTag.set(t.id, { tagType: t, actors: new Map() });
  const tagCode = (id: string, namesActor = false) => {
    let code = codeOfTag.get(id);
    if (!code) {
      code = { tagType: { id, name: id, color: '#808080', order: codeOfTag.size, namesActor }, actors: new Map() };
      codeOfTag.set(id, code);
    }
    return code;
  };
  for (const a of annotations) for (const t of a.tags) tagCode(t);

  // An annotation's actor is coded under the first of its tags that names
  // actors, else its first tag, else an "actor" code.
  const actorCodeOf = new Map<string, string>();
  for (const a of annotations) {
    if (!a.actor) continue;
    const parent = a.tags.find((t) => codeOfTag.get(t)?.tagType.namesActor) ?? a.tags.find((t) => !known.has(t)) ?? a.tags[0] ?? 'actor';
    const actor = index.resolve(a.actor);
    const key = actor ? `id:${actor.id}` : `name:${actorKey(a.actor) || a.actor}`;
    const code = tagCode(parent, true);
    let child = code.actors.get(key);
    if (!child) {
      child = actor
        ? {
            name: actor.name,
            aliases: [...actor.aliases],
            guid: guidOf('actor', code.tagType.id === 'actor' ? actor.id : `${parent}/${actor.id}`),
            record: true,
          }
        : { name: a.actor, aliases: [], guid: guidOf('actor', `${parent}/${a.actor}`), record: false };
      code.actors.set(key, child);
    }
    actorCodeOf.set(a.id, child.guid);
  }

  const codes = [...codeOfTag.values()]
    .map(({ tagType: t, actors }) => {
      const children = [...actors.values()]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((actor) => {
          const lines = [actor.record ? actorLine : nameLine, ...(actor.aliases.length ? [`${aliasPrefix}${actor.aliases.join('; ')}`] : [])].join('\n');
          return `        <Code guid="${actor.guid}" name="${xmlText(actor.name)}" isCodable="true">\n          <Description>${xmlText(lines)}</Description>\n        </Code>`;
        })
        .join('\n');
      // Actor codes under it say that it names actors; without any, its
      // description says so.
      const description = t.namesActor && !children ? `\n        <Description>${xmlText(namesActorsLine)}</Description>` : '';
      const open = `      <Code guid="${guidOf('tag', t.id)}" name="${xmlText(t.name)}" isCodable="true" color="${t.color.toUpperCase()}"`;
      return description || children ? `${open}>${description}${children ? `\n${children}` : ''}\n      </Code>` : `${open}/>`;
    })
    .join('\n');

  const files: Record<string, string> = {};
  const variables = new Set<string>();
  const byDocument = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byDocument.get(a.documentId);
    if (list) list.push(a);
    else byDocument.set(a.documentId, [a]);
  }
  const sources = [...byDocument.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([documentId, list]) => {
      const document = documents.get(documentId);
      if (!document) throw new InvalidInput('$', `Annotations refer to the document "${documentId}", which is not in the library.`);
      const guid = guidOf('document', documentId);
      const text = document.text.text;
      files[`sources/${guid}.txt`] = text;
      const selections = [...list]
        .sort((a, b) => a.position.start - b.position.start || (a.id < b.id ? -1 : 1))
        .map((a) => {
          const codes = [...a.tags.map((t) => guidOf('tag', t)), ...(actorCodeOf.has(a.id) ? [actorCodeOf.get(a.id)!] : [])];
          const codings = codes
            .map(
              (code) =>
                `          <Coding guid="${guidOf('coding', `${a.id}/${code}`)}" creatingUser="${user}" creationDateTime="${stamp(a.created)}"><CodeRef targetGUID="${code}"/></Coding>`,
            )
            .join('\n');
          const name = a.quote.exact.replace(/\s+/g, ' ').slice(0, 80);
          return [
            `        <PlainTextSelection guid="${guidOf('annotation', a.id)}" name="${xmlText(name)}" startPosition="${codePointOffset(text, a.position.start)}" endPosition="${codePointOffset(text, a.position.end)}" creatingUser="${user}" creationDateTime="${stamp(a.created)}" modifyingUser="${user}" modifiedDateTime="${stamp(a.modified)}">`,
            a.note ? `          <Description>${xmlText(a.note)}</Description>` : '',
            codings,
            '        </PlainTextSelection>',
          ]
            .filter(Boolean)
            .join('\n');
        })
        .join('\n');
      const description = document.meta.citation ? `\n        <Description>${xmlText(document.meta.citation)}</Description>` : '';
      const values = [
        ...(document.meta.date ? [[dateVariable, edtfOf(document.meta.date)]] : []),
        ...(document.origin === 'imported' ? [[fileVariable, document.fileName]] : []),
      ]
        .map(([name, value]) => {
          variables.add(name!);
          return `\n        <VariableValue><VariableRef targetGUID="${guidOf('variable', name!)}"/><TextValue>${xmlText(value!)}</TextValue></VariableValue>`;
        })
        .join('');
      return `      <TextSource guid="${guid}" name="${xmlText(document.meta.title)}" plainTextPath="internal://${guid}.txt" creatingUser="${user}" creationDateTime="${time}">${description}\n${selections}${values}\n      </TextSource>`;
    })
    .join('\n');

  // A link's note is a Note the link refers to, which also carries the
  // link's times (a Link has none of its own), so every link has one.
  // Links whose ends are not both exported are left out.
  const relationTypes = new Map((options.relationTypes ?? []).map((r) => [r.id, r]));
  const links = [...(options.links ?? [])].filter((l) => exportedIds.has(l.from) && exportedIds.has(l.to)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const notes: string[] = [];
  const linkLines = links.map((l) => {
    const relation = relationTypes.get(l.relation);
    const name = relation?.name ?? l.relation;
    const symmetric = relation ? relation.inverse === relation.name : false;
    const attributes = `guid="${guidOf('link', l.id)}" name="${xmlText(name)}" direction="${symmetric ? 'Bidirectional' : 'OneWay'}"${relation ? ` color="${relation.color.toUpperCase()}"` : ''} originGUID="${guidOf('annotation', l.from)}" targetGUID="${guidOf('annotation', l.to)}"`;
    const noteText = [l.note, ...(relation && !symmetric ? [`${inversePrefix}${relation.inverse}`] : [])].filter(Boolean).join('\n');
    const note = guidOf('link-note', l.id);
    notes.push(
      `    <Note guid="${note}" name="${xmlText(name)}" creatingUser="${user}" creationDateTime="${stamp(l.created)}" modifyingUser="${user}" modifiedDateTime="${stamp(l.modified)}">\n      <PlainTextContent>${xmlText(noteText)}</PlainTextContent>\n    </Note>`,
    );
    return `    <Link ${attributes}>\n      <NoteRef targetGUID="${note}"/>\n    </Link>`;
  });

  // REFI-QDA sets hold codes, sources and notes, not selections: a set
  // lists the sources of its passages, and the passages themselves by GUID
  // in its description.
  const sets = [...(options.sets ?? [])]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => {
      const members = s.annotationIds.filter((id) => exportedIds.has(id));
      const byId = new Map(annotations.map((a) => [a.id, a]));
      const sourcesOf = [...new Set(members.map((id) => byId.get(id)!.documentId))].sort();
      const description = [s.description, `${passagesPrefix}${members.map((id) => guidOf('annotation', id)).join(' ')}`].filter(Boolean).join('\n\n');
      const memberSources = sourcesOf.map((d) => `\n      <MemberSource targetGUID="${guidOf('document', d)}"/>`).join('');
      return `    <Set guid="${guidOf('set', s.id)}" name="${xmlText(s.name)}">\n      <Description>${xmlText(description)}</Description>${memberSources}\n    </Set>`;
    });

  files['project.qde'] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${qdaNamespace}" name="Palimpsest annotations" origin="Palimpsest" creationDateTime="${time}" creatingUserGUID="${user}">`,
    `  <Users>\n    <User guid="${user}" name="Palimpsest"/>\n  </Users>`,
    codeOfTag.size > 0 ? `  <CodeBook>\n    <Codes>\n${codes}\n    </Codes>\n  </CodeBook>` : '',
    variables.size > 0
      ? `  <Variables>\n${[...variables].map((name) => `    <Variable guid="${guidOf('variable', name)}" name="${name}" typeOfVariable="Text"/>`).join('\n')}\n  </Variables>`
      : '',
    byDocument.size > 0 ? `  <Sources>\n${sources}\n  </Sources>` : '',
    notes.length > 0 ? `  <Notes>\n${notes.join('\n')}\n  </Notes>` : '',
    linkLines.length > 0 ? `  <Links>\n${linkLines.join('\n')}\n  </Links>` : '',
    sets.length > 0 ? `  <Sets>\n${sets.join('\n')}\n  </Sets>` : '',
    '</Project>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
  return files;
}

/// An ISO 8601 time as xsd:dateTime; whole seconds lose their ".000".
function stamp(iso: string): string {
  return iso.replace(/\.000Z$/, 'Z');
}

/// The `.qdpx` zip itself.
export function buildQdpx(options: QdpxExport): Uint8Array {
  const files = buildQdpxFiles(options);
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  // A fixed time keeps the zip the same for the same export.
  return zipSync(entries, { level: 6, mtime: options.exported });
}

/// Reads a `.qdpx` back into its files, for checks and tests (the import
/// reads it within limits: qdpx-read.ts).
export function readQdpx(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}
