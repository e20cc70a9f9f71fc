import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { Block, Mark } from '../document/model';
import { type BlockShape, BlockBuilder } from './block-builder';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

// Elements (script and style are elements of their own type) and text.
const isElement = (node: HtmlNode): node is HtmlElement => 'attribs' in node;
const isText = (node: HtmlNode): node is HtmlNode & { data: string } => node.type === ElementType.Text;

/// An HTML page as blocks, with what was left out.
export interface HtmlBlocks {
  blocks: Block[];
  warnings: string[];
}

/// Parses HTML (htmlparser2: no DOM needed, forgiving of real-world pages).
export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
}

// Elements whose content is never text of the document: code, styling,
// embedded content, form controls, and the head (read for metadata apart).
const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'map',
  'head',
  'title',
  'meta',
  'link',
  'base',
]);

const blockElements = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

// A Map: element names are the file's own, and a <constructor> element
// must not find Object.prototype's.
const markOf = new Map<string, Mark>(
  Object.entries({
    em: 'em',
    i: 'em',
    cite: 'em',
    dfn: 'em',
    var: 'em',
    strong: 'strong',
    b: 'strong',
    u: 'underline',
    ins: 'underline',
    sup: 'sup',
    sub: 'sub',
    code: 'code',
    kbd: 'code',
    samp: 'code',
    tt: 'code',
  } satisfies Record<string, Mark>),
);

interface ListState {
  ordered: boolean;
  next: number;
  style: string;
}

interface Context {
  marks: Mark[];
  href?: string;
  pre: boolean;
  quoteDepth: number;
  lists: ListState[];
  heading: number;
  /// The list item being filled: its marker goes on its first block only.
  item?: { marker: string; used: boolean };
  /// The footnote being filled: its number goes before its first block.
  footnote?: { label: string; used: boolean };
  /// Inside a table cell, blocks run on: a row is one block.
  cell: boolean;
}

/// What the page's footnote apparatus looks like: the ids that references
/// point at, with each reference's number, and the ids of the references
/// (a back-link to one of them is the footnote's "↑", not text).
interface Footnotes {
  targets: Map<string, string>;
  references: Set<string>;
}

/// Converts a parsed HTML page to blocks: headings, paragraphs, list items
/// with markers and depth, quotations, footnotes, and the inline marks the
/// model has. Scripts, styles, embedded frames, forms and comments are left
/// out whole; attributes other than a link's web address are never read, so
/// event handlers and styles cannot reach the text.
export function htmlToBlocks(document: HtmlDocument): HtmlBlocks {
  const builder = new BlockBuilder();
  const footnotes = findFootnotes(document);
  let images = 0;
  const root: Context = { marks: [], pre: false, quoteDepth: 0, lists: [], heading: 0, cell: false };

  const shapeFor = (context: Context) => (): BlockShape => {
    const quoted = context.quoteDepth > 0;
    if (context.footnote) return { kind: 'footnote', level: 0, marker: '', depth: 0, quoted };
    if (context.heading) return { kind: 'heading', level: context.heading, marker: '', depth: 0, quoted };
    if (context.item) {
      const marker = context.item.used ? '' : context.item.marker;
      context.item.used = true;
      return { kind: 'list_item', level: 0, marker, depth: Math.max(0, context.lists.length - 1), quoted };
    }
    return { kind: 'paragraph', level: 0, marker: '', depth: 0, quoted };
  };

  const endBlock = (context: Context): void => {
    if (context.cell) {
      builder.text(' ', context.marks, context.href, shapeFor(context));
      return;
    }
    builder.end();
  };

  const startFootnote = (context: Context): void => {
    const note = context.footnote;
    if (!note || note.used || !builder.isOpen) return;
    note.used = true;
    builder.prepend({ text: ' ', marks: [] });
    builder.prepend({ text: note.label, marks: ['sup'] });
  };

  const walk = (node: HtmlNode, context: Context): void => {
    if (isText(node)) {
      builder.text(node.data, context.marks, context.href, shapeFor(context), context.pre);
      startFootnote(context);
      return;
    }
    if (!isElement(node)) return; // comments, directives, CDATA
    const name = node.name;
    if (dropped.has(name)) return;
    if (name === 'img') {
      images += 1;
      return;
    }
    if (name === 'br') {
      if (context.pre) builder.text('\n', context.marks, context.href, shapeFor(context), true);
      else builder.lineBreak();
      return;
    }
    if (name === 'hr') {
      builder.end();
      builder.text('***', [], undefined, () => ({ kind: 'rule', level: 0, marker: '', depth: 0, quoted: context.quoteDepth > 0 }));
      builder.end();
      return;
    }
    const id = node.attribs.id ?? (name === 'a' ? node.attribs.name : undefined);
    const noteLabel = id !== undefined ? footnotes.targets.get(id) : undefined;

    if (name === 'a') {
      const href = node.attribs.href ?? '';
      const target = href.startsWith('#') ? href.slice(1) : null;
      if (noteLabel !== undefined) {
        // An anchor naming a footnote's start (Word's "Save as HTML").
        builder.reshape((shape) => ({ ...shape, kind: 'footnote', level: 0, marker: '', depth: 0 }), shapeFor(context));
        builder.prepend({ text: ' ', marks: [] });
        builder.prepend({ text: noteLabel, marks: ['sup'] });
      }
      if (target !== null && footnotes.references.has(target)) return; // a footnote's back-link
      if (target !== null && footnotes.targets.has(target)) {
        // A footnote reference: its number, superscript, whatever its markup.
        builder.text(footnotes.targets.get(target)!, [...context.marks.filter((mark) => mark !== 'link'), 'sup'], undefined, shapeFor(context));
        return;
      }
      const link = /^(https?:|mailto:)/i.test(href) ? href : undefined;
      const inner: Context = link ? { ...context, marks: [...context.marks, 'link'], href: link } : context;
      for (const child of node.children) walk(child, inner);
      return;
    }

    const mark = markOf.get(name);
    if (mark) {
      const inner = { ...context, marks: [...context.marks, mark] };
      for (const child of node.children) walk(child, inner);
      return;
    }
    if (name === 'q') {
      builder.text('“', context.marks, context.href, shapeFor(context));
      for (const child of node.children) walk(child, context);
      builder.text('”', context.marks, context.href, shapeFor(context));
      return;
    }
    if (!blockElements.has(name)) {
      for (const child of node.children) walk(child, context);
      return;
    }

    // A block-level element: it ends the block before it and the last one inside it.
    if (context.cell && name !== 'table') {
      walkBlockInCell(node, context);
      return;
    }
    endBlock(context);
    let inner: Context = context;
    if (noteLabel !== undefined) inner = { ...context, footnote: { label: noteLabel, used: false }, item: undefined, lists: [] };
    else if (/^h[1-6]$/.test(name)) inner = { ...context, heading: Number(name[1]) };
    else if (name === 'blockquote') inner = { ...context, quoteDepth: context.quoteDepth + 1 };
    else if (name === 'pre') inner = { ...context, pre: true };
    else if (name === 'ul' || name === 'ol' || name === 'menu') {
      const start = Number.parseInt(node.attribs.start ?? '', 10);
      inner = { ...context, lists: [...context.lists, { ordered: name === 'ol', next: Number.isFinite(start) ? start : 1, style: node.attribs.type ?? '1' }] };
    } else if (name === 'li' && !context.footnote) {
      const list = context.lists[context.lists.length - 1];
      inner = { ...context, item: { marker: markerOf(list, node), used: false } };
    } else if (name === 'tr') {
      for (const cell of node.children.filter((child) => isElement(child) && (child.name === 'td' || child.name === 'th'))) {
        builder.lineBreak('\t');
        for (const child of (cell as HtmlElement).children) walk(child, { ...context, cell: true });
      }
      builder.end();
      return;
    }
    for (const child of node.children) walk(child, inner);
    endBlock(inner);
  };

  // Inside a table cell, a block-level element only separates words.
  const walkBlockInCell = (node: HtmlElement, context: Context): void => {
    builder.text(' ', context.marks, context.href, shapeFor(context));
    for (const child of node.children) walk(child, context);
    builder.text(' ', context.marks, context.href, shapeFor(context));
  };

  for (const child of document.children) walk(child, root);
  builder.end();
  const warnings = images > 0 ? [`${images} image${images === 1 ? ' was' : 's were'} skipped: only text is imported.`] : [];
  return { blocks: builder.blocks, warnings };
}

/// The marker of a list item: "•" in a bulleted list, the number (or
/// letter, or roman numeral, as the list's `type` says) in a numbered one.
function markerOf(list: ListState | undefined, item: HtmlElement): string {
  if (!list || !list.ordered) return '•';
  const value = Number.parseInt(item.attribs.value ?? '', 10);
  const n = Number.isFinite(value) ? value : list.next;
  list.next = n + 1;
  switch (list.style) {
    case 'a':
      return `${alphabetic(n)}.`;
    case 'A':
      return `${alphabetic(n).toUpperCase()}.`;
    case 'i':
      return `${roman(n)}.`;
    case 'I':
      return `${roman(n).toUpperCase()}.`;
    default:
      return `${n}.`;
  }
}

function alphabetic(n: number): string {
  let text = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) text = String.fromCharCode(97 + ((k - 1) % 26)) + text;
  return text || String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const numerals: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let text = '';
  let rest = n;
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
}

// A footnote reference's text: a number, letter or sign, perhaps in brackets.
const referenceText = /^[[(]?\s*([0-9]{1,4}|[a-z]|[ivxlc]{1,6}|[*†‡§¶]{1,3})\s*[\])]?$/i;

/// Finds the footnote apparatus: links to a fragment of the page whose text
/// is a number and which sit in a superscript (or say they are note
/// references), and the elements they point at.
function findFootnotes(document: HtmlDocument): Footnotes {
  const targets = new Map<string, string>();
  const references = new Set<string>();
  for (const anchor of DomUtils.findAll((node) => node.name === 'a' && (node.attribs.href ?? '').startsWith('#'), document.children)) {
    const match = referenceText.exec(DomUtils.textContent(anchor).trim());
    if (!match) continue;
    const marked = /footnote|fnref|noteref|endnote|ftn/i.test(
      `${anchor.attribs.class ?? ''} ${anchor.attribs.id ?? ''} ${anchor.attribs.href ?? ''} ${anchor.attribs.role ?? ''} ${anchor.attribs['epub:type'] ?? ''}`,
    );
    const superscript = hasAncestor(anchor, 'sup') || DomUtils.findOne((node) => node.name === 'sup', anchor.children) !== null;
    if (!marked && !superscript) continue;
    const target = anchor.attribs.href!.slice(1);
    // A link back to a reference met earlier is the note's way back ("[1]"
    // before a Word footnote's text), not a reference.
    if (!target || targets.has(target) || references.has(target)) continue;
    targets.set(target, match[1]!);
    for (const own of [anchor.attribs.id, anchor.attribs.name, superscriptId(anchor)]) if (own) references.add(own);
  }
  return { targets, references };
}

/// The id of the superscript around a reference (Wikipedia puts it there).
function superscriptId(anchor: HtmlElement): string | undefined {
  const parent = anchor.parent;
  return parent && 'name' in parent && parent.name === 'sup' ? parent.attribs.id : undefined;
}

function hasAncestor(node: HtmlElement, name: string): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ('name' in parent && parent.name === name) return true;
  }
  return false;
}
