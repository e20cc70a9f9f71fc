import { describe, expect, it } from 'vitest';
import { ImportFileError } from './errors';
import { revisionText } from './revision-text';
import { encodeLegacy } from './test-support/encode';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('revisionText', () => {
  it('reads a corrected transcription saved in a legacy encoding, as a new document would be', () => {
    const text = 'Хрущёв резко осудил албанское руководство на XXII съезде партии.';
    const read = revisionText(encodeLegacy(text, 'windows-1251'), 'report.txt', null);
    expect(read.text).toBe(text);
    expect(read.encoding.name).toBe('windows-1251');
  });

  it("trusts the document's own encoding before a guess", () => {
    // Alone, the one byte reads as Cyrillic (Ћ); the document came in as
    // Czech windows-1250, and so does its revision.
    const bytes = encodeLegacy('Ž', 'windows-1250');
    expect(revisionText(bytes, 'memo.txt', 'windows-1250').text).toBe('Ž');
    expect(revisionText(bytes, 'memo.txt', null).text).not.toBe('Ž');
  });

  it("reads UTF-8 as UTF-8 even where the document's encoding was a legacy one", () => {
    const text = 'Velvyslanec Dvořák pozval korejského velvyslance na oběd.';
    const read = revisionText(utf8(text), 'memo.md', 'windows-1250');
    expect(read.text).toBe(text);
    expect(read.encoding.name).toBe('utf-8');
  });

  it('reads UTF-16 with its byte-order mark', () => {
    const text = 'Shqipëria, 1967';
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(revisionText(bytes, 'report.txt', 'windows-1252').text).toBe(text);
  });

  it('asks for the file as UTF-8 when its encoding cannot be told', () => {
    const short = encodeLegacy('Naïve readings of the “thaw” are common – and wrong.', 'windows-1252');
    expect(() => revisionText(short, 'thaw.txt', null)).toThrow(
      'thaw.txt is not in UTF-8, and its encoding cannot be told for sure (perhaps windows-1252 or windows-1250). Save it as UTF-8 and choose it again.',
    );
  });

  it('refuses a file that is not text, naming it', () => {
    const pdf = utf8('%PDF-1.7\n…');
    expect(() => revisionText(pdf, 'scan.txt', 'windows-1250')).toThrow(ImportFileError);
    expect(() => revisionText(pdf, 'scan.txt', 'windows-1250')).toThrow(/scan\.txt is not a text file: it looks like a PDF/);
  });
});
