import { messageOf } from '../errors';
import { CancelledError } from './cancel';
import { importFormatOf } from './formats';

/// How a walk is watched: `found` is told how many files it has found so
/// far (those to import and those it skips), now and then and at its end;
/// `signal` stops it, with a CancelledError, between two entries.
export interface WalkWatch {
  found?: (files: number) => void;
  signal?: { readonly aborted: boolean };
}

/// One entry of a folder as whoever lists it sees it: a file, with what
/// the lister reads it by (a browser's handle, a path in main), or a
/// folder, whose entries are listed when the walk reaches it.
export type FolderEntry<F> = { kind: 'file'; name: string; file: F } | { kind: 'folder'; name: string; entries(): AsyncIterable<FolderEntry<F>> };

/// A file the walk queued: its path inside the chosen folder ("1962/brief.pdf").
export interface FolderFile<F> {
  path: string;
  file: F;
}

/// What a walk found: the files to import in order, those skipped with the
/// reason (a sentence naming them), and what it did not look at, if
/// anything, in sentences.
export interface FolderWalk<F> {
  files: FolderFile<F>[];
  skipped: { path: string; reason: string }[];
  notes: string[];
}

/// How far a walk goes: entries looked at (files and folders, of any
/// kind) and folders deep.
export interface FolderLimits {
  entries: number;
  depth: number;
}

/// Ten times the 1,000-PDF fonds the benchmark imports, and past what one
/// import reads in a minute; a folder of more is taken a subfolder at a time.
export const folderLimits: FolderLimits = { entries: 10_000, depth: 8 };

// As a file manager sorts: "item 2" before "item 10", case aside.
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

/// Walks `root` (a folder, or the entries of a drop) depth first, each
/// folder's entries by name as a file manager lists them, and queues the
/// files a document import takes (.txt, .md, .html, .docx, .pdf); any other
/// is skipped with the reason. Hidden entries (a name starting with ".",
/// such as .DS_Store or .git) are passed over silently. It stops at
/// `limits.entries` entries looked at and does not enter folders deeper
/// than `limits.depth`, saying so in `notes` with the folder's name, so a
/// walk over a whole disk ends in bounded time and memory. A folder that
/// cannot be listed is a note too; the rest is still walked.
export async function walkFolder<F>(
  root: FolderEntry<F> | readonly FolderEntry<F>[],
  limits: FolderLimits = folderLimits,
  watch: WalkWatch = {},
): Promise<FolderWalk<F>> {
  if (limits.entries < 1 || limits.depth < 0)
    throw new RangeError(`A folder walk needs at least one entry and a depth of 0 or more; it was given ${limits.entries} and ${limits.depth}.`);
  const walk: FolderWalk<F> = { files: [], skipped: [], notes: [] };
  let seen = 0;
  let stopped = false;
  const tooDeep: string[] = [];
  // Told at most every 100 ms: a fonds of thousands of files redraws its
  // count a few times a second, not once a file.
  let told = 0;
  const tell = (last = false) => {
    const now = Date.now();
    if (!watch.found || (!last && now - told < 100)) return;
    told = now;
    watch.found(walk.files.length + walk.skipped.length);
  };
  const stopIfCancelled = () => {
    if (watch.signal?.aborted) throw new CancelledError('The folder was not imported: it was cancelled while being looked through.');
  };

  const visit = async (entries: FolderEntry<F>[], prefix: string, depth: number): Promise<void> => {
    // Past the bound, the entries already listed are still taken: no
    // folder is listed further (`listed` gives nothing more).
    for (const entry of entries.sort(byName)) {
      stopIfCancelled();
      const path = `${prefix}${entry.name}`;
      if (entry.kind === 'file') {
        try {
          importFormatOf(entry.name);
          walk.files.push({ path, file: entry.file });
        } catch (error) {
          walk.skipped.push({ path, reason: `${path} was skipped: ${messageOf(error).replace(/^.*? cannot be imported: /, '')}` });
        }
        tell();
      } else if (depth >= limits.depth) tooDeep.push(path);
      else await visit(await listed(entry, path), `${path}/`, depth + 1);
    }
  };

  // A folder's visible entries, read to the end or to the bound.
  const listed = async (folder: Extract<FolderEntry<F>, { kind: 'folder' }>, path: string): Promise<FolderEntry<F>[]> => {
    const entries: FolderEntry<F>[] = [];
    try {
      for await (const entry of folder.entries()) {
        stopIfCancelled();
        if (entry.name.startsWith('.')) continue;
        if (seen >= limits.entries) {
          stopped = true;
          break;
        }
        seen++;
        entries.push(entry);
      }
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      walk.notes.push(`The folder ${path || folder.name} could not be read (${messageOf(error)}); what it holds was not imported.`);
    }
    return entries;
  };

  if (Array.isArray(root)) {
    const top = (root as readonly FolderEntry<F>[]).filter((entry) => !entry.name.startsWith('.'));
    seen = Math.min(top.length, limits.entries);
    stopped = top.length > limits.entries;
    await visit(top.slice(0, limits.entries), '', 0);
  } else {
    const folder = root as FolderEntry<F>;
    if (folder.kind === 'file') await visit([folder], '', 0);
    else await visit(await listed(folder, ''), '', 0);
  }
  tell(true);
  if (stopped) {
    walk.notes.push(
      `Only the first ${limits.entries.toLocaleString('en')} files and folders were looked at, the most one import takes; import the rest a subfolder at a time.`,
    );
  }
  if (tooDeep.length > 0) {
    const named = tooDeep.slice(0, 3).join(', ') + (tooDeep.length > 3 ? ` and ${tooDeep.length - 3} more` : '');
    walk.notes.push(`Folders more than ${limits.depth} deep were not opened: ${named}. Import ${tooDeep.length === 1 ? 'it' : 'each'} as a folder of its own.`);
  }
  return walk;
}
