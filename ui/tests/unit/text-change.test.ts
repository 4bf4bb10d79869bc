import { describe, expect, it } from "vitest";
import { minimalChange } from "../../src/lib/text-change";

function apply(before: string, after: string): string {
  const c = minimalChange(before, after);
  return c === null ? before : before.slice(0, c.from) + c.insert + before.slice(c.to);
}

describe("minimalChange", () => {
  const draft = "---\ntitle: Talks\nclassification: TLP:AMBER\n---\n# Talks\n\nBody typed by the analyst.\n";
  const saved = draft.replace("title: Talks\n", "title: Talks\nid: 0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b\n");

  it("changes only the lines the vault added, so a caret in the body maps past them", () => {
    const c = minimalChange(draft, saved)!;
    expect(apply(draft, saved)).toBe(saved);
    expect(c.to).toBeLessThan(draft.indexOf("# Talks"));
    expect(c.insert).toContain("id: 0b7f3c1e");
  });

  it("is null for equal texts", () => {
    expect(minimalChange(draft, draft)).toBeNull();
  });

  it.each([
    ["", "new"],
    ["old", ""],
    ["aaa", "aaaa"],
    ["x😀y", "x😁y"],
    ["😀", "😀😀"],
  ])("turns %j into %j without splitting a character", (a, b) => {
    expect(apply(a, b)).toBe(b);
    const c = minimalChange(a, b)!;
    expect(c.insert).toBe(b.slice(c.from, c.from + c.insert.length));
    expect(new TextEncoder().encode(c.insert).length).toBeGreaterThanOrEqual(0);
  });
});
