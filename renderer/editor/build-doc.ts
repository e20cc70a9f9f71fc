import type { Mark, Node } from 'prosemirror-model';
import type { Block } from '../../shared/document/model';
import { schema } from './schema';

/// Builds the reader's ProseMirror document from the document model.
export function buildDoc(blocks: readonly Block[]): Node {
  return schema.node('doc', null, blocks.map(blockNode));
}

function blockNode(block: Block): Node {
  const content = block.spans
    .filter((span) => span.text.length > 0)
    .map((span) => schema.text(span.text, span.marks.map((mark): Mark => (mark === 'link' ? schema.marks.link!.create({ href: span.href ?? '' }) : schema.marks[mark]!.create()))));
  switch (block.kind) {
    case 'heading':
      return schema.node('heading', { level: block.level }, content);
    case 'list_item':
      return schema.node('list_item', { marker: block.marker, depth: block.depth, quoted: block.quoted }, content);
    case 'footnote':
      return schema.node('footnote', null, content);
    case 'rule':
      return schema.node('rule', null, content);
    default:
      return schema.node('paragraph', { quoted: block.quoted }, content);
  }
}
