import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { libraryAsShipped } from './test-support/old-schemas';
import { describe, expect, it } from 'vitest';
import { anchorPassage, anchorStatus, AnchorText } from '../../shared/anchoring/anchor';
import { describePassage } from '../../shared/anchoring/selectors';
import type { Annotation } from '../../shared/annotation/model';
import { makeBlock } from '../../shared/document/model';
import { textBeforeSuperscripts } from '../../shared/document/superscript-markers';
import { textFingerprint } from '../../shared/document/fingerprint';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { standIn } from '../../shared/test-support/links';
import * as rows from './annotation-rows';
import { groupIntoChunks } from './chunk-layout';
import { type DocumentRow, PalimpsestDb } from './db';

const time = '2026-11-22T10:00:00.000Z';
const corpus = loadCorpus();
const article = seed(corpus, seedIds.article);

/// An annotation as the app stored it before: quoting the text with bare digits.
function oldAnnotation(id: string, documentId: string, before: string, exact: string): Annotation {
  const start = before.indexOf(exact);
  if (start < 0) throw new Error(`“${exact}” is not in the old text of ${documentId}.`);
  return { id, documentId, ...describePassage(before, start, start + exact.length), tags: ['claim'], actor: null, note: 'kept', created: time, modified: time };
}

async function store(db: Dexie, annotations: Annotation[]): Promise<void> {
  const byDocument = new Map<string, Annotation[]>();
  for (const a of annotations) byDocument.set(a.documentId, [...(byDocument.get(a.documentId) ?? []), a]);
  for (const [documentId, list] of byDocument) {
    await db.table('chunkLayouts').add({ documentId, buckets: 1, count: list.length });
    await db.table('annotationChunks').bulkAdd(groupIntoChunks(documentId, 1, list));
  }
}

describe('migrating a version-5 library to superscript footnote markers', () => {
  it('rewrites quotes across markers in bundled and imported documents, and they anchor exactly', async () => {
    const name = 'migrate-v5-markers';
    const old = libraryAsShipped(name, 5);
    const before = textBeforeSuperscripts(article.blocks);
    const across = oldAnnotation('across', article.id, before, 'these events.2 Regrettably');
    const plain = oldAnnotation('plain', article.id, before, 'requesting 50 thousand tons of wheat');
    // An imported document with a marker: its row, its old fingerprint.
    const blocks = [
      makeBlock('paragraph', [
        { text: 'The brief', marks: [] },
        { text: '12', marks: ['sup'] },
        { text: ' was filed.', marks: [] },
      ]),
      makeBlock('footnote', [
        { text: '12', marks: ['sup'] },
        { text: ' FO 371/151293.', marks: [] },
      ]),
    ];
    const importedBefore = textBeforeSuperscripts(blocks);
    const row: DocumentRow = {
      id: 'brief-note',
      fileName: 'brief-note.html',
      format: 'html' as DocumentRow['format'],
      blocks,
      pages: [],
      meta: seed(corpus, seedIds.foBrief).meta,
      fingerprint: textFingerprint(importedBefore),
      encoding: null,
      added: time,
    };
    await old.table('documents').add(row);
    const imported = oldAnnotation('imported', 'brief-note', importedBefore, 'brief12 was');
    const elsewhere = standIn('elsewhere', seedIds.czechMemo);
    await store(old, [across, plain, imported, elsewhere]);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    const after = new Map((await rows.all(db)).map((a) => [a.id, a]));
    expect(after.get('across')?.quote.exact).toBe('these events.² Regrettably');
    expect(after.get('across')).toEqual({ ...across, quote: describePassage(article.text.text, across.position.start, across.position.end).quote });
    expect(after.get('plain')).toEqual(plain);
    expect(after.get('imported')?.quote).toEqual({ type: 'TextQuoteSelector', exact: 'brief¹² was', prefix: 'The ', suffix: ' filed.\n\n¹² FO 371/151293.' });
    expect(after.get('elsewhere')).toEqual(elsewhere);
    // The quotes now anchor exactly where they were, at their old offsets.
    const anchor = anchorPassage(new AnchorText(article.text.text), after.get('across')!.quote, across.position);
    expect([anchorStatus(anchor), anchor?.start, anchor?.end]).toEqual(['exact', across.position.start, across.position.end]);
    expect((await db.documents.get('brief-note'))?.fingerprint).toBe(textFingerprint('The brief¹² was filed.\n\n¹² FO 371/151293.'));
    db.close();
    await Dexie.delete(name);
  });
});
