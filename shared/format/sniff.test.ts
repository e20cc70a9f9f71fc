import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffAnnotationFile } from './sniff';

describe('sniffAnnotationFile', () => {
  it('takes a zip for a REFI-QDA project whatever its name, and a .qdpx whatever its bytes', () => {
    const zip = zipSync({ 'project.qde': strToU8('<Project/>') });
    expect(sniffAnnotationFile('exported from NVivo.json', zip)).toEqual({ kind: 'qdpx', bytes: zip });
    expect(sniffAnnotationFile('broken.QDPX', strToU8('PK not really a zip')).kind).toBe('qdpx');
  });

  it('reads anything else as UTF-8 text, without its byte-order mark', () => {
    const json = '{"format": "palimpsest-annotations", "note": "Dvořàk"}';
    expect(sniffAnnotationFile('brief.json', new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(json)]))).toEqual({ kind: 'json', text: json });
    expect(sniffAnnotationFile('brief.jsonld', strToU8('[]'))).toEqual({ kind: 'json', text: '[]' });
  });

  it('reads UTF-16 JSON, with or without its byte-order mark, as the text it is', () => {
    const json = '{"format": "palimpsest.annotations", "note": "Dvořák 🙂"}';
    const le = new Uint8Array(Buffer.from(json, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(sniffAnnotationFile('a.json', new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ kind: 'json', text: json });
    expect(sniffAnnotationFile('a.json', new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ kind: 'json', text: json });
    expect(sniffAnnotationFile('a.json', le)).toEqual({ kind: 'json', text: json });
    expect(sniffAnnotationFile('a.json', be)).toEqual({ kind: 'json', text: json });
  });
});
