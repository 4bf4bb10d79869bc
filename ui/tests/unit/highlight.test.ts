import { describe, expect, it } from "vitest";
import { pieces } from "../../src/lib/highlight";

describe("snippet pieces", () => {
  it("marks the ranges and keeps the rest", () => {
    expect(pieces("Talks at the Élysée on war", [{ start: 13, end: 19 }, { start: 23, end: 26 }])).toEqual([
      { text: "Talks at the ", hit: false },
      { text: "Élysée", hit: true },
      { text: " on ", hit: false },
      { text: "war", hit: true },
    ]);
  });

  it("counts UTF-16 units like the ranges do", () => {
    expect(pieces("🇺🇳 UN talks", [{ start: 5, end: 7 }])).toEqual([
      { text: "🇺🇳 ", hit: false },
      { text: "UN", hit: true },
      { text: " talks", hit: false },
    ]);
  });

  it("ignores bad ranges instead of losing text", () => {
    const text = "abc def";
    const got = pieces(text, [{ start: 4, end: 7 }, { start: 2, end: 5 }, { start: 6, end: 99 }]);
    expect(got.map((p) => p.text).join("")).toBe(text);
    expect(got.filter((p) => p.hit).map((p) => p.text)).toEqual(["def"]);
    expect(pieces("", [])).toEqual([]);
  });
});
