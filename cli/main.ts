import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AnchorText, anchorStatus } from '../shared/anchoring/anchor';
import { anchorAll } from '../shared/anchoring/anchor-all';
import { FuzzyBudget, importFuzzyBudget } from '../shared/anchoring/budget';
import { defaultTagTypes } from '../shared/annotation/model';
import { type LibraryDocument, loadDocument } from '../shared/corpus/document';
import { buildCsv } from '../shared/format/csv';
import { buildQdpx } from '../shared/format/qdpx';
import { ImportError } from '../shared/format/errors';
import { CodePoints } from '../shared/format/code-points';
import { planImport } from '../shared/format/merge';
import { type NativeFile, buildNativeFile, parseNativeFile } from '../shared/format/native';
import { bareHoldings, carriedTexts, chooseCarried } from '../shared/format/carried';
import type { IncomingLibrary } from '../shared/format/incoming';
import { buildW3cCollection } from '../shared/format/w3c';
import { UsageError, parseArgs } from './args';
import { type AnnotationInput, InputError, readAnnotationInput, readDocumentText } from './files';
import { InvalidInput, messageOf } from '../shared/errors';

const help = `Palimpsest command line: annotation files without the app.

Usage:
  npm run --silent cli -- validate <file>
      Checks a native (palimpsest.annotations), W3C Web Annotation or
      REFI-QDA (.qdpx) file, read as the app reads it (its kind from its
      bytes). Prints each problem with its JSON path; exit 1 if invalid.
  npm run --silent cli -- anchor --document <file.txt|file.md> --annotations <file> [--json]
      Places every annotation of the file in the document, decoded and
      parsed exactly as the app imports it (UTF-8, UTF-16, legacy
      encodings; the annotations' own document fields are ignored).
      --json prints [{"id","status","start","end","text"}]; status is
      exact, fuzzy, orphaned, or left-out (set aside by the reader, with
      a "reason", and named on stderr: the exit code is then 1). A file
      validate calls invalid is refused in the same words, exit 1.
  npm run --silent cli -- convert <file> --to native|w3c|csv|qdpx --out <file> [--corpus <dir>]
      Converts between formats. --corpus names the folder of the documents
      (default: the bundled corpus/), for titles, citations and anchoring;
      the researcher's own documents and revisions a whole-library file
      carries are used too, as the app's import uses them. Annotations are
      placed as the app places them; any that cannot be (or W3C items that
      are not text) are named on stderr and left out, with the links and
      set entries naming them (counted), and the exit code is then 1.

Exit codes: 0 success, 1 invalid input (or annotations left out), 2 usage
error, 3 a bug in Palimpsest: the message says "this is a bug", with the
stack trace to report.`;

// Every command reads annotation files through the app's own reader
// (cli/files.ts), so the command line accepts, normalises and refuses
// exactly what the app's import does.

function loadCorpusDir(dir: string): Map<string, LibraryDocument> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.(md|markdown|txt)$/i.test(n));
  } catch {
    throw new InputError(dir, `${dir} is not a readable folder of documents.`);
  }
  const documents = new Map<string, LibraryDocument>();
  for (const name of names.sort()) {
    const document = loadDocument(name, readDocumentText(join(dir, name)));
    documents.set(document.id, document);
  }
  return documents;
}

function validate(args: string[]): number {
  const { positional } = parseArgs(args, [], []);
  const [path] = positional;
  if (!path || positional.length > 1) throw new UsageError('validate takes one file.');
  const read = readValid(path, console.log);
  if (!read) return 1;
  const { batch } = read;
  const library = batch.library;
  const extra = [
    library
      ? `${plural(library.links.length, 'link')}, ${plural(library.actors.length, 'actor')}, ${plural(library.sets.length, 'set')}, ${plural(library.relationTypes.length, 'relation type')}`
      : '',
    batch.zonelessTimes ? `${plural(batch.zonelessTimes, 'date')} without a time zone, read as UTC` : '',
  ].filter(Boolean);
  console.log(
    `${basename(path)}: valid ${formatNames[batch.format]} file, ${plural(batch.annotations.length, 'annotation')}${extra.length ? `; ${extra.join('; ')}` : ''}.`,
  );
  for (const item of batch.setAside) console.log(`  set aside ${item.path}: ${item.reason}`);
  return 0;
}

const formatNames = { native: 'Palimpsest native', w3c: 'W3C Web Annotation', qdpx: 'REFI-QDA project' } as const;

// Reads an annotation file; for one that is invalid (unreadable, or with
// nothing in it that is a passage of text) prints why through `say` and
// gives null, so every command refuses it in the same words.
function readValid(path: string, say: (line: string) => void, documents?: Map<string, LibraryDocument>): AnnotationInput | null {
  let read: AnnotationInput;
  try {
    read = readAnnotationInput(path, documents);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    say(`${basename(path)}: invalid.`);
    say(`  ${error.message}`);
    return null;
  }
  if (read.batch.annotations.length === 0 && read.batch.setAside.length > 0) {
    say(`${basename(path)}: invalid: nothing in it is a passage of text Palimpsest can read.`);
    for (const item of read.batch.setAside) say(`  ${item.path}: ${item.reason}`);
    return null;
  }
  return read;
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? word : words}`;
}

type NativeLibrary = NonNullable<NativeFile['library']>;

// A native library block less the links and set entries that name an
// annotation not among `placed`: the app's import leaves them out with it,
// and a file keeping them would be refused by the app and by validate.
function withoutLeftOut(library: NativeLibrary, placed: ReadonlySet<string>): NativeLibrary {
  return {
    ...library,
    links: library.links.filter((l) => placed.has(l.from) && placed.has(l.to)),
    sets: library.sets.map((s) => ({ ...s, annotationIds: s.annotationIds.filter((id) => placed.has(id)) })),
  };
}

// How many of a file's links and set entries name an annotation not among
// `placed`, and so go with it.
function tiesLeftOut(library: IncomingLibrary | null, placed: ReadonlySet<string>): { links: number; setEntries: number } {
  return {
    links: (library?.links ?? []).filter((l) => !placed.has(l.from) || !placed.has(l.to)).length,
    setEntries: (library?.sets ?? []).reduce((sum, s) => sum + s.annotationIds.filter((id) => !placed.has(id)).length, 0),
  };
}

// One line of `anchor --json`: status is exact, fuzzy, orphaned, or
// left-out (set aside by the reader, with the reason).
interface AnchorResult {
  id: string;
  status: string;
  start: number | null;
  end: number | null;
  text: string | null;
  reason?: string;
}

function anchor(args: string[]): number {
  const { positional, options } = parseArgs(args, ['document', 'annotations'], ['json']);
  if (positional.length) throw new UsageError(`anchor takes no positional arguments (got ${positional.join(' ')}).`);
  const documentPath = options.get('document');
  const annotationsPath = options.get('annotations');
  if (typeof documentPath !== 'string' || typeof annotationsPath !== 'string') throw new UsageError('anchor needs --document <file> and --annotations <file>.');
  const document = loadDocument(basename(documentPath), readDocumentText(documentPath));
  // An invalid file is refused as validate refuses it (on stderr: stdout
  // is the results).
  const read = readValid(annotationsPath, console.error);
  if (!read) return 1;
  const { annotations, setAside } = read.batch;
  const text = document.text.text;
  const points = new CodePoints(text);
  // W3C positions count code points; the text here counts UTF-16 units.
  const entries = annotations.map((a) => ({
    quote: a.quote,
    position:
      a.position && a.positionUnit === 'code points'
        ? { type: 'TextPositionSelector' as const, start: points.toUtf16(a.position.start), end: points.toUtf16(a.position.end) }
        : a.position,
  }));
  // Approximate searches of the whole text (for passages without a
  // position) are bounded as in an import; those left unsearched say why.
  const limits = { budget: new FuzzyBudget(importFuzzyBudget), unsearched: new Set<number>() };
  const anchors = anchorAll(new AnchorText(text), entries, undefined, limits);
  const reason = limits.budget.refusedReason('this run');
  const results: AnchorResult[] = annotations.map((entry, i) => {
    const found = anchors[i]!;
    // The id as the file gave it, so a pipeline can join output to input.
    const result = {
      id: entry.fileId,
      status: anchorStatus(found),
      start: found?.start ?? null,
      end: found?.end ?? null,
      text: found ? text.slice(found.start, found.end) : null,
    };
    return limits.unsearched.has(i) ? { ...result, reason } : result;
  });
  // What the reader set aside is reported too, by its id where it has
  // one, so no annotation of the file goes missing without a word.
  for (const item of setAside) {
    results.push({ id: item.id || item.path, status: 'left-out', start: null, end: null, text: null, reason: item.reason });
    console.error(`palimpsest: left out ${item.id ? `${item.id} (${item.path})` : item.path}: ${item.reason}`);
  }
  if (options.has('json')) {
    console.log(JSON.stringify(results));
  } else {
    const clip = (s: string | null) => (s === null ? '—' : (s.length > 50 ? `${s.slice(0, 49)}…` : s).replace(/\s+/g, ' '));
    for (const r of results)
      console.log(`${r.status.padEnd(8)} ${String(r.start ?? '').padStart(7)} ${String(r.end ?? '').padStart(7)}  ${r.id}  ${clip(r.text)}`);
    const count = (s: string) => results.filter((r) => r.status === s).length;
    console.log(
      `${results.length} annotations: ${count('exact')} exact, ${count('fuzzy')} fuzzy, ${count('orphaned')} orphaned${setAside.length ? `, ${count('left-out')} left out` : ''}.`,
    );
    if (limits.unsearched.size) console.log(`${plural(limits.unsearched.size, 'orphan')} not searched for approximately: ${reason}.`);
  }
  return setAside.length ? 1 : 0;
}

function convert(args: string[]): number {
  const { positional, options } = parseArgs(args, ['to', 'out', 'corpus'], []);
  const [input] = positional;
  const to = options.get('to');
  const out = options.get('out');
  if (!input || positional.length > 1) throw new UsageError('convert takes one input file.');
  if (to !== 'native' && to !== 'w3c' && to !== 'csv' && to !== 'qdpx') throw new UsageError('--to must be native, w3c, csv or qdpx.');
  if (typeof out !== 'string') throw new UsageError('convert needs --out <file>.');
  const corpusDir = options.get('corpus');
  const documents = loadCorpusDir(typeof corpusDir === 'string' ? corpusDir : join(import.meta.dirname, '..', 'corpus'));
  const { batch, newDocuments, json } = readAnnotationInput(input, documents);
  // A project's text sources the corpus lacks are documents of their own.
  for (const d of newDocuments) documents.set(d.id, d);
  // The documents and revisions a whole-library file carries are read as
  // the app's import reads them: the folder's own are kept, and the file's
  // annotations placed on the texts they will be on.
  const texts = carriedTexts(chooseCarried(batch.library, bareHoldings(documents.keys())), documents);
  // Placed as the app places them: by position where the text still holds
  // the quote, else by the quote, in the one document that holds it.
  const plan = planImport(batch, texts, {
    annotations: new Map(),
    tagTypes: [],
    library: { relationTypes: [], actors: new Map(), links: new Map(), sets: new Map(), annotationIds: new Set() },
  });
  for (const item of plan.unplaced) console.error(`palimpsest: left out ${item.path}: ${item.reason}`);
  const annotations = plan.add;
  const tagTypes =
    batch.format === 'native'
      ? batch.tagTypes
      : [
          ...defaultTagTypes.filter((d) => !plan.addTagTypes.some((t) => t.id === d.id)),
          ...plan.addTagTypes.map((t, i) => ({ ...t, order: defaultTagTypes.length + i })),
        ];
  const library = batch.library
    ? { relationTypes: plan.library.relationTypes.add, links: plan.library.links.add, actors: plan.library.actors.add, sets: plan.library.sets.add }
    : undefined;
  // A native file's library block goes through whole (with the documents
  // and edits a backup holds), less what names an annotation left out;
  // any other source's as read.
  const placed = new Set(annotations.map((a) => a.id));
  const native = batch.format === 'native' && json !== null ? parseNativeFile(json).library : undefined;
  const nativeLibrary = native ? withoutLeftOut(native, placed) : library;
  const ties = tiesLeftOut(batch.library, placed);
  if (ties.links + ties.setEntries > 0)
    console.error(
      `palimpsest: left out with the annotations named above: ${[ties.links ? plural(ties.links, 'link') : '', ties.setEntries ? plural(ties.setEntries, 'set entry', 'set entries') : ''].filter(Boolean).join(' and ')} naming them.`,
    );
  const exported = new Date();
  const text =
    to === 'qdpx'
      ? buildQdpx({
          annotations,
          tagTypes,
          documents: texts,
          exported,
          actors: library?.actors,
          links: library?.links,
          relationTypes: library?.relationTypes,
          sets: library?.sets,
        })
      : to === 'csv'
        ? buildCsv(annotations, tagTypes, texts, { actors: library?.actors, links: library?.links })
        : `${JSON.stringify(to === 'w3c' ? buildW3cCollection({ annotations, tagTypes, documents: texts, exported, library }) : buildNativeFile({ annotations, tagTypes, documents: texts, scope: { kind: 'all' }, exported, library: nativeLibrary }), null, 2)}\n`;
  writeFileSync(out, text);
  console.log(`Wrote ${plural(annotations.length, 'annotation')} to ${out} (${to}).`);
  return plan.unplaced.length ? 1 : 0;
}

/// The exit code for a failure that is a bug, not the input's fault.
export const bugExit = 3;

/// Runs the command line; resolves to the exit code.
export function run(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      console.log(help);
      return command ? 0 : 2;
    }
    if (rest.includes('--help')) {
      console.log(help);
      return 0;
    }
    if (command === 'validate') return validate(rest);
    if (command === 'anchor') return anchor(rest);
    if (command === 'convert') return convert(rest);
    throw new UsageError(`Unknown command "${command}". Run with --help for the commands.`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`palimpsest: ${error.message}`);
      return 2;
    }
    if (error instanceof InvalidInput) {
      console.error(`palimpsest: ${error.message}`);
      return 1;
    }
    // Anything else is not the input's fault: say so, with what a report
    // needs, rather than blame the file.
    console.error(`palimpsest: this is a bug in Palimpsest: ${messageOf(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    return bugExit;
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  process.exitCode = run(process.argv.slice(2));
}
