import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filterCommands, matchScore, paletteCommands } from "../../src/lib/palette";
import { SHORTCUTS } from "../../src/lib/shortcuts";

describe("command palette list", () => {
  it("offers every command of the shortcut table and none of the plain keys", () => {
    const actions = paletteCommands().map((c) => c.action);
    expect(actions).toContain("save");
    expect(actions).toContain("palette");
    expect(actions).toContain("paneNote");
    expect(actions).not.toContain("escape");
    expect(actions).not.toContain("arrows");
    expect(actions.length).toBe(SHORTCUTS.filter((s) => s.command).length);
  });

  it("shows the whole list, in table order, for an empty query", () => {
    expect(filterCommands("  ").map((c) => c.action)).toEqual(paletteCommands().map((c) => c.action));
  });

  it("ranks a label's start above a word's start above a substring above letters in order", () => {
    expect(matchScore("Save the note now", "sav")).toBeGreaterThan(matchScore("Search all notes", "note"));
    expect(matchScore("Search all notes", "note")).toBeGreaterThan(matchScore("Settings", "tin"));
    expect(matchScore("Settings", "tin")).toBeGreaterThan(matchScore("Save the note now", "svn"));
    expect(matchScore("Save the note now", "svn")).toBeGreaterThan(0);
    expect(matchScore("Save the note now", "xyz")).toBe(0);
  });

  it("finds commands by a word of their label, best first", () => {
    // A word starting with "note" in each; ties keep the table's order.
    expect(filterCommands("note").map((c) => c.action)).toEqual(["save", "export", "find", "searchAll", "paneNote", "quit"]);
    // The label's start beats a word inside another label.
    expect(filterCommands("se")[0].action).toBe("searchAll");
  });

  it("finds a command by its keys", () => {
    expect(filterCommands("ctrl+k").map((c) => c.action)).toContain("palette");
    expect(filterCommands("ctrl+3")[0].action).toBe("paneDraft");
  });

  it("says nothing matches rather than guessing", () => {
    expect(filterCommands("qqqq")).toEqual([]);
  });
});

/** The native menu's accelerators, as written in menu.rs, in the table's notation. */
function menuAccelerators(): Map<string, string> {
  const src = readFileSync(join(__dirname, "../../../src-tauri/src/menu.rs"), "utf8");
  const out = new Map<string, string>();
  for (const m of src.matchAll(/keyed\("([^"]+)", "[^"]*", "([^"]+)"\)/g)) {
    out.set(m[1], m[2].replace("CmdOrCtrl+", "Ctrl+").replace("Comma", ","));
  }
  return out;
}

describe("native menu", () => {
  it("shows each app command's key from the shortcut table", () => {
    const menu = menuAccelerators();
    expect(menu.size).toBeGreaterThanOrEqual(10);
    for (const [id, keys] of menu) {
      expect(SHORTCUTS.find((s) => s.action === id)?.keys, id).toBe(keys);
    }
    for (const s of SHORTCUTS.filter((s) => s.command)) expect(menu.get(s.action), s.action).toBe(s.keys);
  });

  it("marks mnemonics with & (a literal _ shows on Linux), one per label", () => {
    const src = readFileSync(join(__dirname, "../../../src-tauri/src/menu.rs"), "utf8");
    const body = src.slice(src.indexOf("pub fn build"), src.indexOf("pub fn on_event"));
    const labels = [...body.matchAll(/(?:item|keyed)\("[^"]+", "([^"]+)"|Some\("([^"]+)"\)|"(&[A-Z][a-z]+)"/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    expect(labels.length).toBeGreaterThan(20);
    for (const l of labels) {
      expect(l, l).not.toContain("_");
      expect(l.split("&").length - 1, l).toBe(1);
    }
  });
});
