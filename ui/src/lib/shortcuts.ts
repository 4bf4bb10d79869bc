// Keyboard shortcuts of the workspace. One table feeds both the key handler and the help panel,
// so the help can never list a shortcut that does not work.

export type Action =
  | "new"
  | "open"
  | "draft"
  | "save"
  | "export"
  | "find"
  | "searchAll"
  | "settings"
  | "help"
  | "escape"
  | "arrows"
  | "quit";

export interface Shortcut {
  action: Action;
  /** As shown to people, e.g. "Ctrl+Shift+F". */
  keys: string;
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "new", keys: "Ctrl+N", label: "New article" },
  { action: "open", keys: "Ctrl+O", label: "Open an article file" },
  { action: "draft", keys: "Ctrl+Enter", label: "Draft the brief" },
  { action: "save", keys: "Ctrl+S", label: "Save the note now" },
  { action: "export", keys: "Ctrl+E", label: "Export the note" },
  { action: "find", keys: "Ctrl+F", label: "Find in the note" },
  { action: "searchAll", keys: "Ctrl+Shift+F", label: "Search all notes" },
  { action: "settings", keys: "Ctrl+,", label: "Settings" },
  { action: "help", keys: "F1", label: "Help and shortcuts" },
  { action: "escape", keys: "Esc", label: "Close a dialog or panel" },
  { action: "arrows", keys: "↑ / ↓", label: "Move between draft items or notes in a list" },
  { action: "quit", keys: "Ctrl+Q", label: "Quit (saves the open note; the window's size and place are kept)" },
];

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** The action a key press asks for, or null. Cmd counts as Ctrl (macOS habits). */
export function actionFor(e: KeyLike): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  if (e.key === "F1" && !mod) return "help";
  if (e.key === "Escape" && !mod) return "escape";
  if (!mod) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.shiftKey) return key === "f" ? "searchAll" : null;
  switch (key) {
    case "n":
      return "new";
    case "q":
      return "quit";
    case "o":
      return "open";
    case "Enter":
      return "draft";
    case "s":
      return "save";
    case "e":
      return "export";
    case "f":
      return "find";
    case ",":
      return "settings";
    default:
      return null;
  }
}
