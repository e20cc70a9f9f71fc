import type { Page } from '@playwright/test';
import { defaultTagTypes } from '../../shared/annotation/model';
import { buildNativeFile } from '../../shared/format/native';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { randomAnnotations } from '../../shared/test-support/synthetic';

/// Installs, before the page loads, a stand-in for the preload's bridge
/// (`window.palimpsest`): the page is the real renderer, which takes the
/// Electron host when it finds one. Every call answers as main does when
/// nothing is chosen; `file`, when given, is what the import dialog
/// "opens". A spec's own init script, added after, replaces the calls it
/// watches (`Object.assign(window.palimpsest, …)`).
export async function standInBridge(page: Page, file?: string): Promise<void> {
  await page.addInitScript((file: string | null) => {
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const opened =
      file === null ? null : [{ name: 'notes.json', bytes: new TextEncoder().encode(file).byteLength, file: '00000000-0000-4000-8000-0000000000aa' }];
    (window as unknown as Record<string, unknown>).palimpsest = {
      openFile: () => ok(null),
      openFiles: () => ok(opened),
      readImportFile: () => ok(file === null ? null : new TextEncoder().encode(file)),
      saveFile: () => ok(null),
      listBackups: () => ok([]),
      openBackupStream: () => ok({ handle: 'b' }),
      appendBackupStream: () => ok(null),
      closeBackupStream: () => ok({ id: 'b', created: new Date().toISOString(), annotations: 0, bytes: 0 }),
      openBackupRead: () => ok({ handle: '00000000-0000-4000-8000-0000000000ff', bytes: 0 }),
      readBackupChunk: () => ok(null),
      closeBackupRead: () => ok(null),
      print: () => ok(null),
      documentOpened: () => ok(null),
      openSaveStream: () => ok(null),
      appendSaveStream: () => ok(null),
      closeSaveStream: () => ok(null),
      onMenuCommand: () => () => {},
      onBeforeQuit: () => () => {},
    };
  }, file ?? null);
}

/// A whole-library native file of `count` random annotations on the
/// journal article (seeded by `seedNumber`), as an import would read it.
export function annotationsFile(count: number, seedNumber: number): string {
  const corpus = loadCorpus();
  return JSON.stringify(
    buildNativeFile({
      annotations: randomAnnotations(seed(corpus, seedIds.article), count, seedNumber),
      tagTypes: defaultTagTypes,
      documents: corpus,
      scope: { kind: 'all' },
      exported: new Date('2026-12-03T12:00:00Z'),
    }),
  );
}
