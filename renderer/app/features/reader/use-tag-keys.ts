import { type RefObject, useEffect } from 'react';
import type { TagType } from '../../../../shared/annotation/model';
import type { Reader } from '../../../editor/reader';
import { isTyping, overlayOpen } from '../../ui/keys';

/// Keys 1–9 tag the passage selected in the reader with the tag type in
/// that place of the list, while the current text is shown (`active`) and
/// nothing else (a field, a dialog) has the keys.
export function useTagKeys(
  tagTypes: readonly TagType[] | undefined,
  readerRef: RefObject<Reader | null>,
  active: boolean,
  tag: (tagType: TagType) => Promise<void>,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || overlayOpen()) return;
      if (!/^[1-9]$/.test(event.key)) return;
      const tagType = tagTypes?.[Number(event.key) - 1];
      const current = readerRef.current?.selection();
      if (!tagType || !current || current.kind === 'none' || !active) return;
      event.preventDefault();
      void tag(tagType);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tagTypes, readerRef, active, tag]);
}
