import type { TagType } from '../../shared/annotation/model';

/// The small toolbar over a selected passage: one button per tag type, with
/// the number key that does the same.
export function SelectionToolbar({ rect, tagTypes, onTag }: { rect: { left: number; top: number; bottom: number }; tagTypes: readonly TagType[]; onTag: (tagType: TagType) => void }) {
  const above = rect.top > 60;
  const style = { left: Math.max(8, Math.min(rect.left, window.innerWidth - 420)), top: above ? rect.top - 44 : rect.bottom + 8 };
  return (
    <div className="selection-toolbar" style={style} role="toolbar" aria-label="Tag the selected passage" data-testid="selection-toolbar">
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
