import { describe, expect, it } from 'vitest';
import { jsonPath, pathInWords } from './json-path';

describe('pathInWords', () => {
  it('names the items of a file by their number, counting from 1', () => {
    expect(pathInWords(jsonPath(['first', 'items', 2, 'target']))).toBe('item 3 › target');
    expect(pathInWords(jsonPath(['annotations', 3, 'target', 'selector', 0, 'exact']))).toBe('annotation 4 › target › selector 1 › exact');
    expect(pathInWords(jsonPath([4, 'body']))).toBe('item 5 › body');
    expect(pathInWords(jsonPath(['body', 'value']))).toBe('body › value');
    expect(pathInWords(jsonPath(['tag types', 1]))).toBe('tag type 2');
  });

  it('never shows "$": the whole of a one-item file is the annotation', () => {
    expect(pathInWords(jsonPath([]))).toBe('the annotation');
    expect(pathInWords('$', 'the file')).toBe('the file');
    expect(pathInWords(jsonPath(['target']))).toBe('target');
  });

  it('leaves a name that is no JSON path as it is', () => {
    expect(pathInWords('CodeBook/Code[0f8f]')).toBe('CodeBook/Code[0f8f]');
  });
});
