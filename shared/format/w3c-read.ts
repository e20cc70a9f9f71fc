import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import type { Author } from '../annotation/model';
import { ImportError } from './errors';
import type { SetAside } from './incoming';
import { jsonPath } from './json-path';
import { readTime } from './times';
import { annotationPrefix, authorPrefix, documentPrefix } from './w3c-terms';

/// Reads W3C Web Annotations (https://www.w3.org/TR/annotation-model/) as
/// the model allows them and as Hypothesis, RecogitoJS and Recogito's
/// text-annotator write them. A file is refused, with the JSON path, only
/// for what no W3C file may hold (an annotation without an id, a time that
/// is not a time); an annotation that is valid but not on text (an image
/// region, an SVG shape, a link between resources the file does not hold)
/// is set aside with the reason, and the rest are read.

type Path = (string | number)[];

/// An annotation as read from a W3C file, before it is placed in a library.
export interface ForeignAnnotation {
  /// The id the library keeps: the file's, without `urn:uuid:`.
  id: string;
  /// The id exactly as the file gave it, for reports a pipeline joins on.
  fileId: string;
  path: string;
  /// The target's source as the file gives it.
  source: string;
  /// The Palimpsest document id, when the source names one.
  documentId: string | null;
  quote: TextQuoteSelector;
  /// In Unicode code points, as the model counts (see code-points.ts),
  /// unless `positionUnit` says UTF-16 code units (Hypothesis's API rows).
  position: TextPositionSelector | null;
  positionUnit?: 'utf16';
  tagNames: string[];
  actor: string | null;
  note: string;
  created: string | null;
  modified: string | null;
  /// The `creator`, when the file names one by name.
  createdBy: Author | null;
}

/// A linking annotation (motivation `linking`) between two annotations.
export interface ForeignLink {
  id: string;
  fileId: string;
  path: string;
  from: string;
  to: string;
  /// The relation's name (a `classifying` or `tagging` body), if any.
  relation: string | null;
  note: string;
  created: string | null;
  modified: string | null;
  createdBy: Author | null;
}

export interface W3cRead {
  /// The file's top-level object (a collection's extension terms live there).
  top: Record<string, unknown> | null;
  annotations: ForeignAnnotation[];
  links: ForeignLink[];
  setAside: SetAside[];
  /// Times without a zone or a time of day, read as UTC.
  zonelessTimes: number;
}

/// Reads the annotations of a parsed W3C file: a collection (items in
/// `first.items` or `items`), a page, an array, or one annotation.
export function readW3c(value: unknown): W3cRead {
  const { items, path, single } = itemsOf(value);
  const read: W3cRead = {
    top: typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null,
    annotations: [],
    links: [],
    setAside: [],
    zonelessTimes: 0,
  };
  const seen = new Set<string>();
  items.forEach((item, i) => readItem(item, single ? [] : [...path, i], read, seen));
  return read;
}

function readItem(item: unknown, at: Path, read: W3cRead, seen: Set<string>): void {
  const here = (...rest: Path) => jsonPath([...at, ...rest]);
  if (!isObject(item)) throw new ImportError(here(), `expected an annotation (a JSON object), not ${kindOf(item)}`);
  const fileId = item.id ?? item['@id'];
  if (typeof fileId !== 'string' || fileId === '') throw new ImportError(here('id'), 'an annotation needs an id (a non-empty string)');
  const type = item.type ?? item['@type'];
  if (!(type === 'Annotation' || type === 'oa:Annotation' || (Array.isArray(type) && type.some((t) => t === 'Annotation' || t === 'oa:Annotation')))) {
    throw new ImportError(here('type'), `the type must be "Annotation"${type === undefined ? '' : `, not ${JSON.stringify(type)}`}`);
  }
  // Ids are told apart by kind: a link and an annotation may share one (a
  // link's targets are always annotations, so nothing is ambiguous), as
  // the library keeps them apart and a library restored from a backup may
  // hold such a pair.
  const once = (kind: 'annotation' | 'link') => {
    if (seen.has(`${kind} ${fileId}`)) throw new ImportError(here('id'), `duplicate ${kind} id "${fileId}"`);
    seen.add(`${kind} ${fileId}`);
  };
  const id = fileId.startsWith(annotationPrefix) ? fileId.slice(annotationPrefix.length) : fileId;

  const time = (key: 'created' | 'modified') => readTime(item[key], here(key), () => read.zonelessTimes++);
  const created = time('created');
  const modified = time('modified') ?? created;
  const createdBy = creatorOf(item.creator);

  const { tagNames, actor, note, relation } = readBodies(item, at);
  const motivations = strings(item.motivation, here('motivation'), 'motivation');
  const targets = item.target === undefined ? [] : Array.isArray(item.target) ? item.target : [item.target];
  if (targets.length === 0) throw new ImportError(here('target'), 'an annotation needs a target');
  const targetPath = (j: number): Path => (Array.isArray(item.target) ? ['target', j] : ['target']);

  // A link: every target names another annotation, with no selector.
  if (motivations.includes('linking') && targets.length === 2 && targets.every((t) => typeof t === 'string' || (isObject(t) && t.selector === undefined))) {
    const [from, to] = targets.map((t, j) => {
      const ref = typeof t === 'string' ? t : (t.id ?? t.source);
      if (typeof ref !== 'string' || !ref) throw new ImportError(here(...targetPath(j)), 'a target must be an IRI (a string) or an object with an id');
      return ref.startsWith(annotationPrefix) ? ref.slice(annotationPrefix.length) : ref;
    }) as [string, string];
    once('link');
    read.links.push({ id, fileId, path: here(), from, to, relation, note, created, modified, createdBy });
    return;
  }
  once('annotation');

  let textTargets = 0;
  targets.forEach((target, j) => {
    const tpath = [...at, ...targetPath(j)];
    const text = readTarget(target, tpath);
    if ('reason' in text) {
      read.setAside.push({ id: fileId, path: jsonPath(tpath), quote: text.what, reason: text.reason });
      return;
    }
    // Several text targets: one annotation each, the first keeping the id,
    // so none is lost and each can be placed on its own.
    const n = ++textTargets;
    read.annotations.push({
      id: n === 1 ? id : `${id}#target-${n}`,
      fileId: n === 1 ? fileId : `${fileId}#target-${n}`,
      path: n === 1 && targets.length === 1 ? here() : jsonPath(tpath),
      source: text.source,
      documentId: text.source.startsWith(documentPrefix) ? text.source.slice(documentPrefix.length) : null,
      quote: text.quote,
      position: text.position,
      tagNames,
      actor,
      note,
      created,
      modified,
      createdBy,
    });
  });
}

/// The author a `creator` names: an Agent with a name (or nickname), its
/// id (Palimpsest's author IRI unwrapped) or, lacking one, the name as id.
/// Anything else (a bare IRI, a list of several) names no one by name and
/// is not kept.
function creatorOf(creator: unknown): Author | null {
  if (!isObject(creator)) return null;
  const name = typeof creator.name === 'string' ? creator.name : typeof creator.nickname === 'string' ? creator.nickname : null;
  if (!name || name.length > 200) return null;
  const iri = creator.id ?? creator['@id'];
  let id = typeof iri === 'string' && iri !== '' ? iri : name;
  if (id.startsWith(authorPrefix)) {
    try {
      id = decodeURIComponent(id.slice(authorPrefix.length));
    } catch {
      // A malformed escape: the IRI as written is still an id.
    }
  }
  return id.length > 0 && id.length <= 200 ? { id, name } : null;
}

/// A target read: the passage it selects, or what it is and why it is not
/// one (`what` and `reason`, for the list of what is set aside).
export type TextTarget = { source: string; quote: TextQuoteSelector; position: TextPositionSelector | null } | { what: string; reason: string };

/// Reads one target at JSON path `at`: its source and the passage its
/// selectors give (the first quote, and the first position over the whole
/// text as a hint). Throws `ImportError` for a selector no file may hold.
export function readTarget(target: unknown, at: Path): TextTarget {
  if (typeof target === 'string') return { what: target, reason: 'the target is a whole resource (an IRI), not a passage of text' };
  if (!isObject(target)) throw new ImportError(jsonPath(at), `a target must be an IRI (a string) or an object, not ${kindOf(target)}`);
  const rawSource = target.source;
  let source: string;
  if (typeof rawSource === 'string' && rawSource) source = rawSource;
  else if (isObject(rawSource) && typeof (rawSource.id ?? rawSource['@id']) === 'string') source = (rawSource.id ?? rawSource['@id']) as string;
  else if (rawSource === undefined && target.selector === undefined)
    return { what: String(target.id ?? 'a resource'), reason: 'the target is a whole resource, not a passage of text' };
  // RecogitoJS writes no source (the page it runs on): placed by the quote.
  else if (rawSource === undefined) source = '';
  else throw new ImportError(jsonPath([...at, 'source']), 'target.source must be a string or an object with an id');
  if (target.selector === undefined) return { what: source, reason: 'the target has no selector: it is the whole resource, not a passage of text' };
  const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  const kinds: string[] = [];
  selectors.forEach((selector, j) => {
    const spath = [...at, 'selector', ...(Array.isArray(target.selector) ? [j] : [])];
    const text = textOf(selector, spath);
    kinds.push(text.kind);
    // The first quote and the first position over the whole text count
    // (a position within a fragment does not).
    quote ??= text.quote;
    if (!text.relative) position ??= text.position;
  });
  const f = { quote: quote as TextQuoteSelector | null, position: position as TextPositionSelector | null };
  if (!f.quote && !f.position) {
    const image = kinds.some((k) => k === 'SvgSelector') || selectors.some((s) => isObject(s) && typeof s.value === 'string' && /xywh=/.test(s.value));
    return {
      what: `${kinds.join(', ')} on ${source}`,
      reason: image
        ? 'an image region, not a passage of text'
        : `no TextQuoteSelector or TextPositionSelector (only ${kinds.join(', ')}): not a passage Palimpsest can find`,
    };
  }
  if (!f.quote)
    return {
      what: `${source} ${f.position!.start}–${f.position!.end}`,
      reason: 'only a TextPositionSelector and no quote: a passage cannot be found again by its position alone',
    };
  return { source, quote: f.quote, position: f.position };
}

// The text passage a selector (with what refines it) points to.
function textOf(selector: unknown, at: Path): { kind: string; quote: TextQuoteSelector | null; position: TextPositionSelector | null; relative: boolean } {
  if (!isObject(selector)) throw new ImportError(jsonPath(at), `a selector must be an object, not ${kindOf(selector)}`);
  const kind = typeof selector.type === 'string' ? selector.type : 'a selector without a type';
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  if (kind === 'TextQuoteSelector') quote = quoteOf(selector, at);
  else if (kind === 'TextPositionSelector') position = positionOf(selector, at);
  const refined = selector.refinedBy;
  if (refined === undefined) return { kind, quote, position, relative: false };
  const inner = (Array.isArray(refined) ? refined : [refined]).map((r, j) => textOf(r, [...at, 'refinedBy', ...(Array.isArray(refined) ? [j] : [])]));
  const innerQuote = inner.find((r) => r.quote)?.quote ?? null;
  const innerPosition = inner.find((r) => r.position)?.position ?? null;
  if (quote) {
    // The refined range is the passage: a quote or a range within the quote.
    const narrowed = narrow(quote, position, innerQuote, innerPosition);
    return { kind, quote: narrowed.quote, position: narrowed.position, relative: false };
  }
  // A fragment, an element or a node refined by text: the positions count
  // from the fragment's start, not the document's, so only the quote is used.
  return { kind, quote: innerQuote, position: innerPosition, relative: true };
}

function narrow(
  outer: TextQuoteSelector,
  _outerPosition: TextPositionSelector | null,
  quote: TextQuoteSelector | null,
  position: TextPositionSelector | null,
): { quote: TextQuoteSelector; position: null } {
  const chars = [...outer.exact];
  let start = -1;
  let end = -1;
  if (quote) {
    const at = outer.exact.indexOf(quote.prefix + quote.exact);
    const unit = at >= 0 ? at + quote.prefix.length : outer.exact.indexOf(quote.exact);
    if (unit >= 0) [start, end] = [unit, unit + quote.exact.length];
  } else if (position && position.end <= chars.length) {
    start = chars.slice(0, position.start).join('').length;
    end = chars.slice(0, position.end).join('').length;
  }
  if (start < 0) return { quote: outer, position: null };
  const before = outer.prefix + outer.exact.slice(0, start);
  const after = outer.exact.slice(end) + outer.suffix;
  return { quote: { type: 'TextQuoteSelector', exact: outer.exact.slice(start, end), prefix: before.slice(-32), suffix: after.slice(0, 32) }, position: null };
}

function quoteOf(selector: Record<string, unknown>, at: Path): TextQuoteSelector {
  const text = (key: string, required: boolean): string => {
    const value = selector[key];
    if (value === undefined && !required) return '';
    if (typeof value !== 'string')
      throw new ImportError(jsonPath([...at, key]), `a TextQuoteSelector's ${key} must be a string${value === undefined ? '' : `, not ${kindOf(value)}`}`);
    return value;
  };
  const exact = text('exact', true);
  if (!exact) throw new ImportError(jsonPath([...at, 'exact']), 'the quoted text must not be empty');
  return { type: 'TextQuoteSelector', exact, prefix: text('prefix', false), suffix: text('suffix', false) };
}

function positionOf(selector: Record<string, unknown>, at: Path): TextPositionSelector {
  const offset = (key: string): number => {
    const value = selector[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new ImportError(
        jsonPath([...at, key]),
        `a TextPositionSelector's ${key} must be a whole number of characters from 0 up${value === undefined ? '' : `, not ${JSON.stringify(value)}`}`,
      );
    return value;
  };
  const start = offset('start');
  const end = offset('end');
  if (start >= end) throw new ImportError(jsonPath([...at, 'end']), 'start must be less than end');
  return { type: 'TextPositionSelector', start, end };
}

// Tags, actor, note and a link's relation, from `body` and `bodyValue`.
function readBodies(item: Record<string, unknown>, at: Path): { tagNames: string[]; actor: string | null; note: string; relation: string | null } {
  const tagNames: string[] = [];
  const notes: string[] = [];
  let actor: string | null = null;
  let relation: string | null = null;
  if (item.bodyValue !== undefined) {
    if (typeof item.bodyValue !== 'string') throw new ImportError(jsonPath([...at, 'bodyValue']), 'bodyValue must be a string');
    if (item.bodyValue) notes.push(item.bodyValue);
  }
  const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
  bodies.forEach((body, j) => {
    const path = [...at, 'body', ...(Array.isArray(item.body) ? [j] : [])];
    // A body given by its IRI alone (a web page, a vocabulary term): kept
    // in the note, so nothing the file says is dropped.
    if (typeof body === 'string') return void (body && notes.push(body));
    if (!isObject(body)) throw new ImportError(jsonPath(path), `a body must be an IRI (a string) or an object, not ${kindOf(body)}`);
    const purposes = strings(body.purpose, jsonPath([...path, 'purpose']), 'purpose');
    // A Choice (the same note in two languages) keeps every item's text,
    // each marked with its language where it has one.
    if (isChoice(body)) {
      const choices = (Array.isArray(body.items) ? body.items : []).map((choice) => {
        const text = typeof choice === 'string' ? choice : isObject(choice) ? bodyValue(choice) : null;
        return text && isObject(choice) && typeof choice.language === 'string' ? `[${choice.language}] ${text}` : text;
      });
      const kept = choices.filter((text): text is string => !!text);
      if (kept.length) notes.push(kept.join('\n'));
      return;
    }
    const value = bodyValue(body) ?? unreadBody(body);
    if (!value) return;
    if (purposes.includes('classifying') && item.motivation !== undefined && strings(item.motivation, '', 'motivation').includes('linking')) relation ??= value;
    else if (purposes.includes('tagging') || purposes.includes('classifying')) tagNames.push(value);
    else if (purposes.includes('identifying')) {
      if (actor === null) actor = value;
      else notes.push(value);
    } else notes.push(value);
  });
  return { tagNames: [...new Set(tagNames)], actor, note: notes.join('\n\n'), relation };
}

// A body's text: its value (a number as its digits), else the resource it
// names (its id or source); null when it has none.
function bodyValue(body: Record<string, unknown>): string | null {
  if (typeof body.value === 'string') return body.value || null;
  if (typeof body.value === 'number' || typeof body.value === 'boolean') return String(body.value);
  if (typeof body.id === 'string' && body.type !== 'TextualBody' && body.id) return body.id;
  if (typeof body.source === 'string' && body.source) return body.source;
  return null;
}

function isChoice(body: Record<string, unknown>): boolean {
  return body.type === 'Choice' || (Array.isArray(body.type) && body.type.includes('Choice'));
}

// A body that has something, though nothing Palimpsest reads (a value that
// is an object, a resource without an IRI), goes into the note as the file
// wrote it, so no part of an annotation is dropped without a word; an
// empty TextualBody has nothing to keep.
function unreadBody(body: Record<string, unknown>): string | null {
  const { type: _type, purpose: _purpose, format: _format, language: _language, ...rest } = body;
  if (Object.values(rest).every((v) => v === '' || v === null || v === undefined)) return null;
  const json = JSON.stringify(body);
  return `A body Palimpsest cannot read, kept as the file wrote it: ${json.length > 500 ? `${json.slice(0, 499)}…` : json}`;
}

// A term that may be one string or a list of them (motivation, purpose).
function strings(value: unknown, path: string, what: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) throw new ImportError(path, `${what} must be a string or a list of strings`);
  return (list as string[]).map((v) => v.replace(/^oa:/, ''));
}

function itemsOf(value: unknown): { items: unknown[]; path: Path; single?: boolean } {
  if (Array.isArray(value)) return { items: value, path: [] };
  if (!isObject(value)) throw new ImportError('$', 'expected a W3C annotation, an array of them, or an AnnotationCollection');
  const type = value.type;
  if (type === 'AnnotationCollection') {
    const first = value.first;
    if (isObject(first) && Array.isArray(first.items)) return { items: first.items, path: ['first', 'items'] };
    if (Array.isArray(value.items)) return { items: value.items, path: ['items'] };
    throw new ImportError('$.first', 'the AnnotationCollection holds no embedded page of items (a page given only by its IRI cannot be fetched here)');
  }
  if (type === 'AnnotationPage') {
    if (Array.isArray(value.items)) return { items: value.items, path: ['items'] };
    throw new ImportError('$.items', 'the AnnotationPage has no items');
  }
  return { items: [value], path: [], single: true };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'string'
        ? `the string ${JSON.stringify(value.slice(0, 40))}`
        : `a ${typeof value}`;
}

/// Whether a parsed JSON value is a W3C file rather than one of Palimpsest's.
export function isW3c(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (!isObject(value)) return false;
  if (value['@context'] !== undefined) return true;
  const type = value.type;
  return type === 'Annotation' || type === 'AnnotationCollection' || type === 'AnnotationPage' || (Array.isArray(type) && type.includes('Annotation'));
}
