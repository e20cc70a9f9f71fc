/// The reading half of a restore, alone, at any size: a backup in the
/// app's layout (jsonPieces, as a full backup is written) of `--annotations`
/// annotations and `--documents` revisions of `--chars` characters, held as
/// bytes in 1 MB pieces, then read back and checked by the native file's
/// schema (1) as the app reads it, line by line (readBackupStream), (2) by
/// the streaming parser it falls back to for another layout, and (3) as it
/// was read before: one string and JSON.parse, which fails past V8's
/// longest string.
///   npx tsx bench/restore-read.ts --annotations 100000 --documents 1000 --chars 50000
import { readBackupStream, readJsonStream } from '../shared/format/backup-read';
import { jsonPieces, streamed } from '../shared/format/json-stream';
import { nativeFileOf } from '../shared/format/native';
import { messageOf } from '../shared/errors';

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
