// What the window looked like last time (open note, preview shown), kept in the webview's
// local storage so a restart comes back to the same place. Window size and position are the
// window-state plugin's job, in Rust.
export interface Layout {
  openNote: string | null;
  showPreview: boolean;
  /** Widths in px of the library, article and draft panes (the note takes the rest); null = default. */
  widths: [number, number, number] | null;
}

const KEY = "attache.layout.v1";
const DEFAULT: Layout = { openNote: null, showPreview: true, widths: null };

function validWidths(w: unknown): [number, number, number] | null {
  return Array.isArray(w) && w.length === 3 && w.every((n) => typeof n === "number" && n >= 120 && n <= 4000)
    ? (w as [number, number, number])
    : null;
}

export function loadLayout(storage: Storage | undefined = globalThis.localStorage): Layout {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return { ...DEFAULT };
    const v = JSON.parse(raw) as Partial<Layout>;
    return {
      openNote: typeof v.openNote === "string" ? v.openNote : null,
      showPreview: typeof v.showPreview === "boolean" ? v.showPreview : true,
      widths: validWidths(v.widths),
    };
  } catch {
    return { ...DEFAULT }; // unreadable: start fresh rather than fail
  }
}

export function saveLayout(layout: Layout, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the layout is a convenience, never a reason to fail.
  }
}
