// A windowed list: of a long list of equal-height rows, only the rows in (or near) the
// viewport are in the DOM. The library renders ~30 rows of a 1,000-note vault this way, which
// keeps the web view's memory and layout cost flat however large the vault grows.

/** Rows rendered when nothing is laid out yet (tests without layout, the first frame). */
export const FALLBACK_ROWS = 40;

/** Rows `[start, end)` to render, with the space the others take above and below (px). */
export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

/**
 * The rows of a `count`-row list, each `rowHeight` px tall, that show in a viewport
 * `viewport` px tall scrolled to `scrollTop`, plus `overscan` rows on each side so a
 * scroll by the wheel or the keyboard never shows a blank row.
 */
export function rowWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 6): RowWindow {
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  if (!(rowHeight > 0) || !(viewport > 0)) {
    const end = Math.min(count, FALLBACK_ROWS);
    return { start: 0, end, before: 0, after: (count - end) * Math.max(0, rowHeight || 0) };
  }
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, Math.ceil((Math.max(0, scrollTop) + viewport) / rowHeight) + overscan);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/**
 * The row that ArrowDown/ArrowUp/Home/End moves to from row `from`, skipping rows that
 * cannot take focus (`enabled` false); null when there is none or the key is another one.
 */
export function stepRow(from: number, key: string, count: number, enabled: (i: number) => boolean): number | null {
  const scan = (start: number, step: 1 | -1): number | null => {
    for (let i = start; i >= 0 && i < count; i += step) if (enabled(i)) return i;
    return null;
  };
  switch (key) {
    case "ArrowDown":
      return scan(from + 1, 1);
    case "ArrowUp":
      return scan(from - 1, -1);
    case "Home":
      return scan(0, 1);
    case "End":
      return scan(count - 1, -1);
    default:
      return null;
  }
}

/** The scroll position that brings row `index` fully into view, moving as little as possible. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewport: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}
