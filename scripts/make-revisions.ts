// Writes the revised editions the anchoring baselines re-anchor onto: what
// a corrected transcription of two seeds would look like. Deterministic, so
// `npx tsx scripts/make-revisions.ts` always writes the same files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'shared', 'anchoring', 'baselines');

/// Hard-wraps every long line at `width` columns, as a re-typed edition does.
function rewrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width || line.startsWith('#')) return line;
      const words = line.split(' ');
      const lines: string[] = [];
      let current = '';
      for (const word of words) {
        if (current && current.length + word.length + 1 > width) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/// Straight quotes made typographic, as an editor's word processor does.
function curl(text: string): string {
  return text.replace(/(\w)'(\w)/g, '$1’$2').replace(/"([^"\n]*)"/g, '“$1”');
}

function revise(source: string, edits: [string | RegExp, string][]): string {
  let text = source;
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`The edit ${String(from)} changed nothing: the seed is not as expected.`);
    text = next;
  }
  return text;
}

const brief = readFileSync(join(root, 'corpus', 'fo-brief-sino-soviet-relations-and-albania-1962.md'), 'utf8');
writeFileSync(
  join(out, 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md'),
  rewrap(
    curl(
      revise(brief, [
        // Page-break debris of the scan goes.
        ['maintain  \n/their\n\n**SECRET**\n\n\n\n', 'maintain '],
        ['\n\n/11.\n\nSECRET\n\n\n\n', '\n\n'],
        ['\n\n\n\nSECRET\n\n7.', '\n\n7.'],
        // Typos of the original corrected.
        ['Unpredictable through', 'Unpredictable though'],
        ['bracketted', 'bracketed'],
        [/detente/g, 'détente'],
      ]),
    ),
    72,
  ),
);

const report = readFileSync(join(root, 'corpus', 'albanian-report-dprk-stance-1967.md'), 'utf8');
writeFileSync(
  join(out, 'albanian-report-dprk-stance-1967.revised.md'),
  revise(report, [
    // OCR debris cleaned and the words it ate restored.
    ['☐☐☐ st of all', 'First of all'],
    ['□□□ rembassy', 'Our embassy'],
    [/\\Box formation/g, 'Information'],
    [/ \\Box\n/g, '\n'],
    [/\n\nП[ПΠГ]\n/g, '\n'],
    ['[Qn] the occasion', 'On the occasion'],
    ['Inhough on the outside', 'Although on the outside'],
    ['Inheir entire tactical', 'Their entire tactical'],
    ['<u>Inh</u>e stance', 'The stance'],
    [/Kim II Sung/g, 'Kim Il Sung'],
  ]),
);
console.log('Wrote the revised editions to', out);
