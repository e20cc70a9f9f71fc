import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { compareDates, formatDateSpan } from '../../../../shared/corpus/dates';
import type { DocumentHits, SearchResults } from '../../../../shared/search/results';
import { type IndexingProgress, SearchClientDisposedError } from '../../../search/search-client';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import type { Passage } from '../../screens';
import { messageOf } from '../../../../shared/errors';
import { ScreenHeader } from '../../ui/ScreenHeader';

// Lines listed at first over all documents; a document with more offers
// the rest on demand. Enough to read through, few enough to draw at once.
const firstPage = 200;
// All the places of one document, when asked for, up to this many.
const perDocument = 2000;
// A document's heading and three lines, with the space below it; each
// group drawn is measured, so this only places those not yet drawn.
const estimatedGroupHeight = 120;
// Typing pauses this long before a query runs: a query is milliseconds, but
// results redrawn on every key make the list flicker.
const typingPause = 120;

/// Full-text search over every document: words, "phrases" and prefix*,
/// case and diacritics folded ("Mehilli" finds "Mëhilli"). Results are
/// keyword-in-context lines grouped by document, in date order; a line
/// opens its passage in the reader, selected and ready to annotate.
export function SearchScreen({
  initialQuery,
  onQuery,
  onBack,
  onOpen,
}: {
  initialQuery: string;
  onQuery: (query: string) => void;
  onBack: () => void;
  onOpen: (passage: Passage) => void;
}) {
  const { search, notify } = useServices();
  const documents = useDocuments();
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [expanded, setExpanded] = useState<Map<string, DocumentHits>>(new Map());
  const [busy, setBusy] = useState(false);
  // A query answered before documents were indexed is asked again once
  // they are: an import's documents are found without typing it again.
  const { indexing, changes } = useSyncExternalStore(search.onIndexState, search.indexState);
  // Only the answer to the latest query is shown.
  const latest = useRef(0);
  const body = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a change to the index (`changes`) is the signal to ask the query again.
  useEffect(() => {
    onQuery(query);
    const ticket = ++latest.current;
    if (!query.trim()) {
      setResults(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    const timer = window.setTimeout(() => {
      search
        .search(query, { limit: firstPage })
        .then((found) => {
          if (ticket !== latest.current) return;
          setResults(found);
          setExpanded(new Map());
          setBusy(false);
        })
        .catch((error: unknown) => {
          if (ticket !== latest.current || error instanceof SearchClientDisposedError) return;
          setBusy(false);
          notify({ kind: 'error', text: `The search failed: ${messageOf(error)}` });
        });
    }, typingPause);
    return () => window.clearTimeout(timer);
  }, [query, search, notify, onQuery, changes]);

  const groups = useMemo(() => {
    if (!results) return [];
    return results.documents
      .map((hits) => ({ hits: expanded.get(hits.documentId) ?? hits, document: documents.get(hits.documentId) }))
      .filter((g) => g.document)
      .sort((a, b) => compareDates(a.document!.meta.date, b.document!.meta.date) || a.document!.meta.title.localeCompare(b.document!.meta.title));
  }, [results, expanded, documents]);

  // "of the" is in every document of a large library: a group for each
  // would be thousands of sections laid out at once. Only those in view
  // are drawn, each measured, since a group grows when all its places are
  // shown.
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => body.current,
    estimateSize: () => estimatedGroupHeight,
    getItemKey: (index) => groups[index]!.hits.documentId,
    overscan: 4,
    // The groups start below the summary line.
    scrollMargin: list.current?.offsetTop ?? 0,
  });
  const offset = virtualizer.options.scrollMargin;

  const showAll = (documentId: string) => {
    const ticket = latest.current;
    search
      .search(query, { limit: perDocument, documentId })
      .then((found) => {
        const hits = found.documents[0];
        if (ticket !== latest.current || !hits) return;
        setExpanded((map) => new Map(map).set(documentId, hits));
      })
      .catch((error: unknown) => notify({ kind: 'error', text: `The search failed: ${messageOf(error)}` }));
  };

  return (
    <main className="screen search-screen" data-testid="search-screen">
      <ScreenHeader back={{ to: 'Library', onClick: onBack }} title="Search">
        <input
          className="search-input"
          data-testid="search-input"
          type="search"
          // The screen exists to type a query: focus it on arrival.
          autoFocus
          value={query}
          placeholder='Words, "a phrase", or a prefix* — in every document'
          aria-label="Search all documents"
          onChange={(event) => setQuery(event.target.value)}
        />
      </ScreenHeader>
      <div className="search-body" ref={body}>
        <p className="search-summary" data-testid="search-summary" aria-live="polite">
          {summary(query, results, busy, documents.size, indexing)}
        </p>
        <div className="search-groups" ref={list} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const { hits, document } = groups[item.index]!;
            return (
              <section
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={{ transform: `translateY(${item.start - offset}px)` }}
                className="search-group"
                data-testid="search-group"
                data-document={hits.documentId}
              >
                <h2 className="search-doc">
                  <span className="search-doc-title">{document!.meta.title}</span>
                  <span className="search-doc-meta">
                    {document!.meta.date ? formatDateSpan(document!.meta.date) : 'undated'} · {places(hits.count)}
                  </span>
                </h2>
                <ol className="kwic">
                  {hits.hits.map((hit) => (
                    <li key={hit.start}>
                      <button
                        type="button"
                        className="kwic-line"
                        data-testid="search-hit"
                        title="Open this passage in the reader"
                        onClick={() => onOpen({ documentId: hits.documentId, start: hit.start, end: hit.end })}
                      >
                        <span className="kwic-before">
                          <span>{hit.before}</span>
                        </span>
                        <mark>{hit.match}</mark>
                        <span className="kwic-after">{hit.after}</span>
                      </button>
                    </li>
                  ))}
                </ol>
                {hits.hits.length < hits.count && (
                  <button type="button" className="search-more" data-testid="search-more" onClick={() => showAll(hits.documentId)}>
                    {hits.hits.length === 0 ? `Show the ${places(hits.count)}` : `Show all ${places(hits.count)} in this document`}
                    {hits.count > perDocument && ` (the first ${perDocument.toLocaleString('en')})`}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      </div>
    </main>
  );
}

function places(count: number): string {
  return `${count.toLocaleString('en')} place${count === 1 ? '' : 's'}`;
}

function summary(query: string, results: SearchResults | null, busy: boolean, documentCount: number, indexing: IndexingProgress | null): string {
  if (!query.trim())
    return `Search the words of all ${documentCount.toLocaleString('en')} documents. Case and accents do not matter: “Mehilli” finds “Mëhilli”.`;
  // Documents being indexed (an import, a first launch over a whole
  // library): the results are asked again once they are, and say so.
  if (indexing)
    return `Indexing ${indexing.done.toLocaleString('en')} of ${indexing.total.toLocaleString('en')} new or changed documents: the results will include them when it is done.`;
  if (!results) return busy ? 'Searching…' : '';
  if (results.total === 0) return `Nothing found for “${query.trim()}”.`;
  const docs = results.documents.length;
  return `${places(results.total)} in ${docs.toLocaleString('en')} document${docs === 1 ? '' : 's'}.`;
}
