import type { NativeFile } from '../../../../shared/format/native';
import { ImportError } from '../../../../shared/format/errors';
import { HostError } from '../../../host/host';
import type { ExportFormat } from '../../../data/library';
import { SaveCancelled, watchedPieces } from '../../ui/watched-pieces';
import type { ImportSummary, Planned, QdpxSummary } from '../../../work/import-protocol';
import type { AppServices } from '../../context';
import { messageOf } from '../../../../shared/errors';
import { pathInWords } from '../../../../shared/format/json-path';
import { asSentence } from './as-sentence';

const importFilters = [{ name: 'Annotations (Palimpsest or W3C JSON, REFI-QDA project)', extensions: ['json', 'jsonld', 'qdpx'] }];

export const exportFormats: Record<ExportFormat, { label: string; extension: string; filter: string }> = {
  native: { label: 'Palimpsest JSON (re-importable, lossless)', extension: 'json', filter: 'Palimpsest annotations (JSON)' },
  w3c: { label: 'W3C Web Annotation (JSON-LD, for Hypothesis, Recogito…)', extension: 'jsonld', filter: 'W3C Web Annotation (JSON-LD)' },
  csv: { label: 'CSV (one row per annotation, opens in Excel)', extension: 'csv', filter: 'CSV' },
  qdpx: { label: 'REFI-QDA project (.qdpx, for NVivo, ATLAS.ti, MAXQDA)', extension: 'qdpx', filter: 'REFI-QDA project' },
};

/// A file read and planned (in the annotation-import worker), waiting for
/// the researcher's go-ahead under its plan's id. A REFI-QDA project
/// carries its own preview, documents and all.
export type PendingImport = Planned<ImportSummary & { project?: QdpxSummary['project'] }>;

/// Asks for a file and plans its import in the import worker; nothing is
/// written yet. Resolves to `null` when the user cancels or the file is
/// refused (with a notice).
export async function chooseImport(services: AppServices): Promise<PendingImport | null> {
  let file: { name: string; bytes: ArrayBuffer } | null = null;
  // The worker starts while the researcher picks the file, so its start
  // (code, schema, anchoring tables) is not added to the preview's wait; a
  // failure here shows at the preview, which asks it again.
  services.imports.annotations.ready({}).catch(() => {});
  try {
    // Bytes, not text: a .qdpx is a zip.
    const picked = await services.host.openFiles('Import annotations', importFilters);
    const first = picked?.[0];
    if (first && 'problem' in first) throw new Error(first.problem);
    file = first ?? null;
  } catch (error) {
    services.notify({ kind: 'error', text: `Import failed — nothing was changed. ${messageOf(error)}` });
    return null;
  }
  if (!file) return null;
  try {
    // The worker tells a project from a JSON file by its bytes.
    // The bytes move to the worker, not copied: the page needs them no more.
    return await services.imports.annotations.preview({ fileName: file.name, bytes: file.bytes }, { transfer: [file.bytes] });
  } catch (error) {
    // The place in the file in words ("item 1 › created"), never a JSON path.
    const detail =
      error instanceof ImportError
        ? error.path === '$'
          ? error.problem
          : `${pathInWords(error.path)}: ${error.problem}`
        : `unexpected error: ${messageOf(error)}`;
    services.notify({ kind: 'error', text: `Import of ${file.name} failed — nothing was changed. ${asSentence(detail)}` });
    return null;
  }
}

/// Writes a previewed import in the import worker, telling `onProgress` how
/// many annotations are stored, and says what it did.
export async function confirmImport(services: AppServices, pending: PendingImport, onProgress: (done: number, total: number) => void): Promise<void> {
  if (pending.project) return confirmQdpx(services, pending, onProgress);
  try {
    const done = await services.imports.annotations.apply({ planId: pending.planId }, { onProgress });
    const total = done.add + done.update + done.unchanged + done.kept;
    services.notify({
      kind: 'info',
      text:
        `Imported ${pending.fileName}: ${n(total)} annotation${total === 1 ? '' : 's'} — ${n(done.add)} new, ${n(done.update)} updated, ${n(done.unchanged)} already here${keptPart(done.kept)}` +
        (done.addTagTypes.length ? `; ${done.addTagTypes.length} new tag type${done.addTagTypes.length === 1 ? '' : 's'}` : '') +
        done.kinds
          .filter((k) => k.kind !== 'tag types' && k.add + k.update > 0)
          .map((k) => `; ${k.kind}: ${n(k.add)} new, ${n(k.update)} updated`)
          .join('') +
        (done.unplacedCount ? `; ${done.unplacedCount} could not be placed and were left out.` : '.') +
        done.actorNotes.map((note) => ` ${note}`).join(''),
    });
    imported(services);
  } catch (error) {
    services.notify({ kind: 'error', text: `Import of ${pending.fileName} failed — nothing was changed. ${messageOf(error)}` });
  }
}

async function confirmQdpx(services: AppServices, { fileName, planId }: PendingImport, onProgress: (done: number, total: number) => void): Promise<void> {
  try {
    const done = await services.imports.annotations.apply({ planId }, { onProgress });
    if (!('project' in done)) throw new RangeError(`${fileName} was previewed as a REFI-QDA project but imported as another kind of file.`);
    const { counts } = done.project;
    const total = done.add + done.update + done.unchanged + done.kept;
    const also = [
      counts.documents ? `${n(counts.documents)} new document${counts.documents === 1 ? '' : 's'}` : '',
      done.addTagTypes.length ? `${done.addTagTypes.length} new tag type${done.addTagTypes.length === 1 ? '' : 's'}` : '',
      counts.links ? `${n(counts.links)} link${counts.links === 1 ? '' : 's'}` : '',
      counts.actors ? `${n(counts.actors)} actor${counts.actors === 1 ? '' : 's'}` : '',
      counts.sets ? `${n(counts.sets)} set${counts.sets === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    services.notify({
      kind: 'info',
      text:
        `Imported ${fileName}: ${n(total)} annotation${total === 1 ? '' : 's'} — ${n(done.add)} new, ${n(done.update)} updated, ${n(done.unchanged)} already here${keptPart(done.kept)}` +
        (also.length ? `; ${also.join(', ')}` : '') +
        (done.unplacedCount ? `; ${done.unplacedCount} could not be placed and were left out.` : '.'),
    });
    imported(services);
  } catch (error) {
    services.notify({ kind: 'error', text: `Import of ${fileName} failed — nothing was changed. ${messageOf(error)}` });
  }
}

// The annotations an import left as the library has them though the file's
// differ, for the closing notice.
function keptPart(kept: number): string {
  return kept ? `, ${n(kept)} differing (the library’s copy kept)` : '';
}

// After an import's write in the worker. Its writes pass the page's change
// hooks by: the backup they would have scheduled is scheduled here. And the
// undo history goes, as after a revision or a restore: an undo recorded
// before the import would put back an annotation as it was then, over what
// the import brought.
function imported(services: Pick<AppServices, 'annotations' | 'backups'>): void {
  services.annotations.history.clear();
  services.backups.touch();
}

/// ", and 3 links and 1 set entry that point to them", or nothing: what a
/// REFI-QDA export leaves out with the passages it leaves out.
export function tiesText(ties: { links: number; setEntries: number }, leftOut: number): string {
  const parts = [
    ...(ties.links ? [`${n(ties.links)} link${ties.links === 1 ? '' : 's'}`] : []),
    ...(ties.setEntries ? [`${n(ties.setEntries)} set entr${ties.setEntries === 1 ? 'y' : 'ies'}`] : []),
  ];
  if (parts.length === 0) return '';
  const many = ties.links + ties.setEntries > 1;
  return `, and ${parts.join(' and ')} that point${many ? '' : 's'} to ${leftOut === 1 ? 'it' : 'them'}`;
}

function n(count: number): string {
  return count.toLocaleString('en');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/// What the screen is told of an export under way, and how it stops one.
export interface ExportWatch {
  /// Aborted when the researcher cancels: the file is then not written.
  signal?: AbortSignal;
  /// Told once the place is chosen and the export begins (`read` 0), and
  /// after each piece written: how many of `count` annotations are in it.
  onProgress?: (name: string, read: number, count: number) => void;
}

/// Exports all annotations, or one document's, in a format, through the
/// host: where to save is asked first, then the file is written piece by
/// piece as it is read from the library, until done or `watch.signal`
/// aborts it (the host then keeps no file).
export async function exportAnnotationsFile(
  services: AppServices,
  scope: NativeFile['scope'],
  format: ExportFormat = 'native',
  watch: ExportWatch = {},
): Promise<void> {
  const { extension, filter } = exportFormats[format];
  const name = `${scope.kind === 'all' ? 'palimpsest-annotations' : `palimpsest-${scope.documentId}`}-${today()}.${extension}`;
  try {
    let count = 0;
    let leftOut = 0;
    let ties = { links: 0, setEntries: 0 };
    const saved = await services.host.saveStream('Export annotations', name, [{ name: filter, extensions: [extension] }], async () => {
      const file = await services.library.exportPieces(scope, format);
      count = file.count;
      leftOut = file.leftOut ?? 0;
      ties = file.ties ?? ties;
      watch.onProgress?.(name, 0, count);
      return watchedPieces(file, watch.signal, (read) => watch.onProgress?.(name, read, file.count));
    });
    if (saved)
      services.notify({
        kind: 'info',
        text:
          `Exported ${n(count)} annotation${count === 1 ? '' : 's'} to ${name}.` +
          (leftOut
            ? ` ${n(leftOut)} on a document no longer in the library ${leftOut === 1 ? 'was' : 'were'} left out${tiesText(ties, leftOut)}: a REFI-QDA project carries each document's text. The Palimpsest JSON export keeps ${leftOut + ties.links + ties.setEntries === 1 ? 'it' : 'them'}.`
            : ''),
      });
  } catch (error) {
    if (error instanceof SaveCancelled) {
      services.notify({ kind: 'info', text: `Export cancelled: ${name} was not written.` });
      return;
    }
    const detail = error instanceof HostError ? error.message : messageOf(error);
    services.notify({ kind: 'error', text: `Export failed: ${detail}` });
  }
}
