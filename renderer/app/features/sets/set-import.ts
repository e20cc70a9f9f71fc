import type { SetImportPreview } from '../../../store/sets';
import type { AppServices } from '../../context';

/// Stores the set the researcher chose to import, as its preview planned,
/// and says so. The undo history goes, as after an annotation import: an
/// undo recorded before it (a deletion of a passage the set brings back)
/// would put that passage back as it was then, over what the set brought.
/// Rejects, with the history kept, when nothing was stored.
export async function importSetAs(services: Pick<AppServices, 'sets' | 'annotations' | 'notify'>, preview: SetImportPreview): Promise<void> {
  await services.sets.applyImport(preview);
  services.annotations.history.clear();
  services.notify({ kind: 'info', text: `Imported the set “${preview.file.set.name}”.` });
}
