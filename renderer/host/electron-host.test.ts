import { describe, expect, it } from 'vitest';
import type { HostBridge } from '../../shared/ipc/api';
import { createElectronHost, withinCap } from './electron-host';

describe('a streamed save’s piece cut to what one IPC call carries', () => {
  it('joins back to the same text, and never splits an emoji or a rare ideograph between calls', () => {
    const text = `ab🙂c𠀀d${'🙂'.repeat(5)}`;
    for (const cap of [1, 2, 3, 4, 7]) {
      const parts = [...withinCap(text, cap)] as string[];
      expect(parts.join('')).toBe(text);
      expect(parts.every((part) => part.length <= cap || part.length === 2)).toBe(true);
      // Each part encodes alone to the same bytes as in the whole.
      expect(Buffer.concat(parts.map((part) => Buffer.from(part, 'utf8')))).toEqual(Buffer.from(text, 'utf8'));
    }
  });

  it('cuts bytes anywhere, and passes a small piece through whole', () => {
    expect([...withinCap(new Uint8Array([1, 2, 3, 4, 5]), 10, 2)]).toEqual([new Uint8Array([1, 2]), new Uint8Array([3, 4]), new Uint8Array([5])]);
    expect([...withinCap('{"a": 1}')]).toEqual(['{"a": 1}']);
  });
});

describe('a backup read from the desktop app', () => {
  // A bridge whose backup reads hand on `chunks`, recording the calls made.
  function bridgeOf(chunks: Uint8Array[]) {
    const calls: string[] = [];
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    let at = 0;
    const bridge = {
      openBackupRead: () => (calls.push('open'), ok({ handle: 'h', bytes: chunks.reduce((n, c) => n + c.byteLength, 0) })),
      readBackupChunk: () => (calls.push('chunk'), ok(at < chunks.length ? chunks[at++]! : null)),
      closeBackupRead: () => (calls.push('close'), ok(null)),
      onMenuCommand: () => () => {},
      onBeforeQuit: () => () => {},
    };
    return { bridge: bridge as unknown as HostBridge, calls };
  }

  it('comes chunk by chunk to its end, and a read stopped early (a bad file) is closed in main', async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
    const whole = bridgeOf(chunks);
    const read: Uint8Array[] = [];
    for await (const chunk of createElectronHost(whole.bridge).backups.readChunks('b')) read.push(chunk);
    expect(read).toEqual(chunks);
    expect(whole.calls).toEqual(['open', 'chunk', 'chunk', 'chunk']);

    const stopped = bridgeOf(chunks);
    for await (const _ of createElectronHost(stopped.bridge).backups.readChunks('b')) break;
    expect(stopped.calls).toEqual(['open', 'chunk', 'close']);
  });
});

describe('a file chosen in the desktop app, read in chunks', () => {
  it('is read from its start each time (a file not in the app’s layout is read twice), and a cancelled dialog gives null', async () => {
    const calls: string[] = [];
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
    let at = 0;
    let chosen: { name: string; bytes: number; file: string } | null = { name: 'backup.json', bytes: 3, file: 'f' };
    const bridge = {
      openFileRead: () => (calls.push('choose'), ok(chosen)),
      readChosenFile: (request: { file: string }) => (calls.push(`open ${request.file}`), (at = 0), ok({ handle: 'h', bytes: 3 })),
      readBackupChunk: () => (calls.push('chunk'), ok(at < chunks.length ? chunks[at++]! : null)),
      closeBackupRead: () => (calls.push('close'), ok(null)),
      onMenuCommand: () => () => {},
      onBeforeQuit: () => () => {},
    } as unknown as HostBridge;
    const host = createElectronHost(bridge);
    const file = (await host.openFileChunks('Restore from a backup file', []))!;
    expect(file).toMatchObject({ name: 'backup.json', bytes: 3 });
    for (let time = 0; time < 2; time++) {
      const read: Uint8Array[] = [];
      for await (const chunk of file.chunks()) read.push(chunk);
      expect(read).toEqual(chunks);
    }
    expect(calls).toEqual(['choose', 'open f', 'chunk', 'chunk', 'chunk', 'open f', 'chunk', 'chunk', 'chunk']);
    chosen = null;
    expect(await host.openFileChunks('Restore from a backup file', [])).toBeNull();
  });
});

describe('documents picked in the desktop app', () => {
  it('are read one file a call, in order; a file gone since the pick is reported and the others still come', async () => {
    const calls: string[] = [];
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const files: Record<string, Uint8Array> = { a: new Uint8Array([1, 2]), c: new Uint8Array([3]) };
    const bridge = {
      openFiles: () =>
        ok([
          { name: 'a.pdf', bytes: 2, file: 'a' },
          { name: 'scans.pdf', problem: 'scans.pdf is too large to import.' },
          { name: 'b.txt', bytes: 1, file: 'b' },
          { name: 'c.txt', bytes: 1, file: 'c' },
        ]),
      readImportFile: ({ file }: { file: string }) => {
        calls.push(file);
        return Promise.resolve(
          files[file]
            ? { ok: true as const, value: files[file] }
            : { ok: false as const, error: { kind: 'input', name: 'FileProblem', message: 'b.txt cannot be read (ENOENT).' } },
        );
      },
      onMenuCommand: () => () => {},
      onBeforeQuit: () => () => {},
    } as unknown as HostBridge;
    const picked = await createElectronHost(bridge).openFiles('Import documents', []);
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(picked).toEqual([
      { name: 'a.pdf', bytes: new Uint8Array([1, 2]).buffer },
      { name: 'scans.pdf', problem: 'scans.pdf is too large to import.' },
      { name: 'b.txt', problem: 'b.txt cannot be read (ENOENT).' },
      { name: 'c.txt', bytes: new Uint8Array([3]).buffer },
    ]);
  });

  it('lists a chosen folder at once and reads each of its files only when asked, in order', async () => {
    const calls: string[] = [];
    const bridge = {
      openFolder: () =>
        Promise.resolve({
          ok: true as const,
          value: {
            name: 'FO 371',
            files: [
              { name: '1962/a.pdf', bytes: 2, file: 'a' },
              { name: 'b.txt', bytes: 1, file: 'b' },
              { name: 'scan.jpg', problem: 'scan.jpg was skipped: it is an image.' },
            ],
            notes: ['Folders more than 8 deep were not opened: x.'],
          },
        }),
      readImportFile: ({ file }: { file: string }) => {
        calls.push(file);
        return Promise.resolve(
          file === 'a'
            ? { ok: true as const, value: new Uint8Array([1, 2]) }
            : { ok: false as const, error: { kind: 'input', name: 'FileProblem', message: 'b.txt cannot be read (ENOENT).' } },
        );
      },
      onMenuCommand: () => () => {},
      onBeforeQuit: () => () => {},
    } as unknown as HostBridge;
    const folder = await createElectronHost(bridge).openFolder!('Import a folder');
    expect(calls).toEqual([]);
    expect(folder!.name).toBe('FO 371');
    expect(folder!.notes).toEqual(['Folders more than 8 deep were not opened: x.']);
    const [a, b, scan] = folder!.files;
    expect(scan).toEqual({ name: 'scan.jpg', problem: 'scan.jpg was skipped: it is an image.' });
    expect(new Uint8Array('read' in a! ? await a.read() : new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2]));
    expect(calls).toEqual(['a']);
    await expect('read' in b! ? b.read() : Promise.resolve()).rejects.toThrow('b.txt cannot be read (ENOENT).');
  });
});
