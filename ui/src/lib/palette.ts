// The command palette's list: the shortcut table's commands, ranked against what was typed.
// Pure functions, so the ranking is tested without a window.
import { SHORTCUTS, type Shortcut } from "./shortcuts";

/** The commands the palette offers, in the table's order. */
export function paletteCommands(): Shortcut[] {
  return SHORTCUTS.filter((s) => s.command);
}

/**
 * How well `query` matches `label`: 0 is no match; higher is better. A label starting with the
 * query beats a word starting with it, which beats the query inside a word, which beats its
 * letters in order (so "sv" still finds "Save"): what people expect from editors' palettes.
 */
export function matchScore(label: string, query: string): number {
  const q = query.trim().toLowerCase();
  if (q === "") return 1;
  const l = label.toLowerCase();
  if (l.startsWith(q)) return 4;
  if (l.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))) return 3;
  if (l.includes(q)) return 2;
  const letters = [...q.replace(/\s+/g, "")];
  let i = 0;
  for (const ch of l) if (ch === letters[i]) i += 1;
  return i === letters.length ? 1 : 0;
}

/** The commands matching `query`, best first; ties keep the table's order. */
export function filterCommands(query: string, commands: readonly Shortcut[] = paletteCommands()): Shortcut[] {
  return commands
    .map((c, i) => ({ c, i, score: Math.max(matchScore(c.label, query), matchScore(c.keys, query) > 2 ? 2 : 0) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((r) => r.c);
}
