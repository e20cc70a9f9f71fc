/// The reading half of a restore, alone, at any size: a backup in the
/// app's layout (jsonPieces, as a full backup is written) of `--annotations`
/// annotations and `--documents` revisions of `--chars` characters, held as
/// bytes in 1 MB pieces, then read back and checked by the native file's
/// schema (1) as the app reads it, line by line (readBackupStream), (2) by
/// the streaming parser it falls back to for another layout, and (3) as it
/// was read before: one string and JSON.parse, which fails past V8's
/// longest string.
///   npx tsx bench/restore-read.ts --annotations 100000 --documents 1000 --chars 50000
///
/// With `--app`, the whole restore as a researcher makes it instead: the
/// backup written once to a file (`--file`, by default in the temporary
/// directory, kept and reused by later runs of the same size), then the
/// built app (`npm run build:web`, served on BENCH_PORT) in Chromium,
/// Backups… → Restore from a file… → the preview → Restore → the notice;
/// the time to the preview (read and checked in the backup worker) and to
/// the notice (written in one transaction), and the progress the dialog
/// showed on the way.
///   npx tsx bench/restore-read.ts --app --annotations 1000000 --documents 5000 --chars 50000
import { readBackupStream, readJsonStream } from '../shared/format/backup-read';
import { jsonPieces, streamed } from '../shared/format/json-stream';
import { nativeFileOf } from '../shared/format/native';
import { messageOf } from '../shared/errors';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const annotations = arg('annotations', 100_000);
const documents = arg('documents', 1000);
const chars = arg('chars', 50_000);
const paragraph = 'The ambassador said nothing of the loans; Khrushchev spoke of Albania at length, and of the Chinese comrades. ';
const text = paragraph.repeat(Math.ceil(chars / paragraph.length)).slice(0, chars);

function* annotationBatches() {
  for (let i = 0; i < annotations; i += 10_000) {
    const batch = [];
    for (let k = i; k < Math.min(annotations, i + 10_000); k++) {
      const documentId = `doc-${String(k % documents).padStart(5, '0')}`;
      batch.push({
        id: `${documentId}-a${k}`,
        documentId,
        citation: null,
        target: {
          source: documentId,
          selector: [
            { type: 'TextQuoteSelector', exact: 'of the Chinese comrades', prefix: 'spoke of Albania at length, and ', suffix: '. The ambassador said' },
            { type: 'TextPositionSelector', start: k % 40_000, end: (k % 40_000) + 23 },
          ],
        },
        tags: [],
        actor: null,
        note: k % 5 === 0 ? 'a note' : '',
        created: '2026-12-01T00:00:00.000Z',
        modified: '2026-12-01T00:00:00.000Z',
      });
    }
    yield batch;
  }
}
function* revisionBatches() {
  for (let i = 0; i < documents; i++) {
    const documentId = `doc-${String(i).padStart(5, '0')}`;
    yield [{ seq: i + 1, documentId, fileName: `${documentId}.txt`, source: text, created: '2026-12-01T00:00:00.000Z', fingerprint: 'f' }];
  }
}

const file = {
  format: 'palimpsest.annotations',
  version: 1,
  exported: '2026-12-03T18:00:00.000Z',
  scope: { kind: 'all' },
  tagTypes: [],
  documents: [],
  annotations: streamed(annotationBatches()),
  library: { relationTypes: [], links: [], actors: [], sets: [], revisions: streamed(revisionBatches()) },
};
if (process.argv.includes('--app')) {
  await restoreInApp();
  process.exit(0);
}

const pieces: Buffer[] = [];
for await (const piece of jsonPieces(file)) pieces.push(Buffer.from(piece, 'utf8'));
const bytes = pieces.reduce((sum, piece) => sum + piece.length, 0);
console.log(`backup of ${annotations} annotations and ${documents} texts: ${(bytes / 2 ** 20).toFixed(0)} MB`);

const heap = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
let started = performance.now();
const streamedRead = await readBackupStream(async function* () {
  yield* pieces;
});
if (!('file' in streamedRead) || streamedRead.file.annotations.length !== annotations) throw new Error('The streamed read lost annotations.');
console.log(`streamed, the app's layout (lines → JSON.parse per element → schema): ${(performance.now() - started).toFixed(0)} ms, heap ${heap()} MB after`);

started = performance.now();
// `--app-layout-only`: the streaming parser is left out (at full size it takes minutes).
const generic = process.argv.includes('--app-layout-only')
  ? streamedRead.file
  : nativeFileOf(
      await readJsonStream(
        (async function* () {
          yield* pieces;
        })(),
      ),
    );
if (generic.annotations.length !== annotations) throw new Error('The streaming parser lost annotations.');
if (generic !== streamedRead.file)
  console.log(`streamed, any layout (@streamparser/json → schema): ${(performance.now() - started).toFixed(0)} ms, heap ${heap()} MB after`);

started = performance.now();
try {
  const whole = Buffer.concat(pieces).toString('utf8');
  const parsed = nativeFileOf(JSON.parse(whole));
  if (parsed.annotations.length !== annotations) throw new Error('lost annotations');
  console.log(`one string (JSON.parse → schema), as before: ${(performance.now() - started).toFixed(0)} ms, heap ${heap()} MB after`);
} catch (error) {
  console.log(`one string (JSON.parse → schema), as before: fails after ${(performance.now() - started).toFixed(0)} ms: ${messageOf(error)}`);
}

// The restore through the app, as the module's comment says.
async function restoreInApp(): Promise<void> {
  const at = process.argv.indexOf('--file');
  const path = at > 0 ? process.argv[at + 1]! : join(tmpdir(), `palimpsest-restore-${annotations}-${documents}-${chars}.json`);
  if (!existsSync(path)) {
    const started = performance.now();
    const out = createWriteStream(`${path}.part`);
    for await (const piece of jsonPieces(file)) if (!out.write(piece)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    renameSync(`${path}.part`, path);
    console.log(`wrote ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(path).size;
  console.log(`backup file of ${annotations} annotations and ${documents} texts: ${(bytes / 2 ** 20).toFixed(0)} MB`);
  const root = join(import.meta.dirname, '..');
  const port = Number(process.env.BENCH_PORT ?? 4179);
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--config',
      'vite.web.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const profile = mkdtempSync(join(tmpdir(), 'palimpsest-restore-'));
  try {
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 200));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.getByTestId('backups').click();
      const dialog = page.getByTestId('backups-dialog');
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByTestId('backup-restore-file').click();
      const started = performance.now();
      await (await chooser).setFiles(path);
      // What the dialog shows, every second until the notice.
      const seen: string[] = [];
      const watch = setInterval(() => {
        void dialog
          .getByTestId('restore-progress')
          .textContent({ timeout: 500 })
          .then(
            (text) => seen.push(`${((performance.now() - started) / 1000).toFixed(0)} s ${text?.trim()}`),
            () => {},
          );
      }, 1000);
      try {
        const outcome = await Promise.race([
          dialog
            .getByTestId('restore-preview')
            .waitFor({ timeout: 1_800_000 })
            .then(() => 'preview'),
          dialog
            .getByRole('alert')
            .waitFor({ timeout: 1_800_000 })
            .then(() => 'alert'),
        ]);
        if (outcome === 'alert') throw new Error(`The restore was refused: ${await dialog.getByRole('alert').textContent()}`);
        const read = performance.now() - started;
        console.log(
          `read and checked in the backup worker, to the preview: ${(read / 1000).toFixed(1)} s — ${await dialog.getByTestId('restore-preview').textContent()}`,
        );
        const writing = performance.now();
        await dialog.getByTestId('restore-confirm').click();
        await page.getByTestId('notice-info').filter({ hasText: 'Restored' }).waitFor({ timeout: 1_800_000 });
        const written = performance.now() - writing;
        console.log(`written in one transaction, to the notice: ${(written / 1000).toFixed(1)} s; the whole restore ${((read + written) / 1000).toFixed(1)} s`);
      } finally {
        clearInterval(watch);
        const shown = seen.filter((line, i) => i === 0 || line.replace(/^\d+ s /, '') !== seen[i - 1]!.replace(/^\d+ s /, ''));
        console.log(`progress shown: ${shown.join(' | ')}`);
      }
    } finally {
      await context.close();
    }
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}
