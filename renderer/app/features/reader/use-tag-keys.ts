import { type RefObject, useEffect } from 'react';
import type { TagType } from '../../../../shared/annotation/model';
import type { Reader } from '../../../editor/reader';
import { isTyping, overlayOpen } from '../../ui/keys';
import { holdKeys, releaseKeys } from './key-hold';

/// Keys 1–9 tag the passage selected in the reader with the tag type in
/// that place of the list, while the current text is shown (`active`) and
/// nothing else (a field, a dialog) has the keys. `tag` answers whether it
/// gave the new annotation's actor field the focus: the keys typed after a
/// tag type that names an actor wait for that field.
export function useTagKeys(
  tagTypes: readonly TagType[] | undefined,
  readerRef: RefObject<Reader | null>,
  active: boolean,
  tag: (tagType: TagType) => Promise<boolean>,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || overlayOpen()) return;
      if (!/^[1-9]$/.test(event.key)) return;
      const tagType = tagTypes?.[Number(event.key) - 1];
      const current = readerRef.current?.selection();
      if (!tagType || !current || current.kind === 'none' || !active) return;
      event.preventDefault();
      // Held until the new annotation's own actor field has the focus.
      if (tagType.namesActor) holdKeys();
      void tag(tagType).then((focused) => {
        if (!focused) releaseKeys();
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tagTypes, readerRef, active, tag]);
}
