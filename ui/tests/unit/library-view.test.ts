import { fireEvent, render } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { NoteSummary } from "../../src/lib/bindings/NoteSummary";
import LibraryView from "../../src/lib/components/Library.svelte";
import { Library } from "../../src/lib/stores/library.svelte";

function summary(i: number): NoteSummary {
  return {
    path: `note-${String(i).padStart(4, "0")}.md`,
    title: `Note ${i}`,
    id: null,
    created: null,
    updated: null,
    published: "2026-03-01",
    status: "draft",
    classification: "OFFICIAL",
    parties: ["Élise Moreau"],
    tags: [],
    modified_ms: 0,
    bytes: 100,
    conflict_of: null,
    problem: i === 3 ? "broken front matter" : null,
  };
}

// jsdom does no layout: give the list a 400 px viewport and each row 50 px, as a window would.
const ROW = 50;
const VIEW = 400;
const restore: (() => void)[] = [];
function fakeLayout() {
  for (const [proto, prop, value] of [
    [HTMLElement.prototype, "offsetHeight", (el: HTMLElement) => (el.matches("li[data-index]") ? ROW : 0)],
    [Element.prototype, "clientHeight", (el: Element) => (el.matches(".notes-scroll") ? VIEW : 0)],
  ] as const) {
    const before = Object.getOwnPropertyDescriptor(proto, prop);
    Object.defineProperty(proto, prop, { configurable: true, get: function (this: HTMLElement) { return value(this); } });
    restore.push(() => (before ? Object.defineProperty(proto, prop, before) : delete (proto as unknown as Record<string, unknown>)[prop]));
  }
}
afterEach(() => {
  for (const r of restore.splice(0)) r();
});

function mount(count: number) {
  const lib = new Library();
  lib.notes = Array.from({ length: count }, (_, i) => summary(i));
  render(LibraryView, { lib, currentPath: null, onOpen: () => {} });
  return lib;
}

const items = () => [...document.querySelectorAll<HTMLButtonElement>("[data-testid=notes] [data-testid=note-item]")];

describe("Library list", () => {
  it("puts only a window of a long list into the page, with its size for assistive tech", () => {
    fakeLayout();
    mount(1000);
    const shown = items();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(60);
    const first = shown[0].closest("li")!;
    expect(first.getAttribute("aria-setsize")).toBe("1000");
    expect(first.getAttribute("aria-posinset")).toBe("1");
    // The rest of the list is space, so the scroll bar is that of 1,000 rows.
    const ul = document.querySelector<HTMLElement>("[data-testid=notes]")!;
    expect(parseFloat(ul.style.paddingBottom)).toBeGreaterThan(900 * ROW);
  });

  it("draws the rows scrolled to", async () => {
    fakeLayout();
    mount(1000);
    const scroller = document.querySelector<HTMLElement>(".notes-scroll")!;
    scroller.scrollTop = 500 * ROW;
    await fireEvent.scroll(scroller);
    const paths = items().map((b) => b.dataset.path);
    expect(paths).toContain("note-0500.md");
    expect(paths).not.toContain("note-0000.md");
  });

  it("moves focus with the arrow keys past the drawn rows, skipping unreadable notes", async () => {
    fakeLayout();
    mount(1000);
    const byIndex = (i: number) => document.querySelector<HTMLButtonElement>(`button.note[data-index="${i}"]`);
    byIndex(2)!.focus();
    await fireEvent.keyDown(byIndex(2)!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(byIndex(4)); // note 3 cannot be read
    await fireEvent.keyDown(byIndex(4)!, { key: "End" });
    expect((document.activeElement as HTMLElement).dataset.path).toBe("note-0999.md");
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect((document.activeElement as HTMLElement).dataset.path).toBe("note-0998.md");
    await fireEvent.keyDown(document.activeElement!, { key: "Home" });
    expect((document.activeElement as HTMLElement).dataset.path).toBe("note-0000.md");
  });

  it("shows every note of a short list, and the empty state", () => {
    mount(5);
    expect(items()).toHaveLength(5);
    document.body.innerHTML = "";
    mount(0);
    expect(document.querySelector("[data-testid=notes-empty]")).not.toBeNull();
  });
  it("marks the words a search matched in each snippet", () => {
    fakeLayout();
    const lib = new Library();
    const note = summary(1);
    lib.notes = [note];
    lib.query = "moreau talk";
    lib.results = [
      { note, score: 1, snippet: "Talks with Élise Moreau resumed", highlights: [{ start: 0, end: 4 }, { start: 17, end: 23 }] },
    ];
    render(LibraryView, { lib, currentPath: null, onOpen: () => {} });
    const snippet = document.querySelector("[data-testid=note-snippet]")!;
    expect(snippet.textContent).toBe("Talks with Élise Moreau resumed");
    expect([...snippet.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Talk", "Moreau"]);
  });
});
