import { strFromU8 } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import { ImportFileError } from '../importers/errors';
import { type ZipLimits, readZip } from '../importers/zip';
import { ImportError } from './errors';
import { xmlText } from './xml-text';
import { actorLine, aliasPrefix, inversePrefix, nameLine, namesActorsLine, passagesPrefix } from './qdpx';

/// A REFI-QDA project (`.qdpx`) as read, in neutral terms: its text sources
/// with their text, its codes (a hierarchy flattened into `parent / child`
/// names), the selections coded in the sources (positions already in UTF-16
/// units of the source's text), links between selections, and sets. Pure:
/// no DOM, no storage; `qdpx-incoming.ts` turns it into library terms.

type Element = ReturnType<typeof parseDocument>['children'][number] & { name: string; attribs: Record<string, string>; children: Node[] };
type Node = ReturnType<typeof parseDocument>['children'][number];

export interface QdpxSource {
  guid: string;
  name: string;
  text: string;
  /// The source's description (a citation, in Palimpsest's exports).
  description: string;
  /// Its text variables by name (Palimpsest writes its date and file).
  variables: Map<string, string>;
}

export interface QdpxCode {
  guid: string;
  /// The names from the top of the hierarchy down, joined by " / ".
  name: string;
  color: string | null;
  /// Palimpsest's own projects: tagging with this code names an actor.
  namesActor: boolean;
  /// Palimpsest's own projects: this code is an actor under its parent;
  /// `record` false where the library named it without an actor record
  /// (the name stays a name).
  actor: { name: string; aliases: string[]; record: boolean } | null;
  parentGuid: string | null;
}

export interface QdpxSelection {
  guid: string;
  sourceGuid: string;
  /// UTF-16 offsets into the source's text.
  start: number;
  end: number;
  codeGuids: string[];
  /// The selection's description and any notes it refers to.
  note: string;
  created: string | null;
  modified: string | null;
  /// Where it is in project.qde, for messages.
  path: string;
}

export interface QdpxLink {
  guid: string;
  name: string;
  symmetric: boolean;
  color: string | null;
  from: string;
  to: string;
  note: string;
  /// How the relation reads from its target, where the project says.
  inverse: string | null;
  created: string | null;
  modified: string | null;
}

export interface QdpxSet {
  guid: string;
  name: string;
  description: string;
  selectionGuids: string[];
}

export interface QdpxProject {
  name: string;
  origin: string;
  sources: QdpxSource[];
  codes: QdpxCode[];
  selections: QdpxSelection[];
  links: QdpxLink[];
  sets: QdpxSet[];
  /// What was left out, and why (a PDF or audio source, a selection
  /// outside its text).
  skipped: { path: string; reason: string }[];
}

/// What a .qdpx may inflate to: project.qde 64 MB, a source 32 MB, 512 MB
/// in all (a project's pictures and audio count too), 20,000 files.
export const qdpxLimits: ZipLimits = {
  entries: 20_000,
  totalBytes: 512 * 1024 * 1024,
  entryBytes: (name) => (name === 'project.qde' ? 64 : /\.txt$/i.test(name) ? 32 : 256) * 1024 * 1024,
};

/// Reads a `.qdpx` within `qdpxLimits`. Throws ImportError naming the file's
/// problem (with its place in project.qde) for what cannot be read.
export function readQdpxProject(bytes: Uint8Array, fileName: string): QdpxProject {
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(bytes, fileName, qdpxLimits, (name) => name === 'project.qde' || /^sources\/[^/]+\.txt$/i.test(name));
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportError('$', error.message);
    throw error;
  }
  const qde = files.get('project.qde');
  if (!qde) throw new ImportError('$', `${fileName} is not a REFI-QDA project: it has no project.qde inside.`);
  // Read in the encoding it is in: a UTF-16 project.qde read as UTF-8 has
  // a NUL after every letter, and no <Project> root to be found.
  const xml = xmlText(qde);
  // Elements nested thousands deep (no QDA tool writes them) take the
  // parser quadratic time and exhaust the stack of any tree walk: refused
  // after a linear count, before parsing.
  if (nestingDepth(xml) > maxDepth)
    throw new ImportError(
      '$',
      `${fileName} cannot be read: its project.qde nests elements more than ${maxDepth} deep, far deeper than a REFI-QDA project does.`,
    );
  try {
    return parseProject(xml, (path) => {
      const data = files.get(path) ?? [...files].find(([name]) => name.toLowerCase() === path.toLowerCase())?.[1];
      return data ? strFromU8(data) : null;
    });
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw new ImportError('$', `${fileName} cannot be read: its project.qde nests elements too deeply.`);
    throw error;
  }
}

/// Reads project.qde; `sourceText` gives a file of the zip by its path.
export function parseProject(xml: string, sourceText: (path: string) => string | null): QdpxProject {
  // XML reads every line end as "\n"; a carriage return kept is "&#13;".
  const document = parseDocument(xml.replace(/\r\n?/g, '\n'), { xmlMode: true, decodeEntities: true });
  const root = document.children.find(isElement);
  if (!root || local(root) !== 'Project') throw new ImportError('$', 'project.qde is not a REFI-QDA project: its root element is not <Project>.');
  const skipped: QdpxProject['skipped'] = [];

  const notes = new Map<string, { text: string; created: string | null; modified: string | null }>();
  for (const note of children(child(root, 'Notes'), 'Note')) {
    const text = textOf(note, sourceText);
    if (text !== null && note.attribs.guid)
      notes.set(note.attribs.guid.toUpperCase(), { text, created: dateTime(note.attribs.creationDateTime), modified: dateTime(note.attribs.modifiedDateTime) });
  }
  const notesOf = (element: Element) =>
    children(element, 'NoteRef')
      .map((ref) => notes.get((ref.attribs.targetGUID ?? '').toUpperCase()))
      .filter((n) => n !== undefined);
  const noteRefs = (element: Element) => notesOf(element).map((n) => n.text);

  const codes: QdpxCode[] = [];
  // Values given another name (or none) so the library can hold them.
  const renamed: QdpxProject['skipped'] = [];
  const walk = (element: Element, path: string[], parent: QdpxCode | null) => {
    if (path.length > 64) throw new ImportError('CodeBook', 'codes nest more than 64 levels deep');
    for (const code of children(element, 'Code')) {
      const given = code.attribs.name ?? '';
      const description = childText(code, 'Description');
      const lines = description.split('\n');
      const isActor = parent !== null && (lines[0] === actorLine || lines[0] === nameLine);
      // A tag type, an actor and a relation need a name in the library
      // (and in its backups): a code without one keeps its passages under
      // a name the preview states; an actor code without one names no
      // actor, its passages keep their parent's tag.
      const name = given || (isActor ? '' : untitledCode);
      const guid = need(code, 'guid', 'Code').toUpperCase();
      if (!given)
        renamed.push({
          path: `CodeBook/Code[${guid}]`,
          reason: isActor
            ? 'an actor code without a name: its passages keep their tag and name no actor'
            : `a code without a name is imported as “${[...path, untitledCode].join(' / ')}”`,
        });
      const actor = isActor ? { name, aliases: aliasesOf(lines), record: lines[0] === actorLine } : null;
      if (actor && parent) parent.namesActor = true;
      const entry: QdpxCode = {
        guid,
        name: actor ? name : [...path, name].join(' / '),
        color: /^#[0-9a-f]{6}$/i.test(code.attribs.color ?? '')
          ? code.attribs.color!.toLowerCase()
          : /^#[0-9a-f]{3}$/i.test(code.attribs.color ?? '')
            ? `#${[...code.attribs.color!.slice(1)]
                .map((c) => c + c)
                .join('')
                .toLowerCase()}`
            : null,
        namesActor: lines[0] === namesActorsLine,
        actor,
        parentGuid: parent?.guid ?? null,
      };
      codes.push(entry);
      walk(code, actor ? path : [...path, name], entry);
    }
  };
  const codebook = child(child(root, 'CodeBook'), 'Codes');
  if (codebook) walk(codebook, [], null);

  const variableNames = new Map(children(child(root, 'Variables'), 'Variable').map((v) => [(v.attribs.guid ?? '').toUpperCase(), v.attribs.name ?? '']));
  const variablesOf = (element: Element) =>
    new Map(
      children(element, 'VariableValue').flatMap((value) => {
        const name = variableNames.get((child(value, 'VariableRef')?.attribs.targetGUID ?? '').toUpperCase());
        const text = child(value, 'TextValue');
        return name && text ? [[name, DomUtils.textContent(text)] as const] : [];
      }),
    );
  const sources: QdpxSource[] = [];
  const selections: QdpxSelection[] = [];
  const sourcesElement = child(root, 'Sources');
  let n = 0;
  for (const outer of sourcesElement ? sourcesElement.children.filter(isElement) : []) {
    const path = `Sources/${local(outer)}[${n++}]`;
    const name = outer.attribs.name ?? '';
    // A PDF source may carry its text as a Representation (NVivo and
    // ATLAS.ti write one), coded like a text source: that text is imported.
    const representation = local(outer) === 'PDFSource' ? child(outer, 'Representation') : null;
    const source = local(outer) === 'TextSource' ? outer : representation;
    const regions = children(outer, 'PDFSelection').length;
    if (regions > 0)
      skipped.push({ path, reason: `${regions} selection${regions === 1 ? '' : 's'} of “${name}” by page region (not by text) cannot be placed in a text` });
    if (!source) {
      skipped.push({
        path,
        reason: `“${name}” is a ${local(outer)
          .replace(/Source$/, '')
          .toLowerCase()} source without a text representation; only text is imported`,
      });
      continue;
    }
    const text = textOf(source, sourceText);
    if (text === null) {
      const where = source.attribs.plainTextPath
        ? `its text file ${source.attribs.plainTextPath} is not in the project`
        : source.attribs.richTextPath
          ? 'the project has only its rich text (Word), not its plain text'
          : 'the project holds no text for it';
      skipped.push({ path, reason: `“${name}” cannot be read: ${where}` });
      continue;
    }
    const guid = need(outer, 'guid', path).toUpperCase();
    sources.push({ guid, name: name || 'Untitled source', text, description: childText(source, 'Description'), variables: variablesOf(outer) });
    // REFI-QDA positions count characters (code points); the app counts
    // UTF-16 units: the offset of each code point, once per source.
    const utf16 = codePointStarts(text);
    let s = 0;
    for (const selection of children(source, 'PlainTextSelection')) {
      const at = `${path}/PlainTextSelection[${s++}]`;
      const start = Number(selection.attribs.startPosition);
      const end = Number(selection.attribs.endPosition);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end >= utf16.length) {
        skipped.push({
          path: at,
          reason: `its positions ${selection.attribs.startPosition}–${selection.attribs.endPosition} are not a passage of “${name}” (${utf16.length - 1} characters)`,
        });
        continue;
      }
      selections.push({
        guid: need(selection, 'guid', at).toUpperCase(),
        sourceGuid: guid,
        start: utf16[start]!,
        end: utf16[end]!,
        codeGuids: children(selection, 'Coding').flatMap((coding) => children(coding, 'CodeRef').map((ref) => (ref.attribs.targetGUID ?? '').toUpperCase())),
        note: [childText(selection, 'Description'), ...noteRefs(selection)].filter(Boolean).join('\n\n'),
        created: dateTime(selection.attribs.creationDateTime),
        modified: dateTime(selection.attribs.modifiedDateTime),
        path: at,
      });
    }
  }

  const links: QdpxLink[] = [];
  const selectionGuids = new Set(selections.map((s) => s.guid));
  let l = 0;
  for (const link of children(child(root, 'Links'), 'Link')) {
    const at = `Links/Link[${l++}]`;
    const from = (link.attribs.originGUID ?? '').toUpperCase();
    const to = (link.attribs.targetGUID ?? '').toUpperCase();
    if (!selectionGuids.has(from) || !selectionGuids.has(to)) {
      skipped.push({ path: at, reason: 'it links things other than two imported passages (codes, sources or left-out selections)' });
      continue;
    }
    const noteLines = noteRefs(link).join('\n\n').split('\n');
    const inverseLine = noteLines.find((line) => line.startsWith(inversePrefix));
    links.push({
      guid: need(link, 'guid', at).toUpperCase(),
      name: link.attribs.name || 'linked',
      symmetric: link.attribs.direction !== 'OneWay',
      color: /^#[0-9a-f]{6}$/i.test(link.attribs.color ?? '') ? link.attribs.color!.toLowerCase() : null,
      from,
      to,
      note: noteLines.filter((line) => line !== inverseLine).join('\n'),
      // An empty inverse reads as none: the relation reads the same both ways.
      inverse: inverseLine?.slice(inversePrefix.length) || null,
      // A link's times are its note's, where it has one.
      created: notesOf(link)[0]?.created ?? null,
      modified: notesOf(link)[0]?.modified ?? null,
    });
  }

  const sets: QdpxSet[] = [];
  for (const set of children(child(root, 'Sets'), 'Set')) {
    const description = childText(set, 'Description');
    const parts = description.split('\n\n');
    const listed = parts.find((part) => part.startsWith(passagesPrefix));
    let members: string[];
    if (listed !== undefined) {
      members = listed
        .slice(passagesPrefix.length)
        .split(/\s+/)
        .filter(Boolean)
        .map((g) => g.toUpperCase())
        .filter((g) => selectionGuids.has(g));
    } else {
      // Another tool's set of sources or codes: the passages in those
      // sources, or coded with those codes.
      const inSources = new Set(children(set, 'MemberSource').map((m) => (m.attribs.targetGUID ?? '').toUpperCase()));
      const withCodes = new Set(children(set, 'MemberCode').map((m) => (m.attribs.targetGUID ?? '').toUpperCase()));
      members = selections.filter((s) => inSources.has(s.sourceGuid) || s.codeGuids.some((c) => withCodes.has(c))).map((s) => s.guid);
    }
    const guid = need(set, 'guid', 'Set').toUpperCase();
    if (!set.attribs.name) renamed.push({ path: `Sets/Set[${guid}]`, reason: `a set without a name is imported as “${untitledSet}”` });
    sets.push({
      guid,
      name: set.attribs.name || untitledSet,
      description: parts.filter((part) => part !== listed).join('\n\n'),
      selectionGuids: members,
    });
  }

  return { name: root.attribs.name ?? '', origin: root.attribs.origin ?? '', sources, codes, selections, links, sets, skipped: [...renamed, ...skipped] };
}

/// The names a code and a set without one are imported under.
export const untitledCode = 'Untitled code';
export const untitledSet = 'Untitled set';

/// How deep elements may nest in project.qde: a project is about ten deep,
/// plus its code hierarchy.
const maxDepth = 256;

/// The deepest nesting of elements in `xml`, counted from its tags alone
/// in one pass (comments and the like may miscount it slightly).
function nestingDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of xml.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (tag[1]) depth--;
    else if (!tag[2]) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

function aliasesOf(lines: string[]): string[] {
  const line = lines.find((l) => l.startsWith(aliasPrefix));
  return line ? line.slice(aliasPrefix.length).split('; ').filter(Boolean) : [];
}

/// The UTF-16 offset of each code point of `text`, and of its end.
function codePointStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    out.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  out.push(text.length);
  return out;
}

/// A source's or note's text: its PlainTextContent, or the zip's file its
/// plainTextPath names (`internal://name.txt` is `sources/name.txt`).
function textOf(element: Element, sourceText: (path: string) => string | null): string | null {
  const content = child(element, 'PlainTextContent');
  if (content) return DomUtils.textContent(content);
  const path = element.attribs.plainTextPath ?? '';
  const internal = /^internal:\/\/(.+)$/.exec(path);
  if (!internal) return null;
  const text = sourceText(`sources/${internal[1]}`);
  return text === null ? null : text.replace(/^\uFEFF/, '');
}

/// An xsd:dateTime as the app's ISO 8601 time; one without a zone is taken
/// as UTC, a value that is not a time is dropped.
function dateTime(value: string | undefined): string | null {
  if (!value) return null;
  const zoned = /(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(zoned)) return null;
  const time = new Date(zoned);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function isElement(node: Node): node is Element {
  return (node as { type?: string }).type === 'tag';
}

function local(element: Element): string {
  return element.name.split(':').pop()!;
}

function child(element: Element | null | undefined, name: string): Element | null {
  return element ? (element.children.find((c): c is Element => isElement(c) && local(c) === name) ?? null) : null;
}

function children(element: Element | null | undefined, name: string): Element[] {
  return element ? element.children.filter((c): c is Element => isElement(c) && local(c) === name) : [];
}

function childText(element: Element, name: string): string {
  const found = child(element, name);
  return found ? DomUtils.textContent(found) : '';
}

function need(element: Element, attribute: string, path: string): string {
  const value = element.attribs[attribute];
  if (!value) throw new ImportError(path, `<${local(element)}> has no ${attribute}`);
  return value;
}
