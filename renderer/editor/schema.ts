import { type DOMOutputSpec, type Mark, type Node, Schema } from 'prosemirror-model';

/// The reader's ProseMirror schema. Every block of the document model is a
/// textblock holding only text, so positions inside a block count exactly
/// the characters of the canonical text (see positions.ts). List markers are
/// attributes drawn by CSS, never text, as a browser draws them.
///
/// The blocks are grouped in sections (see sections.ts), a structure of the
/// reader only: sections hold no text of their own.
export const schema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      content: 'block+',
      // The height a section takes while the browser skips drawing it.
      attrs: { estimate: { default: 10 } },
      toDOM: (node: Node): DOMOutputSpec => ['div', { class: 'section', style: `contain-intrinsic-size: auto ${node.attrs.estimate as number}em` }, 0],
    },
    text: { group: 'inline' },
    paragraph: {
      group: 'block',
      content: 'text*',
      attrs: { quoted: { default: false } },
      toDOM: (node: Node): DOMOutputSpec => ['p', { class: node.attrs.quoted ? 'quoted' : null }, 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 1 } },
      toDOM: (node: Node): DOMOutputSpec => [`h${Math.min(6, Math.max(1, node.attrs.level as number))}`, 0],
    },
    list_item: {
      group: 'block',
      content: 'text*',
      attrs: { marker: { default: '•' }, depth: { default: 0 }, quoted: { default: false } },
      toDOM: (node: Node): DOMOutputSpec => [
        'p',
        { class: `li depth-${Math.min(4, node.attrs.depth as number)}${node.attrs.quoted ? ' quoted' : ''}`, 'data-marker': node.attrs.marker as string },
        0,
      ],
    },
    footnote: {
      group: 'block',
      content: 'text*',
      toDOM: (): DOMOutputSpec => ['p', { class: 'footnote' }, 0],
    },
    rule: {
      group: 'block',
      content: 'text*',
      toDOM: (): DOMOutputSpec => ['p', { class: 'rule' }, 0],
    },
  },
  marks: {
    link: {
      attrs: { href: { default: '' } },
      // Shown, not followed: the app never navigates away from the reader.
      toDOM: (mark: Mark): DOMOutputSpec => ['span', { class: 'link', title: mark.attrs.href as string }, 0],
    },
    strong: { toDOM: (): DOMOutputSpec => ['strong', 0] },
    em: { toDOM: (): DOMOutputSpec => ['em', 0] },
    underline: { toDOM: (): DOMOutputSpec => ['u', 0] },
    sup: { excludes: 'sub', toDOM: (): DOMOutputSpec => ['sup', 0] },
    sub: { excludes: 'sup', toDOM: (): DOMOutputSpec => ['sub', 0] },
    code: { toDOM: (): DOMOutputSpec => ['code', 0] },
  },
});
