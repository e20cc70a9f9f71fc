import { describe, expect, it } from 'vitest';
import { ImportError } from './format/errors';
import { ImportFileError } from './importers/errors';
import { InvalidInput, messageOf } from './errors';

describe('InvalidInput', () => {
  it('says where in the input the problem is, or only the problem for the whole input', () => {
    expect(new InvalidInput('$.annotations[2].id', 'an annotation needs an id').message).toBe('$.annotations[2].id: an annotation needs an id');
    expect(new InvalidInput('$', 'A set needs a name.').message).toBe('A set needs a name.');
  });

  it('is the family of every refusal of the user’s input, and no bug belongs to it', () => {
    expect(new ImportError('$.format', 'expected "palimpsest.annotations"')).toBeInstanceOf(InvalidInput);
    const file = new ImportFileError('empty', 'scan.pdf', 'scan.pdf is empty.');
    expect(file).toBeInstanceOf(InvalidInput);
    expect([file.path, file.message]).toEqual(['scan.pdf', 'scan.pdf is empty.']);
    expect(new RangeError('Offset 9 is outside the text.')).not.toBeInstanceOf(InvalidInput);
  });
});

describe('messageOf', () => {
  it('gives the sentence of an Error, of an object with a message, or the thrown value as text', () => {
    expect(messageOf(new RangeError('The range 3–1 is not a passage.'))).toBe('The range 3–1 is not a passage.');
    expect(messageOf({ name: 'QuotaExceededError', message: 'The quota has been exceeded.' })).toBe('The quota has been exceeded.');
    expect(messageOf('no disk')).toBe('no disk');
    expect(messageOf(undefined)).toBe('undefined');
  });
});
