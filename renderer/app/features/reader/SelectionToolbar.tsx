import { useLayoutEffect, useRef, useState } from 'react';
import type { TagType } from '../../../../shared/annotation/model';

// Space kept between the toolbar and the selected lines, and the screen's edges.
const gap = 8;

/// Where the toolbar goes, given its size: above the selection's first line
/// when there is room below `top` (the header's foot), else below its last
/// line; within the window's width. Never over the selected lines.
export function toolbarPlace(
  rect: { left: number; top: number; bottom: number },
  size: { width: number; height: number },
  screen: { width: number; top: number },
): { left: number; top: number } {
  const above = rect.top - gap - size.height;
  const left = Math.max(gap, Math.min(rect.left, screen.width - size.width - gap));
  return { left, top: above >= screen.top + gap ? above : rect.bottom + gap };
}

/// The small toolbar over a selected passage: one button per tag type, with
/// the number key that does the same.
export function SelectionToolbar({
  rect,
  tagTypes,
  onTag,
}: {
  rect: { left: number; top: number; bottom: number };
  tagTypes: readonly TagType[];
  onTag: (tagType: TagType) => void;
}) {
  const bar = useRef<HTMLDivElement>(null);
  // Its real size, measured once drawn (a long list of tag types wraps).
  const [size, setSize] = useState({ width: 420, height: 44 });
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    if (width !== size.width || height !== size.height) setSize({ width, height });
  });
  // Below the screen's header: the toolbar above a line at the top would be hidden under it.
  const header = window.document.querySelector('.reader-screen > .bar')?.getBoundingClientRect().bottom ?? 0;
  const style = toolbarPlace(rect, size, { width: window.innerWidth, top: header });
  return (
    <div ref={bar} className="selection-toolbar" style={style} role="toolbar" aria-label="Tag the selected passage" data-testid="selection-toolbar">
      {tagTypes.map((tagType, i) => (
        <button
          key={tagType.id}
          type="button"
          className="tag-button"
          style={{ '--tag': tagType.color } as React.CSSProperties}
          // Keep the text selection: a mousedown on a button would clear it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTag(tagType)}
          title={i < 9 ? `Tag as ${tagType.name} (key ${i + 1})` : `Tag as ${tagType.name}`}
        >
          <span className="swatch" />
          {tagType.name}
          {i < 9 && <kbd>{i + 1}</kbd>}
        </button>
      ))}
    </div>
  );
}
