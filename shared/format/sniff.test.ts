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
});
