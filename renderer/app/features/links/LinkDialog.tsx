import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../../shared/annotation/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import { foldTerm } from '../../../../shared/search/fold';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { excerpt } from '../../ui/excerpt';
import type { Linking } from './linking';
import { messageOf } from '../../../../shared/errors';
import { Dialog } from '../../ui/Dialog';

// Candidates listed for the other end: enough to choose from, few enough to
// draw at once; a more precise query narrows them.
const maxCandidates = 60;

/// Making a link: the relation ("supports"), the other end, chosen by
/// searching every annotation or by clicking a passage in a document, and a
/// note. The link reads from the first passage to the second; a button
/// swaps them.
export function LinkDialog({
  linking,
  onChoose,
  onPickInText,
  onCancel,
  onDone,
}: {
  linking: Linking;
  onChoose: (to: Annotation | null) => void;
  onPickInText: () => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const services = useServices();
  const documents = useDocuments();
  const dialog = useRef<HTMLDialogElement>(null);
  const relationTypes = useLiveQuery(() => services.relationTypes.list(), [services]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);
  const [relation, setRelation] = useState('supports');
  const [note, setNote] = useState('');
  const [swapped, setSwapped] = useState(false);
  const [query, setQuery] = useState('');
  // Every annotation, read once the dialog opens and only if a search is
  // needed: the other end may be in any document.
  const all = useLiveQuery(() => (linking.to ? Promise.resolve(null) : services.annotations.all()), [services, linking.to]);

  const candidates = useMemo(() => {
    if (!all) return [];
    const terms = query.split(/\s+/).map(foldTerm).filter(Boolean);
    const tagNames = new Map((tagTypes ?? []).map((t) => [t.id, t.name]));
    const found: Annotation[] = [];
    for (const annotation of all) {
      if (annotation.id === linking.from.id) continue;
      const title = documents.get(annotation.documentId)?.meta.title ?? '';
      const haystack = foldTerm(
        `${annotation.quote.exact} ${annotation.note} ${annotation.actor ?? ''} ${title} ${annotation.tags.map((t) => tagNames.get(t) ?? '').join(' ')}`,
      );
      if (terms.every((term) => haystack.includes(term))) found.push(annotation);
      if (found.length >= maxCandidates) break;
    }
    return found;
  }, [all, query, linking.from.id, documents, tagTypes]);

  const [first, second] = swapped && linking.to ? [linking.to, linking.from] : [linking.from, linking.to];
  const submit = async () => {
    if (!first || !second) return;
    try {
      await services.annotations.link(first, second, relation, note.trim());
      const name = relationTypes?.find((r) => r.id === relation)?.name ?? relation;
      services.notify({ kind: 'info', text: `Linked: “${excerpt(first.quote.exact, 40)}” ${name} “${excerpt(second.quote.exact, 40)}”.` });
      onDone();
    } catch (error) {
      services.notify({ kind: 'error', text: `The link was not made: ${messageOf(error)}` });
    }
  };

  const end = (annotation: Annotation) => {
    const document = documents.get(annotation.documentId);
    return (
      <div className="link-end">
        <q>{excerpt(annotation.quote.exact, 220)}</q>
        <div className="link-end-source">
          {document?.meta.title ?? annotation.documentId}
          {document?.meta.date ? ` · ${formatDateSpan(document.meta.date)}` : ''}
        </div>
      </div>
    );
  };

  return (
    <Dialog ref={dialog} title="Link two passages" className="link-dialog" onCancel={onCancel} testId="link-dialog">
      {end(first!)}
      <div className="link-relation">
        <select aria-label="Relation" data-testid="link-relation" value={relation} onChange={(e) => setRelation(e.target.value)}>
          {(relationTypes ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        {linking.to && (
          <button type="button" data-testid="link-swap" title="Read the link the other way round" onClick={() => setSwapped((s) => !s)}>
            ⇅ Swap
          </button>
        )}
      </div>
      {second ? (
        <>
          {end(second)}
          <button
            type="button"
            className="link-change"
            onClick={() => {
              setSwapped(false);
              onChoose(null);
            }}
          >
            Choose another passage
          </button>
        </>
      ) : (
        <div className="link-search">
          <input
            type="search"
            autoFocus
            placeholder="Find the other passage: words of its quote, note, actor, tag or document"
            aria-label="Find the other passage"
            data-testid="link-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ol className="link-candidates" data-testid="link-candidates">
            {candidates.map((annotation) => (
              <li key={annotation.id}>
                <button type="button" data-testid="link-candidate" onClick={() => onChoose(annotation)}>
                  <span className="link-candidate-source">{documents.get(annotation.documentId)?.meta.title ?? annotation.documentId}</span>
                  <span className="link-candidate-quote">{excerpt(annotation.quote.exact, 160)}</span>
                </button>
              </li>
            ))}
            {all && candidates.length === 0 && (
              <li className="hint">No annotation matches. The other passage must be annotated first: pick it in its document’s text instead.</li>
            )}
          </ol>
          <button type="button" data-testid="link-pick-in-text" onClick={onPickInText}>
            Pick it in a document’s text…
          </button>
        </div>
      )}
      <label className="field">
        <span>Note</span>
        <textarea
          rows={2}
          value={note}
          placeholder="Why these passages belong together (optional)"
          data-testid="link-note"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="link-confirm" disabled={!second} onClick={() => void submit()}>
          Link
        </button>
      </div>
    </Dialog>
  );
}
