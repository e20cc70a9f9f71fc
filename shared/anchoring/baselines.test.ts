import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../corpus/document';
import { AnchorText, anchorPassage, anchorStatus } from './anchor';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

// Saved baselines: each seed's chosen passages and the anchors expected for
// them in the seed and in its revised edition (docs/anchoring-baselines.md
// says how to add one). A change to anchoring that moves any of them fails
// here, and the diff of the regenerated JSON shows a reviewer what moved.
const root = join(import.meta.dirname, '..', '..');
const dir = join(import.meta.dirname, 'baselines');

interface Expected {
  status: string;
  start: number | null;
  end: number | null;
  text: string | null;
}
interface Baseline {
  document: string;
  revision: string | null;
  annotations: { id: string; quote: TextQuoteSelector; position: TextPositionSelector; expected: { original: Expected; revised?: Expected } }[];
}

const load = (path: string) => loadDocument(basename(path), readFileSync(join(root, path), 'utf8'));

for (const file of readdirSync(dir).filter((name) => name.endsWith('.baseline.json'))) {
  const baseline = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Baseline;
  describe(`baseline ${file}`, () => {
    const original = new AnchorText(load(baseline.document).text.text);
    const revised = baseline.revision ? new AnchorText(load(baseline.revision).text.text) : null;
    const place = (text: AnchorText, a: Baseline['annotations'][number]): Expected => {
      const anchor = anchorPassage(text, a.quote, a.position);
      return {
        status: anchorStatus(anchor),
        start: anchor?.start ?? null,
        end: anchor?.end ?? null,
        text: anchor ? text.text.slice(anchor.start, anchor.end) : null,
      };
    };

    it('every passage anchors exactly in the document it was made on', () => {
      for (const a of baseline.annotations) {
        expect(place(original, a), a.id).toEqual(a.expected.original);
        expect(a.expected.original.status, a.id).toBe('exact');
      }
    });

    if (revised) {
      it('every passage lands where the baseline says in the revised edition', () => {
        for (const a of baseline.annotations) expect(place(revised, a), a.id).toEqual(a.expected.revised);
      });
    }
  });
}
