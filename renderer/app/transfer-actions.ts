import type { NativeFile } from '../../shared/format/native';
import { ImportError } from '../../shared/format/errors';
import { HostError } from '../host/host';
import { exportNative, importNative } from '../store/transfer';
import type { AppServices } from './context';

const jsonFilter = [{ name: 'Palimpsest annotations (JSON)', extensions: ['json'] }];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/// Asks for a file and imports it, telling the researcher what happened.
export async function importAnnotationsFile(services: AppServices): Promise<void> {
  let file;
  try {
    file = await services.host.openTextFile('Import annotations', jsonFilter);
  } catch (error) {
    services.notify({ kind: 'error', text: `Import failed — nothing was changed. ${(error as Error).message}` });
    return;
  }
  if (!file) return;
  try {
    const result = await importNative(services.db, services.documents, file.text);
    const total = result.added + result.updated + result.unchanged;
    services.notify({
      kind: 'info',
      text:
        `Imported ${file.name}: ${total} annotation${total === 1 ? '' : 's'} — ${result.added} new, ${result.updated} updated, ${result.unchanged} already here` +
        (result.tagTypesAdded ? `; ${result.tagTypesAdded} new tag type${result.tagTypesAdded === 1 ? '' : 's'}.` : '.'),
    });
  } catch (error) {
    const detail = error instanceof ImportError ? error.message : `unexpected error: ${(error as Error).message}`;
    services.notify({ kind: 'error', text: `Import of ${file.name} failed — nothing was changed. ${detail}` });
  }
}

/// Exports all annotations, or one document's, through the host.
export async function exportAnnotationsFile(services: AppServices, scope: NativeFile['scope']): Promise<void> {
  try {
    const { json, count } = await exportNative(services.db, services.documents, scope);
    const name = scope.kind === 'all' ? `palimpsest-annotations-${today()}.json` : `palimpsest-${scope.documentId}-${today()}.json`;
    const saved = await services.host.saveTextFile('Export annotations', name, jsonFilter, json);
    if (saved) services.notify({ kind: 'info', text: `Exported ${count} annotation${count === 1 ? '' : 's'} to ${name}.` });
  } catch (error) {
    const detail = error instanceof HostError ? error.message : (error as Error).message;
    services.notify({ kind: 'error', text: `Export failed: ${detail}` });
  }
}
