import type { Mark, Node } from 'prosemirror-model';
import { type Block, spanText } from '../../shared/document/model';
import { schema } from './schema';
import { estimatedHeight, sectionSize } from './sections';

/// Builds the reader's ProseMirror document from the document model: its
/// blocks in order, grouped in sections of `sectionSize`.
export function buildDoc(blocks: readonly Block[]): Node {
  if (blocks.length === 0) throw new RangeError('A document needs at least one block to be shown in the reader.');
  const sections: Node[] = [];
  for (let at = 0; at < blocks.length; at += sectionSize) {
    const group = blocks.slice(at, at + sectionSize);
    sections.push(schema.node('section', { estimate: estimatedHeight(group) }, group.map(blockNode)));
  }
  return schema.node('doc', null, sections);
}

function blockNode(block: Block): Node {
  const content = block.spans
    .filter((span) => span.text.length > 0)
    // The canonical text's characters, superscript digits included, so the
    // reader's text and the offsets annotations store are one.
    .map((span) =>
      schema.text(
        spanText(span),
        span.marks.map((mark): Mark => (mark === 'link' ? schema.marks.link!.create({ href: span.href ?? '' }) : schema.marks[mark]!.create())),
      ),
    );
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
