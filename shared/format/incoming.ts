import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import type { TagType } from '../annotation/model';
import { type NativeFile } from './native';
import type { ForeignAnnotation } from './w3c';

/// An annotation read from a file of any format, before it is placed in the
/// library: what the import plan works from.
export interface IncomingAnnotation {
  id: string;
  /// Where in the file it came from, for messages (`$.annotations[3]`).
  path: string;
  /// The library document it names, or `null` when the file names another
  /// source (a web page Hypothesis annotated): then every document is tried.
  documentId: string | null;
  source: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  /// Tag type ids; names not yet known are in `tagTypes` of the batch.
  tags: string[];
  actor: string | null;
  note: string;
  created: string;
  modified: string;
}

export interface IncomingBatch {
  format: 'native' | 'w3c' | 'qdpx';
  annotations: IncomingAnnotation[];
  /// Tag types the annotations use, as the file defines them.
  tagTypes: TagType[];
}

/// The batch a validated native file holds.
export function incomingFromNative(file: NativeFile): IncomingBatch {
  return {
    format: 'native',
    tagTypes: file.tagTypes.map((t) => ({ ...t })),
    annotations: file.annotations.map((a, i) => ({
      id: a.id,
      path: `$.annotations[${i}]`,
      documentId: a.documentId,
      source: a.target.source,
      quote: { ...a.target.selector[0] },
      position: { ...a.target.selector[1] },
      tags: [...a.tags],
      actor: a.actor,
      note: a.note,
      created: a.created,
      modified: a.modified,
    })),
  };
}

/// The batch W3C annotations make. Tags are names there: a name the library
/// knows (case aside) takes that tag type, a new name becomes a new type.
export function incomingFromW3c(items: readonly ForeignAnnotation[], known: readonly TagType[], now: Date): IncomingBatch {
  const byName = new Map(known.map((t) => [t.name.toLowerCase(), t]));
  const created: TagType[] = [];
  const tagId = (name: string): string => {
    const key = name.toLowerCase();
    let tagType = byName.get(key);
    if (!tagType) {
      const base = key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'tag';
      let id = base;
      for (let n = 2; known.some((t) => t.id === id) || created.some((t) => t.id === id); n++) id = `${base}-${n}`;
      tagType = { id, name, color: newTagColors[created.length % newTagColors.length]!, order: 0, namesActor: false };
      created.push(tagType);
      byName.set(key, tagType);
    }
    return tagType.id;
  };
  const time = now.toISOString();
  return {
    format: 'w3c',
    annotations: items.map((a, i) => ({
      id: a.id,
      path: items.length === 1 ? '$' : `$[${i}]`,
      documentId: a.documentId,
      source: a.source,
      quote: a.quote,
      position: a.position,
      tags: [...new Set(a.tagNames.map(tagId))],
      actor: a.actor,
      note: a.note,
      created: a.created ?? time,
      modified: a.modified ?? a.created ?? time,
    })),
    tagTypes: [...known.filter((t) => [...byName.values()].includes(t)), ...created],
  };
}

const newTagColors = ['#8e44ad', '#c0392b', '#16a085', '#d4a017', '#2c6e91', '#7f8c8d'];
