import { describe, expect, it } from "vitest";
import { actionFor, chordOf, SHORTCUTS } from "../../src/lib/shortcuts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcuts", () => {
  it("maps the issue's shortcuts to actions", () => {
    expect(actionFor(key("n", { ctrlKey: true }))).toBe("new");
    expect(actionFor(key("o", { ctrlKey: true }))).toBe("open");
    expect(actionFor(key("Enter", { ctrlKey: true }))).toBe("draft");
    expect(actionFor(key("s", { ctrlKey: true }))).toBe("save");
    expect(actionFor(key("S", { ctrlKey: true }))).toBe("save"); // caps lock
    expect(actionFor(key("e", { ctrlKey: true }))).toBe("export");
    expect(actionFor(key("f", { ctrlKey: true }))).toBe("find");
    expect(actionFor(key("F", { ctrlKey: true, shiftKey: true }))).toBe("searchAll");
    expect(actionFor(key(",", { ctrlKey: true }))).toBe("settings");
    expect(actionFor(key("F1"))).toBe("help");
    expect(actionFor(key("s", { metaKey: true }))).toBe("save");
    expect(actionFor(key("q", { ctrlKey: true }))).toBe("quit");
  });

  it("leaves plain typing and other chords alone", () => {
    expect(actionFor(key("s"))).toBeNull();
    expect(actionFor(key("Enter"))).toBeNull();
    expect(actionFor(key("z", { ctrlKey: true }))).toBeNull();
    expect(actionFor(key("s", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(actionFor(key("s", { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it("maps the palette and pane-jump keys", () => {
    expect(actionFor(key("k", { ctrlKey: true }))).toBe("palette");
    expect(actionFor(key("1", { ctrlKey: true }))).toBe("paneLibrary");
    expect(actionFor(key("2", { ctrlKey: true }))).toBe("paneArticle");
    expect(actionFor(key("3", { metaKey: true }))).toBe("paneDraft");
    expect(actionFor(key("4", { ctrlKey: true }))).toBe("paneNote");
    expect(actionFor(key("1"))).toBeNull();
    expect(actionFor(key("Escape"))).toBe("escape");
    expect(actionFor(key("Escape", { ctrlKey: true }))).toBeNull();
  });

  it("reads every shown key combination of the table as the chord it handles", () => {
    expect(chordOf("Ctrl+Shift+F")).toEqual({ mod: true, shift: true, key: "f" });
    expect(chordOf("Ctrl+,")).toEqual({ mod: true, shift: false, key: "," });
    expect(chordOf("Esc")).toEqual({ mod: false, shift: false, key: "Escape" });
    expect(chordOf("↑ / ↓")).toBeNull();
    // Every command's keys parse, so the help and the palette never show a key that does nothing.
    for (const s of SHORTCUTS.filter((s) => s.command)) expect(actionFor({ ...key(""), ...chordKey(s.keys) }), s.keys).toBe(s.action);
  });

  it("lists every action once in the help table", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});

/** A key event for a table entry's keys. */
function chordKey(keys: string) {
  const c = chordOf(keys)!;
  return { key: c.key, ctrlKey: c.mod, shiftKey: c.shift };
}
