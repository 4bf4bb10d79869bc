import { describe, expect, it } from "vitest";
import { actionFor, SHORTCUTS } from "../../src/lib/shortcuts";

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

  it("lists every action once in the help table", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
