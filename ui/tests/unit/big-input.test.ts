import { describe, expect, it } from "vitest";
import { countWords, cutPoint, endOfWord, firstWords } from "../../src/lib/big-input";
import table from "./testdata/big-input.json";

/** What the counter stands in for (and what the article pane used to run on every keystroke). */
const splitCount = (t: string) => t.trim().split(/\s+/).filter(Boolean).length;

describe("countWords", () => {
  it.each(table.countWords)("$name", ({ text, words }) => {
    expect(countWords(text)).toBe(words);
    expect(countWords(text)).toBe(splitCount(text));
  });

  it("counts a 5 MB paste like split does", () => {
    const text = "Hostile article\n" + "<b>x</b> [y](z)\n".repeat(50) + "word ".repeat(1_000_000);
    expect(countWords(text)).toBe(splitCount(text));
  });
});

describe("cutPoint", () => {
  it.each(table.cutPoint)("$name", ({ text, max, kept, lookahead }) => {
    // A run with no sentence end or line break longer than the look-ahead is cut at the word.
    const t = lookahead ? text.replace("LONG", "x".repeat(3000)) : text;
    const at = cutPoint(t, max);
    expect(at === null ? null : t.slice(0, at)).toBe(kept);
    if (kept !== null) expect(countWords(t.slice(0, at!))).toBeGreaterThanOrEqual(max);
  });

  it("keeps at least the limit and stops at the first sentence end after it", () => {
    const text = "One two three four five. ".repeat(20_000); // 100,000 words
    const kept = firstWords(text, 50_000);
    expect(countWords(kept)).toBe(50_000);
    expect(kept.endsWith("five.")).toBe(true);
    const odd = firstWords(text, 50_001);
    expect(countWords(odd)).toBe(50_005);
  });

  it("endOfWord points just past the n-th word", () => {
    expect(endOfWord("  ab cd ", 1)).toBe(4);
    expect(endOfWord("  ab cd", 2)).toBe(7);
    expect(endOfWord("ab", 2)).toBeNull();
  });
});
