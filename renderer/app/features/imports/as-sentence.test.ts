import { describe, expect, it } from 'vitest';
import { asSentence } from './as-sentence';

describe('asSentence', () => {
  it('keeps a file name at the start as it is spelt', () => {
    expect(asSentence('q-bomb.qdpx was refused: its part “project.qde” inflates to more than 64 MB. Nothing was imported.')).toBe(
      'q-bomb.qdpx was refused: its part “project.qde” inflates to more than 64 MB. Nothing was imported.',
    );
    expect(asSentence('project.qde is not a REFI-QDA project: its root element is not <Project>')).toBe(
      'project.qde is not a REFI-QDA project: its root element is not <Project>.',
    );
    expect(asSentence('exports/brief 1962.json cannot be read')).toBe('exports/brief 1962.json cannot be read.');
  });

  it('makes a message that begins with a word a sentence', () => {
    expect(asSentence('the file is not valid JSON (Unexpected end of JSON input)')).toBe('The file is not valid JSON (Unexpected end of JSON input)');
    expect(asSentence('unexpected error: out of memory')).toBe('Unexpected error: out of memory.');
    expect(asSentence('this is not an annotation file: it begins "Hello…"')).toBe('This is not an annotation file: it begins "Hello…".');
  });
});
