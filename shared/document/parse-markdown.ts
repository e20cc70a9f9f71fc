import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { type Block, type BlockKind, type Mark, type Span, makeBlock, markOrder } from './model';
import { normaliseNewlines, repairSource } from './repair';

// CommonMark with inline HTML, because the sources use <sup> and <u>.
// Indented code is off: in transcriptions an indent is layout, never code,
// and reading it as code would show archive prose in a monospace box.
const md = new MarkdownIt('commonmark', { html: true }).disable(['code']);

/// Inline HTML tags that map to marks. Any other tag is shown as the text it
/// is, because in these sources stray markup is debris worth seeing.
// A Map: tag names are the file's own ("<constructor>" is not a mark).
const htmlMarks = new Map<string, Mark>(
  Object.entries({ sup: 'sup', sub: 'sub', u: 'underline', em: 'em', i: 'em', strong: 'strong', b: 'strong' } satisfies Record<string, Mark>),
);

/// Parses a Markdown source into blocks.
export function parseMarkdown(source: string): Block[] {
  const tokens = md.parse(repairSource(normaliseNewlines(source)), {});
  const blocks: Block[] = [];
  // Context stacks for the containers markdown-it opens around text blocks.
  const lists: { ordered: boolean; next: number }[] = [];
  let quoteDepth = 0;
  let pendingMarker = '';
  let kind: BlockKind = 'paragraph';
  let level = 0;

  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        if (list?.ordered) pendingMarker = `${token.info || list.next}${token.markup || '.'}`;
        else pendingMarker = '•';
        if (list) list.next += 1;
        break;
      }
      case 'blockquote_open':
        quoteDepth += 1;
        break;
      case 'blockquote_close':
        quoteDepth -= 1;
        break;
      case 'heading_open':
        kind = 'heading';
        level = Number(token.tag.slice(1));
        break;
      case 'paragraph_open':
        kind = 'paragraph';
        level = 0;
        break;
      case 'hr':
        blocks.push(makeBlock('rule', [{ text: token.markup, marks: [] }]));
        break;
      case 'html_block':
      case 'fence':
      case 'code_block':
        pushBlock(blocks, 'paragraph', 0, '', lists.length, quoteDepth, [{ text: token.content.replace(/\n+$/, ''), marks: [] }]);
        break;
      case 'inline': {
        const spans = inlineSpans(token.children ?? []);
        const marker = pendingMarker;
        pendingMarker = '';
        const depth = Math.max(0, lists.length - 1);
        const blockKind: BlockKind = kind === 'paragraph' && marker ? 'list_item' : kind === 'paragraph' && startsWithNote(spans) ? 'footnote' : kind;
        pushBlock(blocks, blockKind, level, marker, depth, quoteDepth, spans);
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

function pushBlock(blocks: Block[], kind: BlockKind, level: number, marker: string, depth: number, quoteDepth: number, spans: Span[]): void {
  if (spans.length === 0) return;
  blocks.push(makeBlock(kind, spans, { level, marker, depth, quoted: quoteDepth > 0 }));
}

/// A paragraph that opens with a superscript is a footnote's text.
function startsWithNote(spans: Span[]): boolean {
  const first = spans[0];
  return first !== undefined && first.marks.includes('sup') && /^[\dIl*†‡§]+$/.test(first.text.trim());
}

/// Turns markdown-it's inline tokens into spans, merging neighbours that
/// carry the same marks so the reader gets few, long text nodes.
function inlineSpans(children: Token[]): Span[] {
  const spans: Span[] = [];
  const active: Mark[] = [];
  let href: string | undefined;

  const push = (text: string): void => {
    if (!text) return;
    const marks = [...new Set(active)].sort((a, b) => markOrderIndex(a) - markOrderIndex(b));
    const last = spans[spans.length - 1];
    if (last && sameMarks(last.marks, marks) && last.href === href) {
      last.text += text;
      return;
    }
    spans.push(href && marks.includes('link') ? { text, marks, href } : { text, marks });
  };
  const open = (mark: Mark): void => {
    active.push(mark);
  };
  const close = (mark: Mark): void => {
    const at = active.lastIndexOf(mark);
    if (at >= 0) active.splice(at, 1);
  };

  for (const child of children) {
    switch (child.type) {
      case 'text':
        push(child.content);
        break;
      case 'softbreak':
        // A line wrap in the source, as CommonMark says: a space. Re-wrapping
        // a transcription therefore leaves its text, and every anchor, as is.
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'code_inline':
        open('code');
        push(child.content);
        close('code');
        break;
      case 'em_open':
        open('em');
        break;
      case 'em_close':
        close('em');
        break;
      case 'strong_open':
        open('strong');
        break;
      case 'strong_close':
        close('strong');
        break;
      case 'link_open':
        href = String(child.attrGet('href') ?? '') || undefined;
        open('link');
        break;
      case 'link_close':
        close('link');
        href = undefined;
        break;
      case 'image':
        push(child.content);
        break;
      case 'html_inline': {
        const tag = /^<(\/?)([a-z]+)\s*>$/i.exec(child.content.trim());
        const mark = tag ? htmlMarks.get(tag[2]!.toLowerCase()) : undefined;
        if (tag && mark) {
          if (tag[1]) close(mark);
          else open(mark);
        } else if (/^<br\s*\/?>$/i.test(child.content.trim())) {
          push('\n');
        } else {
          push(child.content);
        }
        break;
      }
      default:
        push(child.content);
        break;
    }
  }
  return spans;
}

function markOrderIndex(mark: Mark): number {
  return markOrder.indexOf(mark);
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark === b[i]);
}
