import { z } from 'zod';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import type { Annotation, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import { ImportError } from './errors';
import { jsonPath } from './json-path';
import { maxImportCharacters } from './native';

/// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export and
/// import. Palimpsest's tags are bodies with purpose `tagging`, the actor a
/// body with purpose `identifying`, the note a body with purpose
/// `commenting`. Import also reads what Hypothesis and Recogito write.

export const w3cContext = 'http://www.w3.org/ns/anno.jsonld';
const documentPrefix = 'urn:palimpsest:document:';
const annotationPrefix = 'urn:uuid:';

/// An annotation as read from a W3C file, before it is placed in a library.
export interface ForeignAnnotation {
  id: string;
  /// The target's source as the file gives it.
  source: string;
  /// The Palimpsest document id, when the source names one.
  documentId: string | null;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  tagNames: string[];
  actor: string | null;
  note: string;
  created: string | null;
  modified: string | null;
}

/// Builds an AnnotationCollection of `annotations`.
export function buildW3cCollection(options: { annotations: readonly Annotation[]; tagTypes: readonly TagType[]; documents: ReadonlyMap<string, LibraryDocument>; exported: Date }) {
  const names = new Map(options.tagTypes.map((t) => [t.id, t.name]));
  const items = options.annotations.map((a) => {
    const body: Record<string, string>[] = [
      ...a.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: names.get(t) ?? t })),
      ...(a.actor ? [{ type: 'TextualBody', purpose: 'identifying', value: a.actor }] : []),
      ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' }] : []),
    ];
    return {
      id: `${annotationPrefix}${a.id}`,
      type: 'Annotation',
      motivation: body.length ? 'tagging' : 'highlighting',
      created: a.created,
      modified: a.modified,
      ...(body.length ? { body } : {}),
      target: {
        source: `${documentPrefix}${a.documentId}`,
        ...(options.documents.get(a.documentId)?.meta.title ? { dc_title: options.documents.get(a.documentId)!.meta.title } : {}),
        selector: [{ ...a.quote }, { ...a.position }],
      },
    };
  });
  return {
    '@context': w3cContext,
    id: `urn:palimpsest:collection:${options.exported.toISOString()}`,
    type: 'AnnotationCollection',
    label: 'Palimpsest annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.array(schema)]);
const quoteSchema = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1, 'the quoted text must not be empty'), prefix: z.string().optional(), suffix: z.string().optional() });
const positionSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.start < s.end, { message: 'start must be less than end', path: ['end'] });
const anySelector = z.object({ type: z.string() }).passthrough();
const bodySchema = z.union([z.string(), z.object({ type: z.string().optional(), purpose: z.string().optional(), value: z.string().optional() }).passthrough()]);
const targetSchema = z.object({ source: z.string().min(1), selector: oneOrMany(anySelector) }).passthrough();
const annotationSchema = z
  .object({
    id: z.string().min(1),
    type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'), 'type must include "Annotation"')]),
    body: oneOrMany(bodySchema).optional(),
    target: oneOrMany(z.union([targetSchema, z.string()])),
    created: z.string().optional(),
    modified: z.string().optional(),
  })
  .passthrough();

/// Reads W3C annotations: a collection (items in `first.items` or `items`),
/// a page, an array, or one annotation. Throws `ImportError` naming the
/// first problem and its JSON path.
export function parseW3c(json: string): ForeignAnnotation[] {
  if (json.length > maxImportCharacters) throw new ImportError('$', `the file is larger than the ${maxImportCharacters / 1048576} MB an import may be`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ImportError('$', `the file is not valid JSON (${(error as Error).message})`);
  }
  const { items, path, single } = itemsOf(value);
  const seen = new Set<string>();
  return items.map((item, i) => {
    const at = single ? [] : [...path, i];
    const parsed = annotationSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError(jsonPath([...at, ...issue.path]), issue.message);
    }
    const a = parsed.data;
    if (seen.has(a.id)) throw new ImportError(jsonPath([...at, 'id']), `duplicate annotation id "${a.id}"`);
    seen.add(a.id);
    const targets = Array.isArray(a.target) ? a.target : [a.target];
    const targetIndex = targets.findIndex((t) => typeof t !== 'string');
    const target = targets[targetIndex];
    if (!target || typeof target === 'string') throw new ImportError(jsonPath([...at, 'target']), 'the target has no selector: only text annotations with a TextQuoteSelector can be read');
    const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
    const selectorPath = (j: number) => [...at, 'target', ...(Array.isArray(a.target) ? [targetIndex] : []), 'selector', ...(Array.isArray(target.selector) ? [j] : [])];
    let quote: TextQuoteSelector | null = null;
    let position: TextPositionSelector | null = null;
    selectors.forEach((selector, j) => {
      if (selector.type === 'TextQuoteSelector') {
        const q = quoteSchema.safeParse(selector);
        if (!q.success) throw new ImportError(jsonPath([...selectorPath(j), ...q.error.issues[0]!.path]), q.error.issues[0]!.message);
        quote = { type: 'TextQuoteSelector', exact: q.data.exact, prefix: q.data.prefix ?? '', suffix: q.data.suffix ?? '' };
      } else if (selector.type === 'TextPositionSelector') {
        const p = positionSchema.safeParse(selector);
        if (!p.success) throw new ImportError(jsonPath([...selectorPath(j), ...p.error.issues[0]!.path]), p.error.issues[0]!.message);
        position = { type: 'TextPositionSelector', start: p.data.start, end: p.data.end };
      }
    });
    if (!quote) throw new ImportError(jsonPath(selectorPath(0).slice(0, -1)), 'there is no TextQuoteSelector: the passage cannot be found again without its quote');
    const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
    const tagNames: string[] = [];
    const notes: string[] = [];
    let actor: string | null = null;
    for (const body of bodies) {
      if (typeof body === 'string') continue; // a link to an external body
      const text = typeof body.value === 'string' ? body.value : '';
      if (!text) continue;
      if (body.purpose === 'tagging' || body.purpose === 'classifying') tagNames.push(text);
      else if (body.purpose === 'identifying') actor ??= text;
      else notes.push(text);
    }
    const source = target.source;
    return {
      id: a.id.startsWith(annotationPrefix) ? a.id.slice(annotationPrefix.length) : a.id,
      source,
      documentId: source.startsWith(documentPrefix) ? source.slice(documentPrefix.length) : null,
      quote: quote as TextQuoteSelector,
      position,
      tagNames,
      actor,
      note: notes.join('\n\n'),
      created: a.created ?? null,
      modified: a.modified ?? a.created ?? null,
    };
  });
}

function itemsOf(value: unknown): { items: unknown[]; path: (string | number)[]; single?: boolean } {
  if (Array.isArray(value)) return { items: value, path: [] };
  if (typeof value !== 'object' || value === null) throw new ImportError('$', 'expected a W3C annotation, an array of them, or an AnnotationCollection');
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (type === 'AnnotationCollection') {
    const first = record.first as Record<string, unknown> | undefined;
    if (first && Array.isArray(first.items)) return { items: first.items, path: ['first', 'items'] };
    if (Array.isArray(record.items)) return { items: record.items, path: ['items'] };
    throw new ImportError('$.first', 'the AnnotationCollection holds no embedded page of items');
  }
  if (type === 'AnnotationPage') {
    if (Array.isArray(record.items)) return { items: record.items, path: ['items'] };
    throw new ImportError('$.items', 'the AnnotationPage has no items');
  }
  return { items: [value], path: [], single: true };
}

/// Whether a parsed JSON value looks like a W3C file rather than a native one.
export function looksLikeW3c(json: string): boolean {
  const head = json.slice(0, 4096);
  return /"@context"\s*:/.test(head) || /"type"\s*:\s*"(Annotation|AnnotationCollection|AnnotationPage)"/.test(head);
}
