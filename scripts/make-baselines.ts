// Writes the anchoring baselines: for each seed, chosen passages with the
// anchors the current code finds for them in the seed and, where there is
// one, in its revised edition. Review the diff of the JSON before you commit
// it: the baseline is what the anchoring tests then hold the code to.
//
//   npx tsx scripts/make-baselines.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AnchorText, anchorPassage, anchorStatus } from '../shared/anchoring/anchor';
import { describePassage } from '../shared/anchoring/selectors';
import { loadDocument } from '../shared/corpus/document';
import { baselinePassages } from '../shared/anchoring/baselines/passages';

const root = join(import.meta.dirname, '..');

for (const [seedFile, spec] of Object.entries(baselinePassages)) {
  const documentPath = join('corpus', seedFile);
  const document = loadDocument(seedFile, readFileSync(join(root, documentPath), 'utf8'));
  const revisionPath = spec.revision ? join('shared', 'anchoring', 'baselines', spec.revision) : null;
  const revision = revisionPath ? loadDocument(basename(revisionPath), readFileSync(join(root, revisionPath), 'utf8')) : null;
  const annotations = spec.passages.map(([exact, occurrence = 0], i) => {
    let start = -1;
    for (let k = 0; k <= occurrence; k++) start = document.text.text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`${seedFile}: "${exact}" (occurrence ${occurrence}) is not in the text.`);
    const { quote, position } = describePassage(document.text.text, start, start + exact.length);
    const place = (text: string) => {
      const anchor = anchorPassage(new AnchorText(text), quote, position);
      return {
        status: anchorStatus(anchor),
        start: anchor?.start ?? null,
        end: anchor?.end ?? null,
        text: anchor ? text.slice(anchor.start, anchor.end) : null,
      };
    };
    return {
      id: `${document.id}#${i + 1}`,
      quote,
      position,
      expected: { original: place(document.text.text), ...(revision ? { revised: place(revision.text.text) } : {}) },
    };
  });
  const file = join(root, 'shared', 'anchoring', 'baselines', `${document.id}.baseline.json`);
  writeFileSync(file, `${JSON.stringify({ document: documentPath, revision: revisionPath, annotations }, null, 2)}\n`);
  const counts = (key: 'original' | 'revised') =>
    annotations.reduce(
      (acc, a) => {
        const status = (a.expected as Record<string, { status: string }>)[key]?.status;
        if (status) acc[status] = (acc[status] ?? 0) + 1;
        return acc;
      },
      {} as Record<string, number>,
    );
  console.log(
    `${basename(file)}: ${annotations.length} passages; original ${JSON.stringify(counts('original'))}${revision ? `; revised ${JSON.stringify(counts('revised'))}` : ''}`,
  );
}
