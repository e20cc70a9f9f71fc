import type { Annotation } from './model';
import { AnchorText, anchorStatus } from '../anchoring/anchor';
import { anchorAll } from '../anchoring/anchor-all';
import { Landmarks } from '../anchoring/landmarks';
import { describePassage } from '../anchoring/selectors';

/// What happened to an annotation when its document's text changed:
/// `unchanged` (same words, in the same place among the lines the revision
/// left alone: only shifted by an edit before it), `moved` (same words, whose
/// place really changed: its paragraph moved past others, or it was found
/// away from where the unchanged lines put it),
/// `fuzzy` (found, but the words differ: a corrected transcription) or
/// `orphaned` (not found: the researcher re-attaches it or lets it go).
export type ReanchorStatus = 'unchanged' | 'moved' | 'fuzzy' | 'orphaned';

export interface Reanchored {
  before: Annotation;
  status: ReanchorStatus;
  /// The annotation with selectors into the new text; `null` for an orphan,
  /// which keeps its old selectors until re-attached.
  after: Annotation | null;
}

/// Re-anchors every annotation of a document onto its new text. `previous`
/// is the text their stored positions count in: with it, a passage deleted
/// from one of several copies is orphaned rather than moved onto another.
export function reanchorAnnotations(annotations: readonly Annotation[], revision: { previous: string; text: string }, modified: string): Reanchored[] {
  const newText = revision.text;
  const anchors = anchorAll(new AnchorText(newText), annotations, revision.previous);
  // Read only when a passage was found at another offset: most revisions
  // shift every passage after their first edit.
  let landmarks: Landmarks | null = null;
  return annotations.map((before, i) => {
    const anchor = anchors[i]!;
    if (!anchor) return { before, status: 'orphaned', after: null };
    const { quote, position } = describePassage(newText, anchor.start, anchor.end);
    const same = position.start === before.position.start && position.end === before.position.end && quote.exact === before.quote.exact;
    const kept =
      same || (quote.exact === before.quote.exact && (landmarks ??= new Landmarks(revision.previous, newText)).inPlace(before.position.start, position.start));
    const status: ReanchorStatus = anchorStatus(anchor) === 'fuzzy' ? 'fuzzy' : kept ? 'unchanged' : 'moved';
    const after = same && quote.prefix === before.quote.prefix && quote.suffix === before.quote.suffix ? before : { ...before, quote, position, modified };
    return { before, status, after };
  });
}
