import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AnchorText, anchorPassage, anchorStatus } from '../shared/anchoring/anchor';
import { anchorAll } from '../shared/anchoring/anchor-all';
import type { TextPositionSelector, TextQuoteSelector } from '../shared/anchoring/selectors';
import { type Annotation, defaultTagTypes } from '../shared/annotation/model';
import { type LibraryDocument, loadDocument } from '../shared/corpus/document';
import { buildCsv } from '../shared/format/csv';
import { buildQdpx } from '../shared/format/qdpx';
import { ImportError } from '../shared/format/errors';
import { annotationOf, buildNativeFile, parseNativeFile } from '../shared/format/native';
import { buildW3cCollection, looksLikeW3c, parseW3c } from '../shared/format/w3c';
import { UsageError, parseArgs } from './args';
import { InputError, readInput } from './files';

const help = `Palimpsest command line: annotation files without the app.

Usage:
  npm run --silent cli -- validate <file>
      Checks a native (palimpsest.annotations) or W3C Web Annotation file.
      Prints each problem with its JSON path; exit 1 if invalid.
  npm run --silent cli -- anchor --document <file.txt|file.md> --annotations <file> [--json]
      Places every annotation of the file in the document, parsed exactly as
      the app parses it (the annotations' own document fields are ignored).
      --json prints [{"id","status","start","end","text"}]; status is
      exact, fuzzy or orphaned.
  npm run --silent cli -- convert <file> --to native|w3c|csv|qdpx --out <file> [--corpus <dir>]
      Converts between formats. --corpus names the folder of the documents
      (default: the bundled corpus/), for titles, citations and anchoring.

Exit codes: 0 success, 1 invalid input, 2 usage error.`;

interface Loaded {
  kind: 'native' | 'w3c';
  entries: { id: string; documentId: string | null; quote: TextQuoteSelector; position: TextPositionSelector | null }[];
}

function loadAnnotations(path: string): Loaded {
  const json = readInput(path);
  if (looksLikeW3c(json)) {
    return { kind: 'w3c', entries: parseW3c(json).map((a) => ({ id: a.id, documentId: a.documentId, quote: a.quote, position: a.position })) };
  }
  const file = parseNativeFile(json);
  return { kind: 'native', entries: file.annotations.map((a) => ({ id: a.id, documentId: a.documentId, quote: a.target.selector[0], position: a.target.selector[1] })) };
}

function loadCorpusDir(dir: string): Map<string, LibraryDocument> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.(md|markdown|txt)$/i.test(n));
  } catch {
    throw new InputError(`${dir} is not a readable folder of documents.`);
  }
  const documents = new Map<string, LibraryDocument>();
  for (const name of names.sort()) {
    const document = loadDocument(name, readInput(join(dir, name)));
    documents.set(document.id, document);
  }
  return documents;
}

function validate(args: string[]): number {
  const { positional } = parseArgs(args, [], []);
  const [path] = positional;
  if (!path || positional.length > 1) throw new UsageError('validate takes one file.');
  try {
    const loaded = loadAnnotations(path);
    console.log(`${basename(path)}: valid ${loaded.kind === 'w3c' ? 'W3C Web Annotation' : 'Palimpsest native'} file, ${loaded.entries.length} annotation${loaded.entries.length === 1 ? '' : 's'}.`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.log(`${basename(path)}: invalid.`);
      console.log(`  ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function anchor(args: string[]): number {
  const { positional, options } = parseArgs(args, ['document', 'annotations'], ['json']);
  if (positional.length) throw new UsageError(`anchor takes no positional arguments (got ${positional.join(' ')}).`);
  const documentPath = options.get('document');
  const annotationsPath = options.get('annotations');
  if (typeof documentPath !== 'string' || typeof annotationsPath !== 'string') throw new UsageError('anchor needs --document <file> and --annotations <file>.');
  const document = loadDocument(basename(documentPath), readInput(documentPath));
  const { entries } = loadAnnotations(annotationsPath);
  const anchors = anchorAll(new AnchorText(document.text.text), entries);
  const results = entries.map((entry, i) => {
    const found = anchors[i]!;
    return { id: entry.id, status: anchorStatus(found), start: found?.start ?? null, end: found?.end ?? null, text: found ? document.text.text.slice(found.start, found.end) : null };
  });
  if (options.has('json')) {
    console.log(JSON.stringify(results));
  } else {
    const clip = (s: string | null) => (s === null ? '—' : (s.length > 50 ? `${s.slice(0, 49)}…` : s).replace(/\s+/g, ' '));
    for (const r of results) console.log(`${r.status.padEnd(8)} ${String(r.start ?? '').padStart(7)} ${String(r.end ?? '').padStart(7)}  ${r.id}  ${clip(r.text)}`);
    const count = (s: string) => results.filter((r) => r.status === s).length;
    console.log(`${results.length} annotations: ${count('exact')} exact, ${count('fuzzy')} fuzzy, ${count('orphaned')} orphaned.`);
  }
  return 0;
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
  const json = readInput(input);
  let annotations: Annotation[];
  let tagTypes = [...defaultTagTypes];
  let library: ReturnType<typeof parseNativeFile>['library'];
  if (looksLikeW3c(json)) {
    const now = new Date().toISOString();
    const byName = new Map(tagTypes.map((t) => [t.name.toLowerCase(), t]));
    annotations = parseW3c(json).map((a, i) => {
      const documentId = a.documentId;
      const document = documentId ? documents.get(documentId) : undefined;
      if (!document) throw new ImportError(`$[${i}].target.source`, `"${a.source}" is not a document of the corpus`);
      const found = anchorPassage(document.text.text, a.quote, a.position ?? undefined);
      if (!found) throw new ImportError(`$[${i}]`, `the passage “${a.quote.exact.slice(0, 60)}” cannot be found in ${document.id}`);
      const tags = a.tagNames.map((name) => {
        let tagType = byName.get(name.toLowerCase());
        if (!tagType) {
          tagType = { id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, color: '#7f8c8d', order: tagTypes.length, namesActor: false };
          tagTypes.push(tagType);
          byName.set(name.toLowerCase(), tagType);
        }
        return tagType.id;
      });
      return {
        id: a.id,
        documentId: document.id,
        quote: { ...a.quote, exact: document.text.text.slice(found.start, found.end) },
        position: { type: 'TextPositionSelector', start: found.start, end: found.end },
        tags,
        actor: a.actor,
        note: a.note,
        created: a.created ?? now,
        modified: a.modified ?? now,
      } satisfies Annotation;
    });
  } else {
    const file = parseNativeFile(json);
    annotations = file.annotations.map(annotationOf);
    tagTypes = file.tagTypes;
    library = file.library;
  }
  const exported = new Date();
  const text =
    to === 'qdpx'
      ? buildQdpx({ annotations, tagTypes, documents, exported, actors: library?.actors, links: library?.links, relationTypes: library?.relationTypes, sets: library?.sets })
      : to === 'csv'
      ? buildCsv(annotations, tagTypes, documents, { actors: library?.actors, links: library?.links })
      : `${JSON.stringify(to === 'w3c' ? buildW3cCollection({ annotations, tagTypes, documents, exported }) : buildNativeFile({ annotations, tagTypes, documents, scope: { kind: 'all' }, exported }), null, 2)}\n`;
  writeFileSync(out, text);
  console.log(`Wrote ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} to ${out} (${to}).`);
  return 0;
}

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
    if (error instanceof InputError || error instanceof ImportError || error instanceof RangeError) {
      console.error(`palimpsest: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  process.exitCode = run(process.argv.slice(2));
}
