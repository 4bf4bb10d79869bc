import { mockIPC } from "@tauri-apps/api/mocks";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Library, SEARCH_DEBOUNCE_MS } from "../../src/lib/stores/library.svelte";
import { createMockBackend, FIXTURE_ARTICLE, fixtureBrief, type MockBackend } from "../fixtures/mock-backend";

let backend: MockBackend;
beforeEach(() => {
  backend = createMockBackend();
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
  const brief = fixtureBrief(FIXTURE_ARTICLE, "2026-03-01");
  const meta = { title: null, classification: "OFFICIAL", link_style: null };
  backend.handle("note_create", { brief, source: FIXTURE_ARTICLE, meta });
  const other = { ...brief, title: "Other", parties: [brief.parties[1]], positions: [] };
  backend.handle("note_create", { brief: other, source: "x", meta });
});

describe("Library", () => {
  it("lists notes and the parties they name", async () => {
    const lib = new Library();
    await lib.refresh();
    expect(lib.notes).toHaveLength(2);
    expect(lib.parties.map((p) => [p.name, p.notes])).toEqual([
      ["Élise Moreau", 1],
      ["Jonas Köhler", 2],
      ["unnamed senior official", 1],
    ]);
  });

  it("merges a party's names by alias: one entry, one count, the filter and the page find every note", async () => {
    const brief = fixtureBrief(FIXTURE_ARTICLE, "2026-03-02");
    // A later note's draft names Köhler by surname, with his full name as an alias.
    const koehler = { ...brief.parties[1], name: "Köhler", aliases: ["Jonas Köhler"] };
    const third = { ...brief, title: "Third", parties: [koehler], positions: [{ ...brief.positions[0], speaker: "Köhler", party: koehler.id }] };
    backend.handle("note_create", { brief: third, source: "y", meta: { title: null, classification: null, link_style: null } });
    const lib = new Library();
    await lib.refresh();
    const entry = lib.parties.filter((p) => p.names.includes("Köhler") || p.names.includes("Jonas Köhler"));
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ name: "Jonas Köhler", notes: 3 });
    lib.partyFilter = "Jonas Köhler";
    expect(lib.visible).toHaveLength(3);
    await lib.showParty("Jonas Köhler");
    expect(lib.partyHits).toHaveLength(3);
  });

  it("falls back to one entry per front matter name when Rust cannot group", async () => {
    const { groupsByName, partyNames } = await import("../../src/lib/stores/library.svelte");
    const notes = [{ parties: ["A", "B"] }, { parties: ["B", "B"] }];
    expect(groupsByName(notes)).toEqual([
      { name: "A", names: ["A"], notes: 1 },
      { name: "B", names: ["B"], notes: 2 },
    ]);
    expect([...partyNames([{ name: "Putin", names: ["Putin", "Vladimir Putin"], notes: 2 }], "Putin")]).toEqual(["putin", "vladimir putin"]);
    expect([...partyNames([], "X")]).toEqual(["x"]);
  });

  it("searches as you type, debounced, and clears back to all notes", async () => {
    vi.useFakeTimers();
    const lib = new Library();
    await lib.refresh();
    lib.setQuery("mon");
    lib.setQuery("monitors");
    expect(backend.calls.filter((c) => c === "notes_search")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 10);
    expect(backend.calls.filter((c) => c === "notes_search")).toHaveLength(1);
    expect(lib.visible.map((n) => n.title)).toEqual([
      "Ministers meet in Genève as talks on the Danube corridor resume 🚢",
    ]);
    expect(lib.snippet(lib.visible[0].path)).toContain("monitors");
    lib.setQuery("");
    expect(lib.visible).toHaveLength(2);
  });

  it("filters by party", async () => {
    const lib = new Library();
    await lib.refresh();
    lib.partyFilter = "Élise Moreau";
    expect(lib.visible).toHaveLength(1);
    lib.partyFilter = "Jonas Köhler";
    expect(lib.visible).toHaveLength(2);
  });

  it("shows every note and position for a party", async () => {
    const lib = new Library();
    await lib.showParty("Jonas Köhler");
    expect(lib.partyHits).toHaveLength(2);
    expect(lib.partyHits[0].positions.map((p) => p.text)).toEqual(["can reopen within two weeks if both sides sign."]);
  });

  it("moves a note to the trash and restores it", async () => {
    const lib = new Library();
    await lib.refresh();
    const path = lib.notes[0].path;
    expect(await lib.remove(path)).toBe(true);
    expect(lib.notes).toHaveLength(1);
    await lib.loadTrash();
    expect(lib.trash).toHaveLength(1);
    expect(await lib.restore(lib.trash[0].trash_id)).toBe(path);
    expect(lib.notes).toHaveLength(2);
    expect(lib.trash).toHaveLength(0);
  });
});
