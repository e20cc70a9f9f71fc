/// The rows of a fixed-height list to draw for a scroll position, in time
/// that does not grow with the number of rows. When the rows' full height
/// exceeds `safeHeight`, the scrollable height is `safeHeight` and the
/// scroll position is scaled onto the rows, so the last row stays within
/// the browser's reach (Chromium stops laying out at ~33.5 million px).
export interface ListWindow {
  /// Index of the first row to draw.
  first: number;
  /// One past the last row to draw.
  end: number;
  /// Empty height above the drawn rows, in the list's own px.
  before: number;
  /// Empty height below them.
  after: number;
  /// How far the drawn rows are moved up (0 or less; a transform, not
  /// layout): when scaled, the first row drawn can begin above the list's top.
  shift: number;
  /// The scrollable height of the list.
  height: number;
}

/// What the window is made from.
export interface WindowInput {
  /// Rows in the list.
  count: number;
  /// Every row's height, px.
  rowHeight: number;
  /// The list's scroll position, measured from its top (not the scroller's).
  scrollTop: number;
  /// How much of the list is in view, px.
  viewport: number;
  /// Rows drawn beyond the view on each side.
  overscan: number;
  /// The tallest list laid out as is; above it, the scroll is scaled.
  safeHeight: number;
}

/// The window to draw for `input`.
export function listWindow(input: WindowInput): ListWindow {
  const { count, rowHeight, overscan, safeHeight } = input;
  if (!(rowHeight > 0) || !(safeHeight > 0)) throw new RangeError('A list window needs a positive row height and safe height.');
  const full = count * rowHeight;
  const height = Math.min(full, safeHeight);
  const viewport = Math.max(0, input.viewport);
  const top = Math.min(Math.max(0, input.scrollTop), Math.max(0, height - viewport));
  // Where the view's top falls in the rows' own pixels: the same as the
  // scroll position unless scaled, and at the end of the scroll the last row.
  const room = height - viewport;
  const virtual = full > height && room > 0 ? (top / room) * (full - viewport) : top;
  const first = Math.max(0, Math.floor(virtual / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((virtual + viewport) / rowHeight) + overscan);
  // Row i is drawn at i × rowHeight − (virtual − top) in the list.
  const at = first * rowHeight - (virtual - top);
  const before = Math.max(0, at);
  const shift = Math.min(0, at);
  const after = Math.max(0, height - before - (end - first) * rowHeight);
  return { first, end: Math.max(first, end), before, after, shift, height };
}

/// The list's scroll position that shows row `index` at the view's top
/// (the inverse of the scaling in `listWindow`).
export function rowScrollTop(index: number, input: Omit<WindowInput, 'scrollTop' | 'overscan'>): number {
  const { count, rowHeight, safeHeight } = input;
  const full = count * rowHeight;
  const height = Math.min(full, safeHeight);
  const viewport = Math.max(0, input.viewport);
  const room = height - viewport;
  const want = Math.min(Math.max(0, index * rowHeight), Math.max(0, full - viewport));
  if (full <= height || room <= 0) return Math.min(want, Math.max(0, room));
  return (want / (full - viewport)) * room;
}
