import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Annotation, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import { textFingerprint } from '../document/fingerprint';

/// REFI-QDA project export (https://www.qdasoftware.org/): a `.qdpx` zip of
/// `project.qde` (namespace urn:QDA-XML:project:1.0) and the plain text of
/// each annotated document, so NVivo, ATLAS.ti and MAXQDA users can open the
/// work. Tag types are codes; each actor is a code under its tag type;
/// every annotation is a PlainTextSelection with the codings of its tags and
/// actor, and its note as the selection's description.

export const qdaNamespace = 'urn:QDA-XML:project:1.0';

/// A stable GUID for a Palimpsest id: the same export twice gives the same
/// project, so a QDA tool can tell what changed.
export function guidOf(kind: string, id: string): string {
  const a = textFingerprint(`${kind}:${id}`);
  const b = textFingerprint(`${id}:${kind}:palimpsest`);
  const hex = (a + b).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
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

/// Builds the `project.qde` XML and the source texts.
export function buildQdpxFiles(options: { annotations: readonly Annotation[]; tagTypes: readonly TagType[]; documents: ReadonlyMap<string, LibraryDocument>; exported: Date }): Record<string, string> {
  const { annotations, tagTypes, documents } = options;
  const time = options.exported.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const user = guidOf('user', 'palimpsest');
  const actorsByTag = new Map<string, Set<string>>();
  for (const a of annotations) {
    if (!a.actor) continue;
    const actorTag = a.tags.find((t) => tagTypes.find((tt) => tt.id === t)?.namesActor) ?? 'actor';
    if (!actorsByTag.has(actorTag)) actorsByTag.set(actorTag, new Set());
    actorsByTag.get(actorTag)!.add(a.actor);
  }
  const codes = [...tagTypes]
    .sort((a, b) => a.order - b.order)
    .map((t) => {
      const actors = [...(actorsByTag.get(t.id) ?? [])].sort();
      const children = actors.map((name) => `        <Code guid="${guidOf('actor', `${t.id}/${name}`)}" name="${xml(name)}" isCodable="true"/>`).join('\n');
      return children
        ? `      <Code guid="${guidOf('tag', t.id)}" name="${xml(t.name)}" isCodable="true" color="${t.color.toUpperCase()}">\n${children}\n      </Code>`
        : `      <Code guid="${guidOf('tag', t.id)}" name="${xml(t.name)}" isCodable="true" color="${t.color.toUpperCase()}"/>`;
    })
    .join('\n');

  const files: Record<string, string> = {};
  const byDocument = new Map<string, Annotation[]>();
  for (const a of annotations) byDocument.set(a.documentId, [...(byDocument.get(a.documentId) ?? []), a]);
  const sources = [...byDocument.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([documentId, list]) => {
      const document = documents.get(documentId);
      if (!document) throw new RangeError(`Annotations refer to the document "${documentId}", which is not in the library.`);
      const guid = guidOf('document', documentId);
      const text = document.text.text;
      files[`sources/${guid}.txt`] = text;
      const selections = [...list]
        .sort((a, b) => a.position.start - b.position.start)
        .map((a) => {
          const codings = [
            ...a.tags.map((t) => guidOf('tag', t)),
            ...(a.actor ? [guidOf('actor', `${a.tags.find((t) => actorsByTag.get(t)?.has(a.actor!)) ?? 'actor'}/${a.actor}`)] : []),
          ]
            .map((code) => `          <Coding guid="${guidOf('coding', `${a.id}/${code}`)}" creatingUser="${user}" creationDateTime="${time}"><CodeRef targetGUID="${code}"/></Coding>`)
            .join('\n');
          const name = a.quote.exact.replace(/\s+/g, ' ').slice(0, 80);
          return [
            `        <PlainTextSelection guid="${guidOf('annotation', a.id)}" name="${xml(name)}" startPosition="${codePointOffset(text, a.position.start)}" endPosition="${codePointOffset(text, a.position.end)}" creatingUser="${user}" creationDateTime="${a.created.replace(/\.\d{3}Z$/, 'Z')}">`,
            a.note ? `          <Description>${xml(a.note)}</Description>` : '',
            codings,
            '        </PlainTextSelection>',
          ]
            .filter(Boolean)
            .join('\n');
        })
        .join('\n');
      const description = document.meta.citation ? `\n        <Description>${xml(document.meta.citation)}</Description>` : '';
      return `      <TextSource guid="${guid}" name="${xml(document.meta.title)}" plainTextPath="internal://${guid}.txt" creatingUser="${user}" creationDateTime="${time}">${description}\n${selections}\n      </TextSource>`;
    })
    .join('\n');

  files['project.qde'] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${qdaNamespace}" name="Palimpsest annotations" origin="Palimpsest" creationDateTime="${time}" creatingUserGUID="${user}">`,
    `  <Users>\n    <User guid="${user}" name="Palimpsest"/>\n  </Users>`,
    `  <CodeBook>\n    <Codes>\n${codes}\n    </Codes>\n  </CodeBook>`,
    `  <Sources>\n${sources}\n  </Sources>`,
    '</Project>',
    '',
  ].join('\n');
  return files;
}

/// The `.qdpx` zip itself.
export function buildQdpx(options: Parameters<typeof buildQdpxFiles>[0]): Uint8Array {
  const files = buildQdpxFiles(options);
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  // A fixed time keeps the zip the same for the same export.
  return zipSync(entries, { level: 6, mtime: options.exported });
}

/// Reads a `.qdpx` back into its files, for checks and tests.
export function readQdpx(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}
