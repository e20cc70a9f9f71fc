import { describe, expect, it } from 'vitest';
import { parseRequest as parse } from '../rpc/server';
import { RequestRefused } from '../rpc/wire';
import { type Api, api, maxSavePieceBytes, maxSavePieceCharacters } from './api';
import { backupFileName } from './backup-names';
import { type Method, methods } from './methods';
import { messageOf } from '../errors';

const parseRequest = <M extends Method>(method: M, request: unknown) => parse<Api, M>(api, method, request);

describe('the IPC API', () => {
  it('has exactly the methods the preload exposes', () => {
    expect(Object.keys(api).sort()).toEqual([...methods].sort());
  });

  it('names the field at fault when it refuses a request', () => {
    let refused: unknown;
    try {
      parseRequest('openBackupStream', { annotations: '1/../../../x', created: '2026-11-22T10:00:00.000Z' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RequestRefused);
    expect((refused as RequestRefused).path).toEqual(['annotations']);
    expect(messageOf(refused)).toBe('Palimpsest refused a malformed openBackupStream request: annotations: expected number, received string.');
  });

  it('accepts the names and times the app itself makes', () => {
    const created = new Date(Date.UTC(2026, 10, 22, 14, 31)).toISOString();
    expect(parseRequest('openBackupStream', { annotations: 42, created })).toEqual({ annotations: 42, created });
    expect(parseRequest('openBackupRead', backupFileName(created, 42))).toBe('palimpsest-backup-2026-11-22T14-31-00-000Z-42.json');
    expect(
      parseRequest('saveFile', { title: 'Export a set', defaultName: 'Albania: 1961–62.palimpsest-set.json', filters: [], content: new Uint8Array([1]) })
        .content,
    ).toEqual(new Uint8Array([1]));
  });

  it('takes a streamed save’s pieces up to their cap, and only by a handle openSaveStream could have given', () => {
    const handle = '6f1c1b8e-3f5a-4c2e-9b7d-0a1b2c3d4e5f';
    expect(parseRequest('appendSaveStream', { handle, piece: new Uint8Array(maxSavePieceBytes) }).piece).toHaveLength(maxSavePieceBytes);
    expect(() => parseRequest('appendSaveStream', { handle, piece: new Uint8Array(maxSavePieceBytes + 1) })).toThrow(
      /appendSaveStream request: piece: must be text of at most 4194304 characters or at most 16777216 bytes/,
    );
    expect(() => parseRequest('appendSaveStream', { handle, piece: 'x'.repeat(maxSavePieceCharacters + 1) })).toThrow(RequestRefused);
    expect(() => parseRequest('closeSaveStream', { handle: '../x.json', keep: true })).toThrow(/handle: must be the handle openSaveStream gave/);
  });

  it('takes an increment with the name of the full backup it builds on, and no path for one', () => {
    const created = new Date(Date.UTC(2026, 10, 22, 15, 2, 10)).toISOString();
    const base = backupFileName(new Date(Date.UTC(2026, 10, 22, 14, 31)).toISOString(), 42);
    expect(parseRequest('openBackupStream', { annotations: 43, created, base })).toEqual({ annotations: 43, created, base });
    const increment = backupFileName(created, 43, base);
    expect(increment).toBe('palimpsest-backup-2026-11-22T15-02-10-000Z-43.on-2026-11-22T14-31-00-000Z-42.json');
    expect(parseRequest('openBackupRead', increment)).toBe(increment);
    for (const bad of ['../palimpsest-backup-2026-11-22T14-31-00-000Z-42.json', 'notes.json', `${base}/x`]) {
      expect(() => parseRequest('openBackupStream', { annotations: 43, created, base: bad }), bad).toThrow(
        /refused a malformed openBackupStream request: base: must be the name of a backup/,
      );
    }
  });

  it('refuses bytes that are not bytes, and names that are paths', () => {
    expect(() => parseRequest('saveFile', { title: 'x', defaultName: 'x.json', filters: [], content: { 0: 1, length: 1 } })).toThrow(RequestRefused);
    for (const defaultName of ['../x.json', 'a/b.json', 'a\\b.json', '..', 'x\u0000.json', 'x'.repeat(300)]) {
      expect(() => parseRequest('print', { defaultName }), defaultName).toThrow(/defaultName/);
    }
  });
});

describe('backupFileName', () => {
  it('refuses anything but a time and a count, so no name can leave the folder', () => {
    expect(() => backupFileName('../../../x', 1)).toThrow(RangeError);
    expect(() => backupFileName('2026-11-22T10:00:00.000Z', '1/../../x' as unknown as number)).toThrow(RangeError);
    expect(() => backupFileName('2026-11-22T10:00:00.000Z', -1)).toThrow(RangeError);
  });
});
