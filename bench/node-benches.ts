import { reanchorAnnotations } from '../shared/annotation/reanchor';
import { defaultTagTypes } from '../shared/annotation/model';
import { incomingFromNative } from '../shared/format/incoming';
import { planImport } from '../shared/format/merge';
import { buildNativeFile, parseNativeFile } from '../shared/format/native';
import { buildW3cCollection } from '../shared/format/w3c';
import { randomAnnotations, revise, scaledDocument } from '../shared/test-support/synthetic';
import { type Result, quantile, result, timeRuns } from './measure';
import { hypothesisMatch } from './peer-hypothesis';

/// The benchmarks of shared/ code, in Node: the same functions the app and
/// the command line call.
export async function nodeBenches(options: { runs: number; log: (line: string) => void }): Promise<Result[]> {
  const { runs, log } = options;
  const results: Result[] = [];

  // Re-anchoring 10,000 annotations onto a revised 1 MB document.
  log('building a 1 MB document, 10,000 annotations and a revision of it…');
  const document = scaledDocument(1_000_000);
  const annotations = randomAnnotations(document, 10_000);
  const revision = revise(document.text.text, 2_000);
  const expected = annotations.map((a) => {
    const start = revision.map(a.position.start);
    const end = revision.map(a.position.end - 1);
    const wholly = revision.deleted.some(([s, e]) => s <= a.position.start && a.position.end <= e);
    return { start, end: end === null ? null : end + 1, deleted: wholly, touched: start === null || end === null };
  });

  let anchors: ({ start: number; end: number } | null)[] = [];
  const times = await timeRuns(runs, () => {
    // The app's own path: what a revision import runs, with the old text at
    // hand as it is there.
    const results = reanchorAnnotations(annotations, { previous: document.text.text, text: revision.text }, '2026-11-23T10:00:00.000Z');
    anchors = results.map((r) => r.after && r.after.position);
  });
  let wrong = 0;
  let deletedFound = 0;
  anchors.forEach((anchor, i) => {
    const want = expected[i]!;
    if (!anchor) return;
    if (want.deleted) deletedFound++;
    else if (want.start !== null && want.end !== null && (anchor.end <= want.start || anchor.start >= want.end)) wrong++;
  });

  // The peer on a sample: whole-text approximate matching is too slow to run
  // on all 10,000 (its time is extrapolated from the sample, as stated).
  const sample = annotations.filter((_, i) => i % 100 === 0);
  let peerWrong = 0;
  const peerStart = performance.now();
  sample.forEach((a, k) => {
    const found = hypothesisMatch(revision.text, a.quote, a.position.start);
    const want = expected[k * 100]!;
    if (found && !want.deleted && want.start !== null && want.end !== null && (found.end <= want.start || found.start >= want.end)) peerWrong++;
  });
  const peerPerAnnotation = (performance.now() - peerStart) / sample.length;
  results.push(
    result('re-anchor 10,000 annotations onto a revised 1 MB document', 'ms', times, 500, {
      name: `Hypothesis-style whole-text matching (${sample.length}-annotation sample, × 100)`,
      median: peerPerAnnotation * 10_000,
    }),
  );
  results.push({
    ...result('re-anchor: wrong places in 10,000', 'count', [wrong], 5, {
      name: `Hypothesis-style, ${sample.length}-annotation sample × 100`,
      median: peerWrong * 100,
    }),
    note: `${anchors.filter((a) => !a).length} orphaned, of which ${expected.filter((e) => e.deleted).length} passages were deleted outright`,
  });
  results.push(result('re-anchor: deleted passages not orphaned', 'count', [deletedFound], 0, null));
  log(`re-anchor: median ${quantile(times, 0.5).toFixed(0)} ms, ${wrong} wrong, ${deletedFound} deleted but found`);

  // Export and import of 100,000 annotations.
  log('building 100,000 annotations…');
  const many = randomAnnotations(document, 100_000, 3);
  const documents = new Map([[document.id, document]]);
  const exported = new Date('2026-11-22T12:00:00Z');
  let json = '';
  const stringifyOnly = await timeRuns(runs, () => JSON.stringify(many));
  const nativeTimes = await timeRuns(runs, () => {
    json = JSON.stringify(buildNativeFile({ annotations: many, tagTypes: defaultTagTypes, documents, scope: { kind: 'all' }, exported }));
  });
  results.push(
    result('export 100,000 annotations, native', 'ms', nativeTimes, 1000, {
      name: 'JSON.stringify of the annotations alone',
      median: quantile(stringifyOnly, 0.5),
    }),
  );
  const w3cTimes = await timeRuns(runs, () => JSON.stringify(buildW3cCollection({ annotations: many, tagTypes: defaultTagTypes, documents, exported })));
  results.push(
    result('export 100,000 annotations, W3C', 'ms', w3cTimes, 2000, { name: 'JSON.stringify of the annotations alone', median: quantile(stringifyOnly, 0.5) }),
  );
  const parseOnly = await timeRuns(runs, () => JSON.parse(json));
  const importTimes = await timeRuns(runs, () => {
    const plan = planImport(incomingFromNative(parseNativeFile(json)), documents, { annotations: new Map(), tagTypes: defaultTagTypes });
    if (plan.add.length !== many.length) throw new Error(`The import placed ${plan.add.length} of ${many.length}.`);
  });
  results.push(
    result('parse + validate + anchor an import of 100,000 annotations', 'ms', importTimes, 3000, {
      name: 'JSON.parse alone',
      median: quantile(parseOnly, 0.5),
    }),
  );
  log(
    `export native ${quantile(nativeTimes, 0.5).toFixed(0)} ms, W3C ${quantile(w3cTimes, 0.5).toFixed(0)} ms, import ${quantile(importTimes, 0.5).toFixed(0)} ms`,
  );
  return results;
}
