import { type RefObject, useEffect, useRef } from 'react';
import type { Reader } from '../../../editor/reader';
import type { Screen } from '../../screens';
import { forgetPreference, readPreference, writePreference } from './preferences';

/// Where the researcher was when the app last closed: the screen, and in
/// the reader the document and the place in its text (the canonical
/// offset at the top of the view), so a restart opens there again.

/// The screens worth reopening: those named by their kind alone, and the
/// reader by its document (a passage asked for once is not asked again).
export type RememberedScreen = { kind: 'library' | 'search' | 'table' | 'timeline' | 'matrix' | 'actors' | 'sets' } | { kind: 'reader'; documentId: string };

const plainKinds = new Set(['library', 'search', 'table', 'timeline', 'matrix', 'actors', 'sets']);

function isRemembered(value: unknown): value is RememberedScreen {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'reader') return typeof (value as { documentId?: unknown }).documentId === 'string';
  return typeof kind === 'string' && plainKinds.has(kind);
}

/// A place in one document's text.
export interface ReadingPlace {
  documentId: string;
  offset: number;
}

function isPlace(value: unknown): value is ReadingPlace {
  const place = value as ReadingPlace | null;
  return typeof place === 'object' && place !== null && typeof place.documentId === 'string' && Number.isInteger(place.offset) && place.offset >= 0;
}

/// What is kept of a screen. Side by side and an actor's page hang on
/// annotations of the moment and are not reopened: after them a restart
/// opens the library.
export function rememberedOf(screen: Screen): RememberedScreen {
  if (screen.kind === 'reader') return { kind: 'reader', documentId: screen.documentId };
  return plainKinds.has(screen.kind) ? ({ kind: screen.kind } as RememberedScreen) : { kind: 'library' };
}

// The place to scroll to when the reader reopened at start-up draws its
// document; taken once.
let pending: ReadingPlace | null = null;

/// The screen to reopen, once the library's documents are known; null to
/// start in the library. A document that is gone is not reopened.
export function screenToReopen(has: (documentId: string) => boolean): Screen | null {
  const screen = readPreference<RememberedScreen | null>('screen', isRemembered, null);
  if (!screen || screen.kind === 'library') return null;
  if (screen.kind !== 'reader') return screen;
  if (!has(screen.documentId)) return null;
  const place = readPreference<ReadingPlace | null>('place', isPlace, null);
  pending = place?.documentId === screen.documentId ? place : null;
  return { kind: 'reader', documentId: screen.documentId };
}

/// Remembers the screen shown; restores the one of the last session first,
/// once `loaded` says the library's documents are read. `has` tells
/// whether a document is still in the library.
export function useRememberedScreen(screen: Screen, loaded: boolean, has: (documentId: string) => boolean, go: (screen: Screen) => void): void {
  const restored = useRef(false);
  useEffect(() => {
    if (!loaded || restored.current) return;
    restored.current = true;
    // The researcher may have moved on while the library loaded.
    if (screen.kind !== 'library') return;
    const reopen = screenToReopen(has);
    if (reopen) go(reopen);
  }, [loaded, screen, has, go]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loaded` re-runs it once the restore has happened.
  useEffect(() => {
    // Until the last session's screen is restored, the library shown is
    // only the start, not a choice to remember.
    if (!restored.current) return;
    writePreference('screen', rememberedOf(screen));
  }, [screen, loaded]);
}

/// Keeps the reader's place in the text as it scrolls, and on the reader
/// reopened at start-up scrolls back to the place kept.
export function useReadingPlace(documentId: string, readerRef: RefObject<Reader | null>, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    // Read in a frame of its own, and the reader always through the ref:
    // under React's development double mount the reader first made is
    // destroyed after this effect has run, and another takes its place.
    let column: HTMLElement | null = null;
    let timer = 0;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const reader = readerRef.current;
        const offset = reader && column ? placeAtTop(reader, column) : null;
        if (offset !== null) writePreference('place', { documentId, offset } satisfies ReadingPlace);
      }, 250);
    };
    const frame = requestAnimationFrame(() => {
      const reader = readerRef.current;
      column = (reader?.view.dom.closest('.reader-column') as HTMLElement | null) ?? null;
      if (!reader || !column) return;
      if (pending?.documentId === documentId) {
        const { offset } = pending;
        pending = null;
        scrollToPlace(reader, column, offset);
      }
      column.addEventListener('scroll', onScroll, { passive: true });
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      column?.removeEventListener('scroll', onScroll);
    };
  }, [documentId, readerRef, ready]);
}

/// The canonical offset of the text at the top of the column's view.
function placeAtTop(reader: Reader, column: HTMLElement): number | null {
  if (column.scrollTop < 8) return 0;
  const box = column.getBoundingClientRect();
  const text = reader.view.dom.getBoundingClientRect();
  const found = reader.view.posAtCoords({ left: text.left + Math.min(40, text.width / 2), top: box.top + 24 });
  return found ? reader.positions.fromPm(found.pos, 1) : null;
}

/// Scrolls so the text at `offset` is at the top of the column.
function scrollToPlace(reader: Reader, column: HTMLElement, offset: number): void {
  if (offset <= 0) return;
  const end = Math.min(offset, reader.document.text.length);
  // Draws the section there (sections off screen are skipped), then puts
  // its line at the top rather than the middle.
  reader.scrollTo(end);
  requestAnimationFrame(() => {
    try {
      const coords = reader.view.coordsAtPos(reader.positions.toPm(end, 1));
      column.scrollTop += coords.top - column.getBoundingClientRect().top - 16;
    } catch {
      // A place past the text's end after a revision: the middle will do.
    }
  });
}

/// Forgets the screen and place (for a test, or a library reset).
export function forgetPlace(): void {
  forgetPreference('screen');
  forgetPreference('place');
}
