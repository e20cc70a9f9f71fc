import { describe, expect, it } from 'vitest';
import { BlockBuilder, BlockLimitError, maxBlocks } from './block-builder';
import { ImportFileError } from './errors';
import { importFile } from './import-file';

const paragraph = () => ({ kind: 'paragraph' as const, level: 0, marker: '', depth: 0, quoted: false });

describe('the number of blocks an import may make', () => {
  it('stops at its limit rather than growing without end', () => {
    const builder = new BlockBuilder(3);
    for (let i = 0; i < 3; i++) {
      builder.text(`Paragraph ${i}`, [], undefined, paragraph);
      builder.end();
    }
    builder.text('One too many', [], undefined, paragraph);
    expect(() => builder.end()).toThrow(BlockLimitError);
    expect(builder.blocks).toHaveLength(3);
  });

  it('refuses an HTML file of a few MB that makes more paragraphs than any document has, naming it', async () => {
    const html = new TextEncoder().encode(`<html><body>${'<p>x'.repeat(maxBlocks + 1)}</body></html>`);
    const error = await importFile('flood.html', html).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe('too-large');
    expect((error as ImportFileError).message).toBe(
      'flood.html was refused: its text makes more than 200,000 paragraphs, the most one document may have. Split it into smaller files and import those.',
    );
  }, 60_000);
});
