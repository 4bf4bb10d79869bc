// Keyboard shortcuts of the workspace. One table feeds the key handler, the help panel, the
// command palette and (checked by a unit test) the native menu's accelerators, so no list can
// show a shortcut that does not work.

export type Action =
  | "new"
  | "open"
  | "draft"
  | "save"
  | "export"
  | "find"
  | "searchAll"
  | "palette"
  | "paneLibrary"
  | "paneArticle"
  | "paneDraft"
  | "paneNote"
  | "settings"
  | "help"
  | "escape"
  | "arrows"
  | "quit";

export interface Shortcut {
  action: Action;
  /** As shown to people, e.g. "Ctrl+Shift+F". Parsed by `chordOf` for the key handler. */
  keys: string;
  label: string;
  /** False for keys that are not commands (Esc, arrows): the palette leaves them out. */
  command: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "new", keys: "Ctrl+N", label: "New article", command: true },
  { action: "open", keys: "Ctrl+O", label: "Open an article file", command: true },
  { action: "draft", keys: "Ctrl+Enter", label: "Draft the brief", command: true },
  { action: "save", keys: "Ctrl+S", label: "Save the note now", command: true },
  { action: "export", keys: "Ctrl+E", label: "Export the note", command: true },
  { action: "find", keys: "Ctrl+F", label: "Find in the note", command: true },
  { action: "searchAll", keys: "Ctrl+Shift+F", label: "Search all notes", command: true },
  { action: "palette", keys: "Ctrl+K", label: "Command palette", command: true },
  { action: "paneLibrary", keys: "Ctrl+1", label: "Go to the library", command: true },
  { action: "paneArticle", keys: "Ctrl+2", label: "Go to the article", command: true },
  { action: "paneDraft", keys: "Ctrl+3", label: "Go to the draft", command: true },
  { action: "paneNote", keys: "Ctrl+4", label: "Go to the note", command: true },
  { action: "settings", keys: "Ctrl+,", label: "Settings", command: true },
  { action: "help", keys: "F1", label: "Help and shortcuts", command: true },
  { action: "escape", keys: "Esc", label: "Close a dialog or panel", command: false },
  { action: "arrows", keys: "↑ / ↓", label: "Move between draft items or notes in a list", command: false },
  { action: "quit", keys: "Ctrl+Q", label: "Quit (saves the open note; the window's size and place are kept)", command: true },
];

/** A key combination as the handler compares it: `key` lower-cased when it is one character. */
export interface Chord {
  mod: boolean;
  shift: boolean;
  key: string;
}

const KEY_NAMES: Record<string, string> = { Esc: "Escape" };

/** The chord a table entry's `keys` describes, or null when it is not one chord ("↑ / ↓"). */
export function chordOf(keys: string): Chord | null {
  if (keys.includes(" ")) return null;
  // "Ctrl++" would name the plus key: split on "+" that follows a modifier only.
  const parts = keys.split(/(?<=^(?:Ctrl|Shift)(?:\+(?:Ctrl|Shift))*)\+/);
  const key = parts.pop() ?? "";
  if (key === "") return null;
  const name = KEY_NAMES[key] ?? key;
  return { mod: parts.includes("Ctrl"), shift: parts.includes("Shift"), key: name.length === 1 ? name.toLowerCase() : name };
}

const CHORDS: readonly [Chord, Action][] = SHORTCUTS.flatMap((s) => {
  const c = chordOf(s.keys);
  return c ? [[c, s.action] as [Chord, Action]] : [];
});

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** The action a key press asks for, or null. Cmd counts as Ctrl (macOS habits). */
export function actionFor(e: KeyLike): Action | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  for (const [c, action] of CHORDS) {
    if (c.mod === mod && c.shift === e.shiftKey && c.key === key) return action;
  }
  return null;
}

/** The table entry of an action (every action has one). */
export function shortcutOf(action: Action): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.action === action);
}
